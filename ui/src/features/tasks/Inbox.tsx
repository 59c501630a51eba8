import { useState } from "react";
import { ListPagination } from "../../components/ListPagination";
import { Link, useNavigate } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Content,
  MenuToggle,
  PageSection,
  Select,
  SelectList,
  SelectOption,
  Switch,
  Tab,
  Tabs,
  TabTitleText,
  TextInput,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarFilter,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { whileActive } from "../../app/auth";
import { api, explain, type Task } from "../../api";
import { useMe } from "../../app/me";
import { roleHolders } from "../../app/roles";
import { Empty, ErrorState, Loading } from "../../components/States";
import { SlaChip } from "../../components/SlaChip";
import { STAGE_TEXT } from "../../components/StatusLabel";
import { formatDateTime, words } from "../../components/format";
import { useUrlState, type Schema } from "../../components/urlState";
import { ManageColumns } from "../../components/ManageColumns";
import { colsField, columnTest, type ColumnDef } from "../../components/columns";
import { taskName } from "../cases/CaseWorkspace";

const schema = {
  view: { kind: "string", default: "mine" },
  type: { kind: "list" },
  stage: { kind: "list" },
  destination: { kind: "string" },
  classification: { kind: "string" },
  overdue: { kind: "bool" },
  sort: { kind: "string", default: "dueAt,asc" },
  page: { kind: "int", default: 0, min: 0 },
  size: { kind: "int", default: 20, min: 1, max: 100 },
  cols: colsField,
} satisfies Schema;

const COLUMNS: ColumnDef[] = [
  { id: "case", title: "Case", isKey: true },
  { id: "task", title: "Task" },
  { id: "due", title: "Due" },
  { id: "sla", title: "SLA" },
  { id: "assignee", title: "Assignee" },
  { id: "opened", title: "Opened" },
];

const TYPES_BY_ROLE: Record<string, string[]> = {
  auditor: ["TECHNICAL_AUDIT"],
  legal: ["ADJUDICATE_MATCHES", "LEGAL_REVIEW"],
  approver: ["APPROVAL"],
  manager: ["ADJUDICATE_MATCHES", "TECHNICAL_AUDIT", "LEGAL_REVIEW", "APPROVAL", "COUNTERSIGN"],
};

function MultiSelect({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: { value: string; label: string }[];
  selected: string[];
  onChange: (v: string[]) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Select
      isOpen={open}
      onOpenChange={setOpen}
      selected={selected}
      onSelect={(_e, v) => {
        const s = String(v);
        onChange(selected.includes(s) ? selected.filter((x) => x !== s) : [...selected, s]);
      }}
      toggle={(ref) => (
        <MenuToggle ref={ref} onClick={() => setOpen((o) => !o)} isExpanded={open}>
          {label}
          {selected.length > 0 ? ` (${selected.length})` : ""}
        </MenuToggle>
      )}
    >
      <SelectList aria-label={label}>
        {options.map((o) => (
          <SelectOption
            key={o.value}
            value={o.value}
            hasCheckbox
            isSelected={selected.includes(o.value)}
          >
            {o.label}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
}

/** The reviewer's work list: mine, unassigned in my roles, completed; claim and release here. */
export default function Inbox() {
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [state, setState] = useUrlState(schema);
  const [notice, setNotice] = useState<{ kind: "danger" | "success"; text: string } | null>(null);
  const [destination, setDestination] = useState(state.destination);
  const [classification, setClassification] = useState(state.classification);
  const types = [...new Set(me.roles.flatMap((r) => TYPES_BY_ROLE[r] ?? []))];
  const show = columnTest(COLUMNS, state.cols);

  const query = {
    type: state.type,
    stage: state.stage,
    destination: state.destination,
    classification: state.classification,
    overdue: state.overdue || undefined,
    sort: state.sort,
    page: state.page,
    size: state.size,
    status: state.view === "completed" ? "COMPLETED" : "OPEN",
    assignedToMe: state.view === "mine" || undefined,
    unassigned: state.view === "unassigned" || undefined,
  };
  const list = useQuery({
    queryKey: ["tasks", query],
    queryFn: ({ signal }) => api.tasks.search(query, signal),
    refetchInterval: whileActive(20_000),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["tasks"] });
  const claim = useMutation({
    mutationFn: (t: Task) => api.tasks.claim(t.id),
    onSuccess: (t) => {
      setNotice({
        kind: "success",
        text: `You have the ${taskName(t.type).toLowerCase()} of ${t.caseReference}. It is now under “Assigned to me”.`,
      });
      refresh();
    },
    onError: (e) => {
      setNotice({ kind: "danger", text: explain(e) });
      refresh();
    },
  });
  const release = useMutation({
    mutationFn: (t: Task) => api.tasks.unclaim(t.id),
    onSuccess: (t) => {
      setNotice({ kind: "success", text: `${t.caseReference} is back in the unassigned list.` });
      refresh();
    },
    onError: (e) => {
      setNotice({ kind: "danger", text: explain(e) });
      refresh();
    },
  });

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Inbox</Title>
        <Content component="p">
          Tasks for your roles, earliest due first. Take a task to work on it; release it if someone
          else should.
        </Content>
      </PageSection>
      <PageSection>
        <Tabs
          activeKey={state.view}
          onSelect={(_e, k) => setState({ view: String(k) })}
          aria-label="Which tasks"
          mountOnEnter
          unmountOnExit
        >
          {(
            [
              ["mine", "Assigned to me"],
              ["unassigned", "Unassigned in my roles"],
              ["completed", "Completed"],
            ] as const
          ).map(([key, label]) => (
            <Tab key={key} eventKey={key} title={<TabTitleText>{label}</TabTitleText>}>
              {state.view === key && (
                <>
                  <Toolbar
                    clearAllFilters={() => {
                      setDestination("");
                      setClassification("");
                      setState({
                        type: [],
                        stage: [],
                        destination: "",
                        classification: "",
                        overdue: false,
                      });
                    }}
                  >
                    <ToolbarContent>
                      <ToolbarFilter
                        categoryName="Type"
                        labels={state.type.map((t) => ({ key: t, node: taskName(t) }))}
                        deleteLabel={(_c, l) =>
                          setState({
                            type: state.type.filter(
                              (t) => t !== (typeof l === "string" ? l : l.key),
                            ),
                          })
                        }
                      >
                        <MultiSelect
                          label="Task type"
                          options={types.map((t) => ({ value: t, label: taskName(t) }))}
                          selected={state.type}
                          onChange={(type) => setState({ type })}
                        />
                      </ToolbarFilter>
                      <ToolbarFilter
                        categoryName="Stage"
                        labels={state.stage.map((s) => ({ key: s, node: STAGE_TEXT[s] ?? s }))}
                        deleteLabel={(_c, l) =>
                          setState({
                            stage: state.stage.filter(
                              (s) => s !== (typeof l === "string" ? l : l.key),
                            ),
                          })
                        }
                      >
                        <MultiSelect
                          label="Case stage"
                          options={["SCREENING", "REVIEW", "APPROVAL", "CLOSED"].map((s) => ({
                            value: s,
                            label: STAGE_TEXT[s],
                          }))}
                          selected={state.stage}
                          onChange={(stage) => setState({ stage })}
                        />
                      </ToolbarFilter>
                      <ToolbarFilter
                        categoryName="Destination"
                        labels={state.destination ? [state.destination] : []}
                        deleteLabel={() => {
                          setDestination("");
                          setState({ destination: "" });
                        }}
                      >
                        <form
                          onSubmit={(e) => {
                            e.preventDefault();
                            setState({ destination: destination.trim().toUpperCase() });
                          }}
                        >
                          <TextInput
                            aria-label="Destination country (two letters, Enter to filter)"
                            placeholder="Destination, e.g. CN"
                            value={destination}
                            onChange={(_e, v) => setDestination(v)}
                            onBlur={() =>
                              destination.trim().toUpperCase() !== state.destination &&
                              setState({ destination: destination.trim().toUpperCase() })
                            }
                            style={{ width: "11rem" }}
                          />
                        </form>
                      </ToolbarFilter>
                      <ToolbarFilter
                        categoryName="Classification"
                        labels={state.classification ? [state.classification] : []}
                        deleteLabel={() => {
                          setClassification("");
                          setState({ classification: "" });
                        }}
                      >
                        <form
                          onSubmit={(e) => {
                            e.preventDefault();
                            setState({ classification: classification.trim().toUpperCase() });
                          }}
                        >
                          <TextInput
                            aria-label="Classification (ECCN, Enter to filter)"
                            placeholder="ECCN, e.g. 4E091"
                            value={classification}
                            onChange={(_e, v) => setClassification(v)}
                            onBlur={() =>
                              classification.trim().toUpperCase() !== state.classification &&
                              setState({ classification: classification.trim().toUpperCase() })
                            }
                            style={{ width: "11rem" }}
                          />
                        </form>
                      </ToolbarFilter>
                      <ToolbarItem alignSelf="center">
                        <Switch
                          id="overdue-only"
                          label="Overdue only"
                          isChecked={state.overdue}
                          onChange={(_e, v) => setState({ overdue: v })}
                        />
                      </ToolbarItem>
                      <ToolbarItem align={{ default: "alignEnd" }}>
                        <ManageColumns
                          columns={COLUMNS}
                          cols={state.cols}
                          onChange={(cols) => setState({ cols, page: state.page })}
                          table="tasks"
                          sortedBy={{
                            column: "due",
                            order:
                              state.sort === "dueAt,desc"
                                ? "latest due first"
                                : "earliest due first",
                          }}
                        />
                      </ToolbarItem>
                    </ToolbarContent>
                  </Toolbar>
                  {notice && (
                    <Alert
                      variant={notice.kind}
                      isInline
                      title={notice.text}
                      actionClose={
                        <Button
                          variant="plain"
                          aria-label="Dismiss"
                          onClick={() => setNotice(null)}
                        >
                          ×
                        </Button>
                      }
                      className="pf-v6-u-mb-md"
                    />
                  )}
                  {list.isPending ? (
                    <Loading what="your tasks" />
                  ) : list.isError ? (
                    <ErrorState
                      title="Your tasks could not be loaded"
                      error={list.error}
                      onRetry={() => list.refetch()}
                    />
                  ) : list.data.items.length === 0 ? (
                    <Empty
                      title={
                        state.view === "mine"
                          ? "Nothing assigned to you"
                          : state.view === "unassigned"
                            ? "No unassigned task"
                            : "No completed task"
                      }
                      detail={
                        state.view === "mine"
                          ? "Take a task from “Unassigned in my roles” to start working on it."
                          : "Try removing a filter, or look again later: new cases arrive as applicants submit them."
                      }
                      action={
                        state.view === "mine" ? (
                          <Button
                            variant="secondary"
                            onClick={() => setState({ view: "unassigned" })}
                          >
                            Show unassigned tasks
                          </Button>
                        ) : undefined
                      }
                    />
                  ) : (
                    <>
                      <Table aria-label="Tasks" variant="compact" data-testid="inbox-table">
                        <Thead>
                          <Tr>
                            <Th>Case</Th>
                            {show("task") && <Th>Task</Th>}
                            {show("due") && (
                              <Th
                                sort={{
                                  sortBy: {
                                    index: 2,
                                    direction: state.sort === "dueAt,desc" ? "desc" : "asc",
                                  },
                                  onSort: (_e, _i, d) => setState({ sort: `dueAt,${d}` }),
                                  columnIndex: 2,
                                }}
                              >
                                Due
                              </Th>
                            )}
                            {show("sla") && <Th>SLA</Th>}
                            {show("assignee") && <Th>Assignee</Th>}
                            {show("opened") && <Th>Opened</Th>}
                            <Th screenReaderText="Actions" />
                          </Tr>
                        </Thead>
                        <Tbody>
                          {list.data.items.map((t) => (
                            <Tr key={t.id}>
                              <Td dataLabel="Case">
                                <Link className="clearance-nowrap" to={`/tasks/${t.id}`}>
                                  {t.caseReference}
                                </Link>
                              </Td>
                              {show("task") && (
                                <Td dataLabel="Task">
                                  {taskName(t.type)}
                                  <div className="pf-v6-u-font-size-sm">
                                    For {roleHolders(t.candidateRole)}
                                  </div>
                                </Td>
                              )}
                              {show("due") && <Td dataLabel="Due">{formatDateTime(t.dueAt)}</Td>}
                              {show("sla") && (
                                <Td dataLabel="SLA">
                                  {t.status === "OPEN" ? <SlaChip sla={t.sla} /> : words(t.status)}
                                </Td>
                              )}
                              {show("assignee") && (
                                <Td dataLabel="Assignee">
                                  {t.status === "OPEN"
                                    ? (t.assignee ?? "Nobody yet")
                                    : (t.completedBy ?? "—")}
                                </Td>
                              )}
                              {show("opened") && (
                                <Td dataLabel="Opened">{formatDateTime(t.createdAt)}</Td>
                              )}
                              <Td dataLabel="Actions" isActionCell>
                                {t.status === "OPEN" && !t.assignee && (
                                  <Button
                                    size="sm"
                                    onClick={() => claim.mutate(t)}
                                    isDisabled={claim.isPending}
                                    aria-label={`Take ${taskName(t.type)} of ${t.caseReference}`}
                                  >
                                    Take
                                  </Button>
                                )}
                                {t.status === "OPEN" && t.assignee === me.username && (
                                  <>
                                    <Button size="sm" onClick={() => navigate(`/tasks/${t.id}`)}>
                                      Open
                                    </Button>{" "}
                                    <Button
                                      size="sm"
                                      variant="secondary"
                                      onClick={() => release.mutate(t)}
                                      isDisabled={release.isPending}
                                      aria-label={`Release ${taskName(t.type)} of ${t.caseReference}`}
                                    >
                                      Release
                                    </Button>
                                  </>
                                )}
                              </Td>
                            </Tr>
                          ))}
                        </Tbody>
                      </Table>
                      <ListPagination
                        total={list.data.totalItems}
                        state={state}
                        setState={setState}
                        label="tasks"
                      />
                    </>
                  )}
                </>
              )}
            </Tab>
          ))}
        </Tabs>
      </PageSection>
    </>
  );
}
