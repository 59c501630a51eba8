// The decision form of each task type, shaped by what POST /api/tasks/{id}/complete validates
// (case-api TaskDecisionRules): reviews complete or ask the applicant; approvals approve (with
// licence conditions) or deny with reasons; adjudications dispose of every potential match with
// a reason; technical audits record findings (severity, text) and evidence as fields of their
// own. The server's field errors appear on their fields, a finding's on its row.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Radio,
  Stack,
  StackItem,
  TextInput,
} from "@patternfly/react-core";
import PlusIcon from "@patternfly/react-icons/dist/esm/icons/plus-circle-icon";
import TrashIcon from "@patternfly/react-icons/dist/esm/icons/trash-icon";
import {
  api,
  type FindingSeverity,
  type MatchDisposition,
  type Task,
  type TaskDecision,
} from "../../api";
import { TextAreaField, TextField } from "../../components/fields";
import { listName } from "../../components/format";
import {
  auditDecision,
  findingErrors,
  SEVERITIES,
  type FindingDraft,
  type FindingRowErrors,
} from "./auditFindings";

export interface FormProps {
  task: Task;
  errors: Record<string, string>;
  busy: boolean;
  onSubmit: (decision: TaskDecision) => void;
}

/** The API's error for a field or group, beneath it. */
function FieldError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <HelperText>
      <HelperTextItem variant="error">{message}</HelperTextItem>
    </HelperText>
  );
}

/** The outcome option that sends the task back to the applicant with a question. */
const ASK_THE_APPLICANT = {
  value: "REQUEST_INFORMATION",
  label: "Ask the applicant for information",
};

/** The question a review sends the applicant; shown once "ask" is chosen. */
function QuestionField({
  value,
  onChange,
  errors,
}: {
  value: string;
  onChange: (v: string) => void;
  errors: Record<string, string>;
}) {
  return (
    <TextAreaField
      label="Question to the applicant"
      name="question"
      isRequired
      value={value}
      onChange={onChange}
      error={errors.question}
      rows={4}
    />
  );
}

/** The free comment every decision may carry. */
function CommentField({
  value,
  onChange,
  errors,
  rows,
}: {
  value: string;
  onChange: (v: string) => void;
  errors: Record<string, string>;
  rows: number;
}) {
  return (
    <TextAreaField
      label="Comment"
      name="comment"
      value={value}
      onChange={onChange}
      error={errors.comment}
      rows={rows}
    />
  );
}

/** The form's one submit button: busy while the decision is being recorded. */
function SubmitButton({
  children,
  busy,
  isDisabled = false,
  variant = "primary",
}: {
  children: string;
  busy: boolean;
  isDisabled?: boolean;
  variant?: "primary" | "danger";
}) {
  return (
    <div>
      <Button type="submit" variant={variant} isDisabled={isDisabled || busy} isLoading={busy}>
        {children}
      </Button>
    </div>
  );
}

function Choice({
  name,
  value,
  onChange,
  options,
  error,
  label,
}: {
  name: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string; description?: string }[];
  error?: string;
  label: string;
}) {
  return (
    <FormGroup role="radiogroup" fieldId={name} label={label} isRequired>
      {options.map((o) => (
        <Radio
          key={o.value}
          id={`${name}-${o.value}`}
          name={name}
          label={o.label}
          description={o.description}
          isChecked={value === o.value}
          onChange={() => onChange(o.value)}
        />
      ))}
      <FieldError message={error} />
    </FormGroup>
  );
}

/** An editable list of short texts (reasons, conditions). */
function TextList({
  label,
  name,
  items,
  onChange,
  errors,
  addLabel,
}: {
  label: string;
  name: string;
  items: string[];
  onChange: (items: string[]) => void;
  errors: Record<string, string>;
  addLabel: string;
}) {
  return (
    <FormGroup label={label} fieldId={`${name}-list`} role="group">
      <Stack hasGutter>
        {items.map((item, i) => (
          <StackItem key={i}>
            <div style={{ display: "flex", gap: "0.5rem", alignItems: "flex-start" }}>
              <div style={{ flex: 1 }}>
                <TextField
                  label={`${label.replace(/s$/, "")} ${i + 1}`}
                  name={`${name}[${i}]`}
                  value={item}
                  onChange={(v) => onChange(items.map((x, j) => (j === i ? v : x)))}
                  error={errors[`${name}[${i}]`]}
                />
              </div>
              <Button
                variant="plain"
                aria-label={`Remove ${label.toLowerCase()} ${i + 1}`}
                onClick={() => onChange(items.filter((_x, j) => j !== i))}
                style={{ marginTop: "1.75rem" }}
              >
                <TrashIcon />
              </Button>
            </div>
          </StackItem>
        ))}
        <FieldError message={errors[name]} />
        <StackItem>
          <Button variant="link" icon={<PlusIcon />} onClick={() => onChange([...items, ""])}>
            {addLabel}
          </Button>
        </StackItem>
      </Stack>
    </FormGroup>
  );
}

/** One finding row: severity and text, each with the API's error for it beneath. */
function FindingRow({
  index,
  finding,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  finding: FindingDraft;
  errors: FindingRowErrors;
  onChange: (f: FindingDraft) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const id = `findings-${index}`;
  const message = [errors.row, errors.severity, errors.text].filter(Boolean);
  return (
    <div role="group" aria-label={`Finding ${n} with its severity`}>
      <div style={{ display: "flex", gap: "0.5rem", alignItems: "flex-start" }}>
        <div style={{ flex: "0 0 10rem" }}>
          <FormSelect
            id={`${id}-severity`}
            name={`findings[${index}].severity`}
            aria-label={`Severity of finding ${n}`}
            value={finding.severity}
            onChange={(_e, v) => onChange({ ...finding, severity: v as FindingSeverity })}
            validated={errors.severity || errors.row ? "error" : "default"}
            aria-invalid={errors.severity || errors.row ? true : undefined}
            aria-describedby={message.length ? `${id}-help` : undefined}
          >
            {SEVERITIES.map((s) => (
              <FormSelectOption key={s.value} value={s.value} label={s.label} />
            ))}
          </FormSelect>
        </div>
        <div style={{ flex: 1 }}>
          <TextInput
            id={`${id}-text`}
            name={`findings[${index}].text`}
            aria-label={`Finding ${n}`}
            value={finding.text}
            onChange={(_e, v) => onChange({ ...finding, text: v })}
            validated={errors.text || errors.row ? "error" : "default"}
            aria-invalid={errors.text || errors.row ? true : undefined}
            aria-describedby={message.length ? `${id}-help` : undefined}
          />
        </div>
        <Button variant="plain" aria-label={`Remove finding ${n}`} onClick={onRemove}>
          <TrashIcon />
        </Button>
      </div>
      {message.length > 0 && (
        <HelperText id={`${id}-help`}>
          {errors.row && (
            <HelperTextItem variant="error">
              Finding {n}: {errors.row}
            </HelperTextItem>
          )}
          {errors.severity && (
            <HelperTextItem variant="error">
              Severity of finding {n}: {errors.severity}
            </HelperTextItem>
          )}
          {errors.text && (
            <HelperTextItem variant="error">
              Finding {n}: {errors.text}
            </HelperTextItem>
          )}
        </HelperText>
      )}
    </div>
  );
}

/** Technical audit: findings with severity, the certification outcome, evidence; or ask. */
export function TechnicalAuditForm({ errors, busy, onSubmit }: FormProps) {
  const [outcome, setOutcome] = useState("");
  const [findings, setFindings] = useState<FindingDraft[]>([]);
  const [evidence, setEvidence] = useState("");
  const [comment, setComment] = useState("");
  const [question, setQuestion] = useState("");
  const critical = outcome === "COMPLETE" && findings.some((f) => f.severity === "CRITICAL");
  return (
    <Form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(auditDecision({ outcome, question, findings, evidence, comment }));
      }}
    >
      <Choice
        label="Certification outcome"
        name="outcome"
        value={outcome}
        onChange={setOutcome}
        error={errors.outcome}
        options={[
          {
            value: "COMPLETE",
            label: "Technically certified",
            description: "The classification and technical description hold; the case moves on.",
          },
          {
            ...ASK_THE_APPLICANT,
            description: "The clock stops until the applicant answers; you get the task back then.",
          },
        ]}
      />
      {outcome === "REQUEST_INFORMATION" && (
        <QuestionField value={question} onChange={setQuestion} errors={errors} />
      )}
      <FormGroup label="Findings" fieldId="findings" role="group">
        <Stack hasGutter>
          {findings.map((f, i) => (
            <StackItem key={i}>
              <FindingRow
                index={i}
                finding={f}
                errors={findingErrors(errors, i)}
                onChange={(next) => setFindings(findings.map((x, j) => (j === i ? next : x)))}
                onRemove={() => setFindings(findings.filter((_x, j) => j !== i))}
              />
            </StackItem>
          ))}
          <FieldError message={errors.findings && `Findings: ${errors.findings}`} />
          {critical && (
            <StackItem>
              <Alert
                variant="warning"
                isInline
                isPlain
                title="A critical finding makes the case high-risk: its approval will need a manager's countersign."
              />
            </StackItem>
          )}
          <StackItem>
            <Button
              variant="link"
              icon={<PlusIcon />}
              onClick={() => setFindings([...findings, { severity: "MINOR", text: "" }])}
            >
              Add a finding
            </Button>
          </StackItem>
        </Stack>
      </FormGroup>
      <TextAreaField
        label="Evidence examined"
        name="evidence"
        value={evidence}
        onChange={setEvidence}
        error={errors.evidence}
        rows={2}
        hint="Documents, tests or sources you relied on"
      />
      <CommentField value={comment} onChange={setComment} errors={errors} rows={3} />
      <SubmitButton busy={busy} isDisabled={!outcome}>
        {outcome === "REQUEST_INFORMATION" ? "Send the question" : "Complete the technical audit"}
      </SubmitButton>
    </Form>
  );
}

/** Legal review: a recommendation with provisos, or a question to the applicant. */
export function LegalReviewForm({ errors, busy, onSubmit }: FormProps) {
  const [outcome, setOutcome] = useState("");
  const [recommendation, setRecommendation] = useState("");
  const [conditions, setConditions] = useState<string[]>([]);
  const [question, setQuestion] = useState("");
  return (
    <Form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({
          outcome,
          question: outcome === "REQUEST_INFORMATION" ? question : null,
          comment: recommendation || null,
          conditions: outcome === "COMPLETE" ? conditions.filter((c) => c.trim()) : [],
        });
      }}
    >
      <Choice
        label="Outcome"
        name="outcome"
        value={outcome}
        onChange={setOutcome}
        error={errors.outcome}
        options={[
          {
            value: "COMPLETE",
            label: "Review complete — send to approval",
            description:
              "With your recommendation and any provisos the approver should put on the licence.",
          },
          ASK_THE_APPLICANT,
        ]}
      />
      {outcome === "REQUEST_INFORMATION" && (
        <QuestionField value={question} onChange={setQuestion} errors={errors} />
      )}
      {outcome === "COMPLETE" && (
        <>
          <TextAreaField
            label="Recommendation"
            name="comment"
            value={recommendation}
            onChange={setRecommendation}
            error={errors.comment}
            rows={4}
            hint="What you recommend the approver decides, and why"
          />
          <TextList
            label="Provisos"
            name="conditions"
            items={conditions}
            onChange={setConditions}
            errors={errors}
            addLabel="Add a proviso"
          />
        </>
      )}
      <SubmitButton busy={busy} isDisabled={!outcome}>
        {outcome === "REQUEST_INFORMATION" ? "Send the question" : "Complete the legal review"}
      </SubmitButton>
    </Form>
  );
}

/** Approval and countersign: approve (with licence conditions) or deny with reasons. */
export function ApprovalForm({ task, errors, busy, onSubmit }: FormProps) {
  const [outcome, setOutcome] = useState("");
  const [reasons, setReasons] = useState<string[]>([""]);
  const [comment, setComment] = useState("");
  // The legal reviewer's provisos are offered as the licence's conditions.
  const legal = useQuery({
    queryKey: ["case", task.caseId, "tasks"],
    queryFn: () => api.tasks.search({ caseId: task.caseId, status: "ANY", all: true, size: 100 }),
  });
  const suggested = (legal.data?.items ?? [])
    .filter((t) => (t.type === "LEGAL_REVIEW" || t.type === "APPROVAL") && t.status === "COMPLETED")
    .flatMap((t) => t.decision?.conditions ?? []);
  const [conditions, setConditions] = useState<string[] | null>(null);
  const shown = conditions ?? [...new Set(suggested)];
  const countersign = task.type === "COUNTERSIGN";
  // what the approver must not miss: the technical audit's critical findings
  const critical = (legal.data?.items ?? [])
    .filter((t) => t.type === "TECHNICAL_AUDIT" && t.status === "COMPLETED")
    .flatMap((t) => t.decision?.findings ?? [])
    .filter((f) => f.severity === "CRITICAL");
  return (
    <Form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({
          outcome,
          comment: comment || null,
          reasons: outcome === "DENY" ? reasons : [],
          conditions: outcome === "APPROVE" ? shown.filter((c) => c.trim()) : [],
        });
      }}
    >
      {critical.length > 0 && (
        <Alert
          variant="warning"
          isInline
          title={`The technical audit reported ${critical.length === 1 ? "a critical finding" : `${critical.length} critical findings`}`}
        >
          <ul>
            {critical.map((f, i) => (
              <li key={i}>{f.text}</li>
            ))}
          </ul>
          The case is high-risk: an approval goes to a manager for countersignature.
        </Alert>
      )}
      <Choice
        label={countersign ? "Countersignature" : "Decision"}
        name="outcome"
        value={outcome}
        onChange={setOutcome}
        error={errors.outcome}
        options={[
          {
            value: "APPROVE",
            label: countersign ? "Countersign the approval" : "Approve — issue the licence",
            description: "The licence is issued at once, with the conditions below.",
          },
          {
            value: "DENY",
            label: "Deny",
            description: "The applicant is told the reasons and may appeal.",
          },
        ]}
      />
      {outcome === "APPROVE" && (
        <TextList
          label="Licence conditions"
          name="conditions"
          items={shown}
          onChange={setConditions}
          errors={errors}
          addLabel="Add a condition"
        />
      )}
      {outcome === "DENY" && (
        <TextList
          label="Reasons"
          name="reasons"
          items={reasons}
          onChange={setReasons}
          errors={errors}
          addLabel="Add a reason"
        />
      )}
      <CommentField value={comment} onChange={setComment} errors={errors} rows={3} />
      <SubmitButton
        busy={busy}
        isDisabled={!outcome}
        variant={outcome === "DENY" ? "danger" : "primary"}
      >
        {outcome === "DENY"
          ? "Deny the application"
          : countersign
            ? "Countersign"
            : "Approve and issue the licence"}
      </SubmitButton>
    </Form>
  );
}

/** Match adjudication: true or false match per potential hit, each with a mandatory reason. */
export function AdjudicationForm({ task, errors, busy, onSubmit }: FormProps) {
  const matches = useQuery({
    queryKey: ["case", task.caseId, "matches"],
    queryFn: () => api.cases.matches(task.caseId),
  });
  const [dispositions, setDispositions] = useState<
    Record<number, { disposition: string; reason: string }>
  >({});
  const [comment, setComment] = useState("");
  if (matches.isPending) return <p>Loading the potential matches…</p>;
  if (matches.isError)
    return <Alert variant="danger" isInline title="The potential matches could not be loaded" />;
  const list = matches.data;
  const set = (id: number, change: Partial<{ disposition: string; reason: string }>) =>
    setDispositions((d) => ({
      ...d,
      [id]: { ...(d[id] ?? { disposition: "", reason: "" }), ...change },
    }));
  return (
    <Form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({
          comment: comment || null,
          dispositions: list.map(
            (m) =>
              ({
                matchId: m.id,
                disposition: dispositions[m.id]?.disposition ?? "",
                reason: dispositions[m.id]?.reason ?? "",
              }) as MatchDisposition,
          ),
        });
      }}
    >
      {errors.dispositions && <Alert variant="danger" isInline title={errors.dispositions} />}
      {list.map((m, i) => (
        <Card key={m.id} isCompact>
          <CardTitle component="h3">
            Potential match {i + 1}: “{m.partyName}” ({m.partyRole.toLowerCase().replace(/_/g, " ")}
            ) ~ “{m.listedName}”
          </CardTitle>
          <CardBody>
            <p className="pf-v6-u-mb-sm">
              {listName(m.listSource)}, list version {m.listVersion}; {m.algorithm} similarity{" "}
              {Number(m.score).toFixed(3)}.
            </p>
            <Choice
              label="Is this the listed party?"
              name={`dispositions[${i}].disposition`}
              value={dispositions[m.id]?.disposition ?? ""}
              onChange={(v) => set(m.id, { disposition: v })}
              error={errors[`dispositions[${i}].disposition`]}
              options={[
                {
                  value: "TRUE_MATCH",
                  label: "True match — this is the listed party",
                  description: "The case is returned without action.",
                },
                { value: "FALSE_MATCH", label: "False match — a different party" },
              ]}
            />
            <TextAreaField
              label="Reason"
              name={`dispositions[${i}].reason`}
              isRequired
              rows={2}
              value={dispositions[m.id]?.reason ?? ""}
              onChange={(v) => set(m.id, { reason: v })}
              error={errors[`dispositions[${i}].reason`]}
              hint="What you compared: address, country, registration number, aliases"
            />
          </CardBody>
        </Card>
      ))}
      <CommentField value={comment} onChange={setComment} errors={errors} rows={2} />
      <SubmitButton busy={busy}>Record the adjudication</SubmitButton>
    </Form>
  );
}
