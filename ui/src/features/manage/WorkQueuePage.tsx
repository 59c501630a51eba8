import { useState } from "react";
import { codeOptions, FilterSelect } from "../../components/FilterSelect";
import { ListPagination } from "../../components/ListPagination";
import { Link } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Content,
  FormGroup,
  FormSelect,
  FormSelectOption,
  PageSection,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import type { Task } from "../../api";
import { staffApi } from "../../api/staff";
import { QueryStates } from "../../components/States";
import { SavedViews } from "../../components/SavedViews";
import { SlaChip } from "../../components/SlaChip";
import { roleHolders, roleLabel } from "../../app/roles";
import { words } from "../../components/format";
import { useUrlState, type Schema } from "../../components/urlState";
import { ManageColumns } from "../../components/ManageColumns";
import { colsField, columnTest, type ColumnDef } from "../../components/columns";
import { ConfirmAction } from "./ConfirmAction";

const schema = {
  type: { kind: "string" },
  overdue: { kind: "bool" },
  unassigned: { kind: "bool" },
  task: { kind: "string" },
  page: { kind: "int", default: 0, min: 0 },
  size: { kind: "int", default: 20, min: 1, max: 100 },
  cols: colsField,
} satisfies Schema;

const COLUMNS: ColumnDef[] = [
  { id: "case", title: "Case", isKey: true },
  { id: "task", title: "Task" },
  { id: "role", title: "Role" },
  { id: "holder", title: "Held by" },
  { id: "due", title: "Due" },
];

const TYPES = ["ADJUDICATE_MATCHES", "TECHNICAL_AUDIT", "LEGAL_REVIEW", "APPROVAL", "COUNTERSIGN"];

/**
 * Every open task of every reviewer (managers see all): the countersign queue is its COUNTERSIGN
 * filter. Any open task can be handed to an eligible user with a note.
 */
export default function WorkQueuePage() {
  const [state, setState] = useUrlState(schema);
  const show = columnTest(COLUMNS, state.cols);
  const client = useQueryClient();
  const [reassigning, setReassigning] = useState<Task | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const result = useQuery({
    queryKey: ["tasks", "all", state],
    queryFn: () =>
      staffApi.tasks({
        all: true,
        type: state.type,
        overdue: state.overdue || undefined,
        unassigned: state.unassigned || undefined,
        page: state.page,
        size: state.size,
      }),
  });
  const title = state.type === "COUNTERSIGN" ? "Countersign queue" : "Open work";
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{title}</Title>
        <Content component="p">
          Open tasks of every reviewer. High-risk approvals wait in the countersign queue for a
          manager; claim one from the inbox to countersign it.
        </Content>
        <Toolbar aria-label="Task filters">
          <ToolbarContent>
            <ToolbarItem>
              <FilterSelect
                label="Task"
                id="work-type"
                value={state.type}
                onChange={(type) => setState({ type })}
                options={codeOptions("Every task", TYPES)}
              />
            </ToolbarItem>
            <ToolbarItem>
              <Button
                variant={state.overdue ? "primary" : "secondary"}
                aria-pressed={state.overdue}
                onClick={() => setState({ overdue: !state.overdue })}
              >
                Overdue only
              </Button>
            </ToolbarItem>
            <ToolbarItem>
              <Button
                variant={state.unassigned ? "primary" : "secondary"}
                aria-pressed={state.unassigned}
                onClick={() => setState({ unassigned: !state.unassigned })}
              >
                Unclaimed only
              </Button>
            </ToolbarItem>
            <ToolbarItem align={{ default: "alignEnd" }}>
              <ManageColumns
                columns={COLUMNS}
                cols={state.cols}
                onChange={(cols) => setState({ cols, page: state.page })}
                table="open tasks"
              />
            </ToolbarItem>
            <ToolbarItem>
              <SavedViews screen="work" />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        {done && (
          <Alert
            variant="success"
            isInline
            title={done}
            actionClose={
              <Button variant="plain" aria-label="Close" onClick={() => setDone(null)}>
                ×
              </Button>
            }
          />
        )}
      </PageSection>
      <PageSection>
        <QueryStates
          query={result}
          what="open tasks"
          errorTitle="Open tasks could not be loaded"
          isEmpty={(data) => data.items.length === 0}
          empty={{ title: "No open task", detail: "No task matches these filters." }}
        >
          {(data) => (
            <>
              <Table aria-label={title} variant="compact">
                <Thead>
                  <Tr>
                    <Th>Case</Th>
                    {show("task") && <Th>Task</Th>}
                    {show("role") && <Th>Role</Th>}
                    {show("holder") && <Th>Held by</Th>}
                    {show("due") && <Th>Due</Th>}
                    <Th screenReaderText="Actions" />
                  </Tr>
                </Thead>
                <Tbody>
                  {data.items.map((t) => (
                    <Tr key={t.id} isRowSelected={t.id === state.task}>
                      <Td dataLabel="Case">
                        <Link to={`/manage/cases/${t.caseId}`}>{t.caseReference}</Link>
                      </Td>
                      {show("task") && <Td dataLabel="Task">{words(t.type)}</Td>}
                      {show("role") && <Td dataLabel="Role">{roleLabel(t.candidateRole)}</Td>}
                      {show("holder") && (
                        <Td dataLabel="Held by">{t.assignee ?? "nobody (unclaimed)"}</Td>
                      )}
                      {show("due") && (
                        <Td dataLabel="Due">
                          <SlaChip sla={t.sla} />
                        </Td>
                      )}
                      <Td dataLabel="Actions">
                        <Button variant="secondary" size="sm" onClick={() => setReassigning(t)}>
                          Reassign<span className="pf-v6-screen-reader"> {t.caseReference}</span>
                        </Button>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
              <ListPagination total={data.totalItems} state={state} setState={setState} bottom />
            </>
          )}
        </QueryStates>
      </PageSection>
      {reassigning && (
        <ReassignDialog
          task={reassigning}
          onClose={() => setReassigning(null)}
          onDone={(task) => {
            void client.invalidateQueries({ queryKey: ["tasks"] });
            if (task) {
              setReassigning(null);
              setDone(`${words(task.type)} of ${task.caseReference} is now with ${task.assignee}.`);
            }
          }}
        />
      )}
    </>
  );
}

function ReassignDialog({
  task,
  onClose,
  onDone,
}: {
  task: Task;
  onClose: () => void;
  onDone: (task: Task | null) => void;
}) {
  const eligible = useQuery({
    queryKey: ["eligible", task.id],
    queryFn: () => staffApi.eligibleAssignees(task.id),
  });
  const [assignee, setAssignee] = useState("");
  const options = (eligible.data ?? []).filter((u) => u !== task.assignee);
  const chosen = assignee || options[0] || "";
  return (
    <ConfirmAction
      title={`Reassign ${words(task.type)} of ${task.caseReference}`}
      description={`Held by ${task.assignee ?? "nobody"}. Only ${roleHolders(task.candidateRole)} who have not worked on this case in a way the four-eyes rule forbids are offered.`}
      confirmLabel="Reassign"
      reasonLabel="Note for the audit trail"
      reasonRequired={false}
      run={(note) => staffApi.reassign(task.id, chosen, note)}
      onDone={onDone}
      onClose={onClose}
      extra={
        <FormGroup label="Give it to" isRequired fieldId="reassign-to">
          {eligible.isPending ? (
            <Content component="small">Loading who may take it…</Content>
          ) : options.length === 0 ? (
            <Alert variant="warning" isInline title="Nobody else may take this task">
              None of the other known {roleHolders(task.candidateRole)} passes the four-eyes rule.
              Users appear here after they have signed in once.
            </Alert>
          ) : (
            <FormSelect id="reassign-to" value={chosen} onChange={(_e, v) => setAssignee(v)}>
              {options.map((u) => (
                <FormSelectOption key={u} value={u} label={u} />
              ))}
            </FormSelect>
          )}
        </FormGroup>
      }
    />
  );
}
