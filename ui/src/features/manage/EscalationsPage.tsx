import { Link } from "react-router";
import { codeOptions, FilterSelect } from "../../components/FilterSelect";
import { ListPagination } from "../../components/ListPagination";
import { useQuery } from "@tanstack/react-query";
import {
  Content,
  PageSection,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { staffApi } from "../../api/staff";
import { QueryStates } from "../../components/States";
import { SavedViews } from "../../components/SavedViews";
import { formatDateTime, words } from "../../components/format";
import { useUrlState, type Schema } from "../../components/urlState";
import { ManageColumns } from "../../components/ManageColumns";
import { colsField, columnTest, type ColumnDef } from "../../components/columns";
import { durationWords } from "./duration";

const schema = {
  stage: { kind: "string" },
  open: { kind: "string", default: "true" },
  page: { kind: "int", default: 0, min: 0 },
  size: { kind: "int", default: 20, min: 1, max: 100 },
  cols: colsField,
} satisfies Schema;

const COLUMNS: ColumnDef[] = [
  { id: "case", title: "Case", isKey: true },
  { id: "organisation", title: "Organisation" },
  { id: "stage", title: "Stage" },
  { id: "status", title: "Case status" },
  { id: "target", title: "Target was" },
  { id: "late", title: "Late by" },
  { id: "work", title: "Open work" },
];

const STAGES = [
  "ADJUDICATION",
  "TECHNICAL_AUDIT",
  "LEGAL_REVIEW",
  "APPROVAL",
  "COUNTERSIGN",
  "TOTAL",
];

/** SLA escalations: stages that passed their target, newest first, with who holds the work. */
export default function EscalationsPage() {
  const [state, setState] = useUrlState(schema);
  const show = columnTest(COLUMNS, state.cols);
  const result = useQuery({
    queryKey: ["escalations", state],
    queryFn: () =>
      staffApi.escalations({
        stage: state.stage,
        open: state.open === "any" ? undefined : state.open,
        page: state.page,
        size: state.size,
      }),
  });
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Escalations</Title>
        <Content component="p">
          Each row is a stage that passed its SLA target. Reassign the open task or chase its
          holder; the row leaves “open cases” when the case is decided.
        </Content>
        <Toolbar aria-label="Escalation filters">
          <ToolbarContent>
            <ToolbarItem>
              <FilterSelect
                label="Stage"
                id="esc-stage"
                value={state.stage}
                onChange={(stage) => setState({ stage })}
                options={codeOptions("Every stage", STAGES)}
              />
            </ToolbarItem>
            <ToolbarItem>
              <FilterSelect
                label="Cases"
                id="esc-open"
                value={state.open}
                onChange={(open) => setState({ open })}
                options={[
                  { value: "true", label: "Open cases" },
                  { value: "false", label: "Decided cases" },
                  { value: "any", label: "All" },
                ]}
              />
            </ToolbarItem>
            <ToolbarItem align={{ default: "alignEnd" }}>
              <ManageColumns
                columns={COLUMNS}
                cols={state.cols}
                onChange={(cols) => setState({ cols, page: state.page })}
                table="escalations"
              />
            </ToolbarItem>
            <ToolbarItem>
              <SavedViews screen="escalations" />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      </PageSection>
      <PageSection>
        <QueryStates
          query={result}
          what="escalations"
          errorTitle="Escalations could not be loaded"
          isEmpty={(data) => data.items.length === 0}
          empty={{
            title: "No escalation",
            detail: "No stage of these cases has passed its SLA target.",
          }}
        >
          {(data) => (
            <>
              <Table aria-label="Escalations" variant="compact">
                <Thead>
                  <Tr>
                    <Th>Case</Th>
                    {show("organisation") && <Th>Organisation</Th>}
                    {show("stage") && <Th>Stage</Th>}
                    {show("status") && <Th>Case status</Th>}
                    {show("target") && <Th>Target was</Th>}
                    {show("late") && <Th>Late by</Th>}
                    {show("work") && <Th>Open work</Th>}
                  </Tr>
                </Thead>
                <Tbody>
                  {data.items.map((e) => (
                    <Tr key={e.id}>
                      <Td dataLabel="Case">
                        <Link to={`/manage/cases/${e.caseId}`}>{e.caseReference}</Link>
                      </Td>
                      {show("organisation") && <Td dataLabel="Organisation">{e.organisation}</Td>}
                      {show("stage") && <Td dataLabel="Stage">{words(e.stage)}</Td>}
                      {show("status") && <Td dataLabel="Case status">{words(e.caseStatus)}</Td>}
                      {show("target") && <Td dataLabel="Target was">{formatDateTime(e.dueAt)}</Td>}
                      {show("late") && (
                        <Td dataLabel="Late by">
                          {e.overdueBy ? durationWords(e.overdueBy) : "stage finished"}
                        </Td>
                      )}
                      {show("work") && (
                        <Td dataLabel="Open work">
                          {e.openTasks.length === 0
                            ? "none"
                            : e.openTasks.map((t) => (
                                <div key={t.id}>
                                  {words(t.type)}: {t.assignee ?? "nobody has claimed it"}{" "}
                                  <Link to={`/manage/work?task=${t.id}`}>Reassign</Link>
                                </div>
                              ))}
                        </Td>
                      )}
                    </Tr>
                  ))}
                </Tbody>
              </Table>
              <ListPagination total={data.totalItems} state={state} setState={setState} bottom />
            </>
          )}
        </QueryStates>
      </PageSection>
    </>
  );
}
