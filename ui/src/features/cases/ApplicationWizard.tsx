import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  AlertActionLink,
  Breadcrumb,
  BreadcrumbItem,
  Button,
  Checkbox,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Label,
  List,
  ListItem,
  PageSection,
  Title,
  DataList,
  DataListItem,
  DataListItemRow,
  DataListItemCells,
  DataListCell,
} from "@patternfly/react-core";
import { api, ApiError, explain, type CaseDetail, type DocumentInfo } from "../../api";
import { toFieldMap } from "../../api/problem";
import { ErrorState, Loading } from "../../components/States";
import { DocumentUpload } from "../../components/DocumentUpload";
import { formatBytes, formatDateTime, words } from "../../components/format";
import {
  SECTIONS,
  sectionGaps,
  sectionOf,
  sectionStatus,
  type SectionId,
  type SectionStatus,
} from "./completeness";
import { ContactSection, DestinationsSection, ItemsSection, PartiesSection } from "./sections";
import { useDraft, type SaveState } from "./useDraft";

const KIND_TEXT: Record<string, string> = {
  AI_MODEL: "AI model",
  HARDWARE: "Hardware",
  SOFTWARE: "Software",
  TECHNOLOGY: "Technology",
};

const STATUS_LABEL: Record<
  SectionStatus,
  { text: string; color: "grey" | "blue" | "green" | "red" }
> = {
  "not-started": { text: "Not started", color: "grey" },
  "in-progress": { text: "In progress", color: "blue" },
  complete: { text: "Completed", color: "green" },
  errors: { text: "Needs a fix", color: "red" },
};

export default function ApplicationWizard() {
  const { id } = useParams();
  const query = useQuery({ queryKey: ["case", id], queryFn: () => api.cases.get(id!) });
  if (query.isPending) return <Loading what="the application" />;
  if (query.isError)
    return (
      <PageSection>
        <ErrorState
          title="The application could not be opened"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      </PageSection>
    );
  if (query.data.status !== "DRAFT")
    return (
      <PageSection>
        <Alert
          variant="info"
          isInline
          title={`${query.data.reference} has been submitted and can no longer be changed`}
        >
          <Link to={`/cases/${query.data.id}`}>See where it stands</Link>
        </Alert>
      </PageSection>
    );
  return <Wizard initial={query.data} />;
}

function SaveIndicator({ save }: { save: SaveState }) {
  const text =
    save.kind === "saved"
      ? save.at
        ? `All changes saved at ${save.at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" })}`
        : "Draft saved"
      : save.kind === "pending"
        ? "Unsaved changes — saving shortly"
        : save.kind === "saving"
          ? "Saving…"
          : save.message;
  const color =
    save.kind === "invalid" || save.kind === "failed"
      ? "red"
      : save.kind === "saved"
        ? "green"
        : "blue";
  return (
    <div role="status" aria-live="polite" data-testid="save-state" data-save={save.kind}>
      <Label color={color}>{text}</Label>
    </div>
  );
}

function Wizard({ initial }: { initial: CaseDetail }) {
  const { section } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const draft = useDraft(initial);
  const { content, update, errors, setErrors, save, flush } = draft;
  const [documents, setDocuments] = useState<DocumentInfo[]>(initial.documents ?? []);
  const [declared, setDeclared] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const base = `/applications/${initial.id}/edit`;

  // "Save and continue" stays on the section when the draft could not be saved (its fields
  // are marked); "Back to the task list" goes anyway: the entries stay in this wizard's state.
  const go = async (to: string, onlyIfSaved = false) => {
    const saved = await flush();
    if (saved || !onlyIfSaved) navigate(to);
  };

  const submit = useMutation({
    mutationFn: async () => {
      if (!(await flush()))
        throw new Error("Fix the marked fields first: the draft could not be saved.");
      return api.cases.submit(initial.id);
    },
    onSuccess: (c) => {
      client.setQueryData(["case", c.id], c);
      client.invalidateQueries({ queryKey: ["cases"] });
      navigate(`/cases/${c.id}?submitted=1`);
    },
    onError: (e) => {
      setSubmitError(e);
      if (e instanceof ApiError && e.errors.length > 0) setErrors(toFieldMap(e.errors));
    },
  });

  const removeDocument = useMutation({
    mutationFn: (doc: DocumentInfo) => api.cases.deleteDocument(initial.id, doc.id),
    onSuccess: (_r, doc) => setDocuments((d) => d.filter((x) => x.id !== doc.id)),
  });

  const statuses = Object.fromEntries(
    SECTIONS.map((s) => [s.id, sectionStatus(s.id, content, errors, documents.length)]),
  ) as Record<SectionId, SectionStatus>;
  const required = SECTIONS.filter((s) => s.id !== "documents");
  const completed = required.filter((s) => statuses[s.id] === "complete").length;

  const header = (title: string) => (
    <PageSection>
      <Breadcrumb>
        <BreadcrumbItem>
          <Link to="/applications">My applications</Link>
        </BreadcrumbItem>
        <BreadcrumbItem>
          <Link to={base}>{initial.reference}</Link>
        </BreadcrumbItem>
        {section && <BreadcrumbItem isActive>{title}</BreadcrumbItem>}
      </Breadcrumb>
      <Flex
        justifyContent={{ default: "justifyContentSpaceBetween" }}
        alignItems={{ default: "alignItemsCenter" }}
      >
        <FlexItem>
          <Title headingLevel="h1">{title}</Title>
        </FlexItem>
        <FlexItem>
          <SaveIndicator save={save} />
        </FlexItem>
      </Flex>
    </PageSection>
  );

  const current = SECTIONS.find((s) => s.id === section);
  if (current) {
    const index = SECTIONS.indexOf(current);
    const next = SECTIONS[index + 1];
    const props = { content, update, errors };
    return (
      <>
        {header(current.title)}
        <PageSection>
          <Content component="p">{current.hint}.</Content>
          {current.id === "contact" && <ContactSection {...props} />}
          {current.id === "items" && <ItemsSection {...props} />}
          {current.id === "parties" && <PartiesSection {...props} />}
          {current.id === "destinations" && <DestinationsSection {...props} />}
          {current.id === "documents" && (
            <DocumentsSection
              caseId={initial.id}
              documents={documents}
              onUploaded={(d) => setDocuments((all) => [...all, d])}
              onRemove={(d) => removeDocument.mutate(d)}
              removeError={removeDocument.error}
            />
          )}
          <Flex className="pf-v6-u-mt-lg" gap={{ default: "gapMd" }}>
            <Button onClick={() => void go(next ? `${base}/${next.id}` : `${base}/check`, true)}>
              Save and continue
            </Button>
            <Button variant="secondary" onClick={() => void go(base)}>
              Back to the task list
            </Button>
          </Flex>
        </PageSection>
      </>
    );
  }

  if (section === "check") {
    const allErrors = Object.entries(errors);
    return (
      <>
        {header("Check your answers")}
        <PageSection>
          {submitError !== null && (
            <Alert
              variant="danger"
              isInline
              title="The application was not submitted"
              className="pf-v6-u-mb-md"
            >
              <p>{explain(submitError)}</p>
              {allErrors.length > 0 && (
                <List>
                  {allErrors.map(([field, message]) => {
                    const s = sectionOf(field);
                    return (
                      <ListItem key={field}>
                        {s ? (
                          <Link to={`${base}/${s}`}>{SECTIONS.find((x) => x.id === s)!.title}</Link>
                        ) : (
                          field
                        )}
                        : {field} {message}
                      </ListItem>
                    );
                  })}
                </List>
              )}
            </Alert>
          )}
          <Answers initial={initial} content={content} documents={documents} base={base} />
          <Title headingLevel="h2" className="pf-v6-u-mt-xl">
            Declaration
          </Title>
          <Content component="p">
            I declare that the information in this application is true and complete to the best of
            my knowledge, that the goods will be used only for the end use stated, and that I will
            tell the licensing authority at once if anything changes.
          </Content>
          <Checkbox
            id="declaration"
            label="I agree to this declaration"
            isChecked={declared}
            onChange={(_e, v) => setDeclared(v)}
          />
          <Flex className="pf-v6-u-mt-lg" gap={{ default: "gapMd" }}>
            <Button
              onClick={() => {
                setSubmitError(null);
                submit.mutate();
              }}
              isDisabled={!declared || submit.isPending}
              isLoading={submit.isPending}
            >
              Submit application
            </Button>
            <Button variant="secondary" onClick={() => void go(base)}>
              Back to the task list
            </Button>
          </Flex>
        </PageSection>
      </>
    );
  }

  return (
    <>
      {header(`Application ${initial.reference}`)}
      <PageSection>
        <Content component="p">
          Complete each section, in any order. Your draft is saved automatically as you type; you
          can leave and come back at any time. You have completed {completed} of {required.length}{" "}
          required sections.
        </Content>
        <DataList aria-label="Sections of the application" isCompact>
          {SECTIONS.map((s, i) => {
            const st = STATUS_LABEL[statuses[s.id]];
            const gaps = statuses[s.id] === "in-progress" ? sectionGaps(s.id, content) : [];
            return (
              <DataListItem key={s.id} aria-labelledby={`section-${s.id}`}>
                <DataListItemRow>
                  <DataListItemCells
                    dataListCells={[
                      <DataListCell key="title" width={4}>
                        <Link id={`section-${s.id}`} to={`${base}/${s.id}`}>
                          {i + 1}. {s.title}
                        </Link>
                        <div className="pf-v6-u-font-size-sm">{gaps.length ? gaps[0] : s.hint}</div>
                      </DataListCell>,
                      <DataListCell key="status" alignRight isFilled={false}>
                        <Label color={st.color} data-testid={`section-status-${s.id}`}>
                          {s.id === "documents" && statuses[s.id] === "not-started"
                            ? "Optional"
                            : st.text}
                        </Label>
                      </DataListCell>,
                    ]}
                  />
                </DataListItemRow>
              </DataListItem>
            );
          })}
        </DataList>
        <Flex className="pf-v6-u-mt-lg" gap={{ default: "gapMd" }}>
          <Button onClick={() => void go(`${base}/check`)}>Check your answers and submit</Button>
        </Flex>
        {completed < required.length && (
          <Alert
            variant="info"
            isInline
            isPlain
            className="pf-v6-u-mt-md"
            title="You can check your answers at any time; submitting needs every required section completed."
            actionLinks={
              <AlertActionLink
                onClick={() =>
                  void go(`${base}/${required.find((s) => statuses[s.id] !== "complete")!.id}`)
                }
              >
                Go to the next unfinished section
              </AlertActionLink>
            }
          />
        )}
      </PageSection>
    </>
  );
}

function DocumentsSection({
  caseId,
  documents,
  onUploaded,
  onRemove,
  removeError,
}: {
  caseId: string;
  documents: DocumentInfo[];
  onUploaded: (d: DocumentInfo) => void;
  onRemove: (d: DocumentInfo) => void;
  removeError: unknown;
}) {
  return (
    <>
      <DocumentUpload caseId={caseId} onUploaded={onUploaded} />
      {removeError ? <Alert variant="danger" isInline title={explain(removeError)} /> : null}
      {documents.length > 0 && (
        <List className="pf-v6-u-mt-md" aria-label="Uploaded documents">
          {documents.map((d) => (
            <ListItem key={d.id}>
              {d.filename} ({formatBytes(d.size)}, uploaded {formatDateTime(d.uploadedAt)}){" "}
              <Button
                variant="link"
                isInline
                isDanger
                onClick={() => onRemove(d)}
                aria-label={`Remove ${d.filename}`}
              >
                Remove
              </Button>
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
}

function Answers({
  content,
  documents,
  base,
}: {
  initial: CaseDetail;
  content: ReturnType<typeof useDraft>["content"];
  documents: DocumentInfo[];
  base: string;
}) {
  const change = (s: SectionId) => (
    <Link
      to={`${base}/${s}`}
      className="pf-v6-u-font-size-md pf-v6-u-font-weight-normal pf-v6-u-ml-md"
      aria-label={`Change ${SECTIONS.find((x) => x.id === s)!.title}`}
    >
      Change
    </Link>
  );
  const row = (term: string, value: React.ReactNode) => (
    <DescriptionListGroup key={term}>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription>{value || <em>Not given</em>}</DescriptionListDescription>
    </DescriptionListGroup>
  );
  return (
    <>
      <Title headingLevel="h2" className="pf-v6-u-mt-md">
        Contact details {change("contact")}
      </Title>
      <DescriptionList isHorizontal isCompact>
        {row("Name", content.contact?.name)}
        {row("E-mail", content.contact?.email)}
        {row("Telephone", content.contact?.phone)}
      </DescriptionList>
      <Title headingLevel="h2" className="pf-v6-u-mt-lg">
        Goods, software and AI models {change("items")}
      </Title>
      {(content.items ?? []).length === 0 && (
        <p>
          <em>No item yet.</em>
        </p>
      )}
      {(content.items ?? []).map((it, i) => (
        <DescriptionList
          key={i}
          isHorizontal
          isCompact
          className="pf-v6-u-mb-md"
          aria-label={`Item ${i + 1}`}
        >
          {row(
            `Item ${i + 1}`,
            `${KIND_TEXT[it.kind ?? ""] ?? "Kind not chosen"} — ${it.description ?? ""}`,
          )}
          {row("Classification", it.eccn)}
          {row("Quantity", it.quantity != null ? `${it.quantity} ${it.unit ?? ""}` : null)}
          {row("Unit value", it.unitValue != null ? `${it.unitValue} ${it.currency ?? ""}` : null)}
          {it.kind === "AI_MODEL" && (
            <>
              {row("Parameters", it.aiModel?.parameterCount?.toLocaleString("en-GB"))}
              {row(
                "Training compute",
                it.aiModel?.trainingComputeOperations
                  ? `${it.aiModel.trainingComputeOperations} operations`
                  : null,
              )}
              {row("Weights", words(it.aiModel?.weights))}
              {row("Hosting and security", it.aiModel?.hostingControls)}
            </>
          )}
        </DescriptionList>
      ))}
      <Title headingLevel="h2" className="pf-v6-u-mt-lg">
        Parties {change("parties")}
      </Title>
      <DescriptionList isHorizontal isCompact>
        {(content.parties ?? []).map((p, i) =>
          row(
            words(p.role) + ` (${i + 1})`,
            `${p.name ?? "—"}, ${p.address ?? "—"}, ${p.country ?? "—"}`,
          ),
        )}
      </DescriptionList>
      <Title headingLevel="h2" className="pf-v6-u-mt-lg">
        Destinations and end use {change("destinations")}
      </Title>
      <DescriptionList isHorizontal isCompact>
        {row("Destinations", (content.destinations ?? []).join(", "))}
        {row("End use", content.endUseStatement)}
      </DescriptionList>
      <Title headingLevel="h2" className="pf-v6-u-mt-lg">
        Supporting documents {change("documents")}
      </Title>
      <DescriptionList isHorizontal isCompact>
        {row("Documents", documents.map((d) => d.filename).join(", ") || "None")}
      </DescriptionList>
    </>
  );
}
