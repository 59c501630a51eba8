// The case with its tabs. Applicants see their application, its timeline, questions and
// decision; staff also see screening results, earlier reviews and the full audit trail.
import { useState, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import {
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Grid,
  GridItem,
  Label,
  PageSection,
  Tab,
  TabTitleText,
  Tabs,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { api, type CaseDetail, type ScreeningMatch } from "../../api";
import { hasAny, roleHolders } from "../../app/roles";
import { useMe } from "../../app/me";
import { Empty, ErrorState, Loading } from "../../components/States";
import { SlaChip } from "../../components/SlaChip";
import { StatusLabel, STAGE_TEXT } from "../../components/StatusLabel";
import { formatDateTime, listName, words } from "../../components/format";
import { FindingsTable } from "../tasks/FindingsTable";
import { ExplanationRow } from "../screening/ScreeningExplanation";
import {
  ApplicationView,
  AuditTable,
  DecisionCard,
  DocumentsTable,
  PartiesTable,
  RfiList,
  Timeline,
} from "./CaseParts";

const TASK_NAMES: Record<string, string> = {
  ADJUDICATE_MATCHES: "Screening-match adjudication",
  TECHNICAL_AUDIT: "Technical audit",
  LEGAL_REVIEW: "Legal review",
  APPROVAL: "Approval",
  COUNTERSIGN: "Countersignature",
};

export function taskName(type: string): string {
  return TASK_NAMES[type] ?? words(type);
}

export function Screening({ c }: { c: CaseDetail }) {
  const matches = useQuery({
    queryKey: ["case", c.id, "matches"],
    queryFn: () => api.cases.matches(c.id),
  });
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((o) => {
      const next = new Set(o);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <>
      <PartiesTable c={c} />
      <h3 className="pf-v6-u-mt-lg pf-v6-u-font-weight-bold">
        Screening against the restricted-party list
      </h3>
      {matches.isPending ? (
        <Loading what="screening results" />
      ) : matches.isError ? (
        <ErrorState title="Screening results could not be loaded" error={matches.error} />
      ) : matches.data.length === 0 ? (
        <Empty
          title={
            c.status === "SUBMITTED" || c.status === "SCREENING"
              ? "Screening is running"
              : "No potential match"
          }
          detail={
            c.status === "SUBMITTED" || c.status === "SCREENING"
              ? "The parties are being compared with the restricted-party list."
              : "No party's name came close enough to a listed name to need adjudication (score below the potential-match threshold)."
          }
        />
      ) : (
        <Table aria-label="Potential screening matches" variant="compact">
          <Thead>
            <Tr>
              <Th screenReaderText="Explanation" />
              {/* shares, so no column is squeezed to nothing (a label's text may shrink to 0) */}
              <Th width={20}>Party</Th>
              <Th width={15}>Listed as</Th>
              <Th width={15}>List</Th>
              <Th modifier="fitContent">Score</Th>
              <Th width={15}>Why it matched</Th>
              <Th width={25}>Disposition</Th>
            </Tr>
          </Thead>
          {matches.data.map((m, i) => (
            <MatchRows
              key={m.id}
              match={m}
              rowIndex={i}
              isExpanded={open.has(m.id)}
              onToggle={() => toggle(m.id)}
            />
          ))}
        </Table>
      )}
    </>
  );
}

/**
 * One potential match, and under it (on demand) the matcher's explanation across the whole width
 * of the table: in a cell of its own column the aligned-words table made the table wider than
 * its card at 1280 px.
 */
function MatchRows({
  match: m,
  rowIndex,
  isExpanded,
  onToggle,
}: {
  match: ScreeningMatch;
  rowIndex: number;
  isExpanded: boolean;
  onToggle: () => void;
}) {
  return (
    <Tbody isExpanded={m.explanation ? isExpanded : undefined}>
      <Tr>
        {/* the toggle is labelled by the party's cell and its own "Details" */}
        <Td
          expand={
            m.explanation ? { rowIndex, isExpanded, onToggle, expandId: "match-why" } : undefined
          }
        />
        <Td dataLabel="Party" id={`simple-node${rowIndex}`}>
          {m.partyName} <span className="pf-v6-u-font-size-sm">({words(m.partyRole)})</span>
        </Td>
        <Td dataLabel="Listed as">{m.listedName}</Td>
        <Td dataLabel="List">
          {listName(m.listSource)} · version {m.listVersion}
        </Td>
        <Td dataLabel="Score">{Number(m.score).toFixed(3)}</Td>
        <Td dataLabel="Why it matched">
          {m.explanation ? (
            <>
              {m.algorithm}: name score {Number(m.explanation.nameScore).toFixed(2)}, score{" "}
              {Number(m.score).toFixed(2)}
            </>
          ) : (
            <>
              {m.algorithm}: similarity {Number(m.score).toFixed(2)} between “{m.partyName}” and “
              {m.listedName}”
            </>
          )}
        </Td>
        <Td dataLabel="Disposition">
          <Label
            color={
              m.disposition === "TRUE_MATCH"
                ? "red"
                : m.disposition === "FALSE_MATCH"
                  ? "green"
                  : "orange"
            }
            isCompact
          >
            {!m.disposition ? "To adjudicate" : words(m.disposition)}
          </Label>
          {m.dispositionReason && (
            <div className="pf-v6-u-font-size-sm">
              {m.disposedBy}: {m.dispositionReason}
            </div>
          )}
        </Td>
      </Tr>
      {m.explanation && (
        <ExplanationRow explanation={m.explanation} isExpanded={isExpanded} colSpan={7} />
      )}
    </Tbody>
  );
}

function Reviews({ c }: { c: CaseDetail }) {
  const tasks = useQuery({
    queryKey: ["case", c.id, "tasks"],
    queryFn: () => api.tasks.search({ caseId: c.id, status: "ANY", all: true, size: 100 }),
  });
  if (tasks.isPending) return <Loading what="reviews" />;
  if (tasks.isError) return <ErrorState title="Reviews could not be loaded" error={tasks.error} />;
  if (tasks.data.items.length === 0)
    return (
      <Empty title="No review yet" detail="Review tasks appear once screening has finished." />
    );
  return (
    <Table aria-label="Reviews and decisions" variant="compact">
      <Thead>
        <Tr>
          <Th>Task</Th>
          <Th>Status</Th>
          <Th>Who</Th>
          <Th>Decision</Th>
          <Th>When</Th>
        </Tr>
      </Thead>
      <Tbody>
        {tasks.data.items.map((t) => (
          <Tr key={t.id}>
            <Td dataLabel="Task">
              <Link to={`/tasks/${t.id}`}>{taskName(t.type)}</Link>
            </Td>
            <Td dataLabel="Status">
              {t.status === "OPEN" ? <SlaChip sla={t.sla} /> : words(t.status)}
              {t.closeReason && <div className="pf-v6-u-font-size-sm">{t.closeReason}</div>}
            </Td>
            <Td dataLabel="Who">
              {t.completedBy ?? t.assignee ?? `Unassigned (${roleHolders(t.candidateRole)})`}
            </Td>
            <Td dataLabel="Decision">
              {t.decision ? (
                <>
                  {t.decision.outcome && <strong>{words(t.decision.outcome)}</strong>}
                  {t.decision.question && <div>Asked: “{t.decision.question}”</div>}
                  {(t.decision.reasons ?? []).length > 0 && (
                    <div>Reasons: {t.decision.reasons!.join("; ")}</div>
                  )}
                  {(t.decision.dispositions ?? []).map((d) => (
                    <div key={d.matchId}>
                      Match {d.matchId}: {words(d.disposition)} — {d.reason}
                    </div>
                  ))}
                  {t.type === "TECHNICAL_AUDIT" && t.decision.findings && (
                    <FindingsTable findings={t.decision.findings} />
                  )}
                  {t.decision.evidence && <div>Evidence: {t.decision.evidence}</div>}
                  {t.decision.comment && (
                    <div className="pf-v6-u-font-size-sm">{t.decision.comment}</div>
                  )}
                </>
              ) : (
                "—"
              )}
            </Td>
            <Td dataLabel="When">{formatDateTime(t.completedAt ?? t.createdAt)}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function Summary({ c }: { c: CaseDetail }) {
  const p = c.process;
  const row = (term: string, value: ReactNode) => (
    <DescriptionListGroup key={term}>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription>{value ?? "—"}</DescriptionListDescription>
    </DescriptionListGroup>
  );
  return (
    <Grid hasGutter md={6}>
      <GridItem>
        <Card isFullHeight>
          <CardTitle component="h2">Case</CardTitle>
          <CardBody>
            <DescriptionList isHorizontal isCompact>
              {row("Organisation", c.organisation)}
              {row("Status", <StatusLabel status={c.status} />)}
              {row("Stage", STAGE_TEXT[c.stage])}
              {row("Submitted", formatDateTime(c.submittedAt))}
              {row("Decision due", p?.sla ? <SlaChip sla={p.sla} /> : "—")}
              {row(
                "Goods",
                c.items
                  .map((i) => i.eccn)
                  .filter(Boolean)
                  .join(", "),
              )}
              {row("Destinations", c.destinations.join(", "))}
            </DescriptionList>
          </CardBody>
        </Card>
      </GridItem>
      <GridItem>
        <Card isFullHeight>
          <CardTitle component="h2">Determination</CardTitle>
          <CardBody>
            <DescriptionList isHorizontal isCompact>
              {row("Classification", p?.classification)}
              {row("Country group", p?.countryGroup)}
              {row(
                "Licence required",
                p?.licenceRequired == null
                  ? "Not yet determined"
                  : p.licenceRequired
                    ? "Yes"
                    : "No",
              )}
              {row("Review policy", p?.reviewPolicy ? words(p.reviewPolicy) : null)}
              {row("Basis", p?.determinationBasis)}
              {row(
                "High risk",
                p?.highRisk ? <Label color="red">High risk: {p.highRiskReason}</Label> : "No",
              )}
            </DescriptionList>
          </CardBody>
        </Card>
      </GridItem>
      <GridItem span={12}>
        <DecisionCard c={c} />
      </GridItem>
    </Grid>
  );
}

export function CaseTabs({ c }: { c: CaseDetail }) {
  const me = useMe();
  const staff = hasAny(me.roles, ["auditor", "legal", "approver", "manager"]);
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? (staff ? "summary" : "overview");
  const select = (key: string | number) => {
    const next = new URLSearchParams(params);
    next.set("tab", String(key));
    setParams(next, { replace: true });
  };
  if (!staff) {
    return (
      <PageSection type="tabs">
        <Tabs
          activeKey={tab}
          onSelect={(_e, k) => select(k)}
          aria-label="Case sections"
          mountOnEnter
        >
          <Tab eventKey="overview" title={<TabTitleText>What happens now</TabTitleText>}>
            <PageSection>
              <Grid hasGutter>
                <GridItem>
                  <DecisionCard c={c} />
                </GridItem>
                <GridItem>
                  <RfiList c={c} canAnswer={me.organisation === c.organisation} />
                </GridItem>
                <GridItem>
                  <Card>
                    <CardTitle component="h2">Timeline</CardTitle>
                    <CardBody>
                      <Timeline caseId={c.id} />
                    </CardBody>
                  </Card>
                </GridItem>
              </Grid>
            </PageSection>
          </Tab>
          <Tab eventKey="application" title={<TabTitleText>Application</TabTitleText>}>
            <PageSection>
              <ApplicationView c={c} />
              <div className="pf-v6-u-mt-md">
                <PartiesTable c={c} />
              </div>
            </PageSection>
          </Tab>
          <Tab eventKey="documents" title={<TabTitleText>Documents</TabTitleText>}>
            <PageSection>
              <DocumentsTable documents={c.documents} />
            </PageSection>
          </Tab>
        </Tabs>
      </PageSection>
    );
  }
  // In a section of its own: a bare Tabs in the page's main column (a flex column) may shrink,
  // and with a long header above it (a task's decision form) its tab row shrank to 0 px high,
  // out of sight and out of reach of a click. Page sections keep their height (flex-shrink: 0).
  return (
    <PageSection type="tabs">
      <Tabs activeKey={tab} onSelect={(_e, k) => select(k)} aria-label="Case sections" mountOnEnter>
        <Tab eventKey="summary" title={<TabTitleText>Summary</TabTitleText>}>
          <PageSection>
            <Summary c={c} />
          </PageSection>
        </Tab>
        <Tab eventKey="application" title={<TabTitleText>Application</TabTitleText>}>
          <PageSection>
            <ApplicationView c={c} />
          </PageSection>
        </Tab>
        <Tab eventKey="parties" title={<TabTitleText>Parties and screening</TabTitleText>}>
          <PageSection>
            <Screening c={c} />
          </PageSection>
        </Tab>
        <Tab
          eventKey="documents"
          title={<TabTitleText>Documents ({c.documents.length})</TabTitleText>}
        >
          <PageSection>
            <DocumentsTable documents={c.documents} />
          </PageSection>
        </Tab>
        <Tab eventKey="reviews" title={<TabTitleText>Reviews and decisions</TabTitleText>}>
          <PageSection>
            <Reviews c={c} />
          </PageSection>
        </Tab>
        <Tab eventKey="rfis" title={<TabTitleText>Requests for information</TabTitleText>}>
          <PageSection>
            <RfiList c={c} canAnswer={false} />
          </PageSection>
        </Tab>
        <Tab eventKey="audit" title={<TabTitleText>Audit trail</TabTitleText>}>
          <PageSection>
            <AuditTable caseId={c.id} />
          </PageSection>
        </Tab>
      </Tabs>
    </PageSection>
  );
}
