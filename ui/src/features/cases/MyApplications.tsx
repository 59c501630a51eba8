import { Link, useNavigate } from "react-router";
import { ListPagination } from "../../components/ListPagination";
import { useMutation, useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Content,
  Label,
  MenuToggle,
  PageSection,
  Select,
  SelectList,
  SelectOption,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarFilter,
  ToolbarItem,
  ToggleGroup,
  ToggleGroupItem,
} from "@patternfly/react-core";
import {
  InnerScrollContainer,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  type ThProps,
} from "@patternfly/react-table";
import { useState } from "react";
import { api, explain, type CaseStage } from "../../api";
import { QueryStates } from "../../components/States";
import { SlaChip } from "../../components/SlaChip";
import { StatusLabel, STAGE_TEXT } from "../../components/StatusLabel";
import { formatDate } from "../../components/format";
import { useUrlState, type Schema } from "../../components/urlState";
import { ManageColumns } from "../../components/ManageColumns";
import { colsField, columnTest, type ColumnDef } from "../../components/columns";
import { useMe } from "../../app/me";

const schema = {
  show: { kind: "string", default: "all" },
  stage: { kind: "list" },
  sort: { kind: "string", default: "updatedAt,desc" },
  page: { kind: "int", default: 0, min: 0 },
  size: { kind: "int", default: 20, min: 1, max: 100 },
  cols: colsField,
} satisfies Schema;

const COLUMNS: ColumnDef[] = [
  { id: "reference", title: "Reference", isKey: true },
  { id: "status", title: "Status" },
  { id: "stage", title: "Stage" },
  { id: "goods", title: "Goods" },
  { id: "destinations", title: "Destinations" },
  { id: "due", title: "Decision due" },
  { id: "submitted", title: "Submitted" },
  { id: "changed", title: "Last change" },
];

const SORT_COLUMN: Record<string, string> = {
  reference: "reference",
  submittedAt: "submitted",
  updatedAt: "changed",
};

const STAGES: CaseStage[] = ["DRAFTING", "SCREENING", "REVIEW", "APPROVAL", "CLOSED"];

/** The applicant's home: every application of their organisation, and what waits for them. */
export default function MyApplications() {
  const me = useMe();
  const navigate = useNavigate();
  const [state, setState] = useUrlState(schema);
  const [stageOpen, setStageOpen] = useState(false);
  const waiting = state.show === "waiting";
  const list = useQuery({
    queryKey: ["cases", "mine", state],
    queryFn: ({ signal }) =>
      api.cases.search(
        {
          stage: state.stage,
          status: waiting ? ["DRAFT", "AWAITING_APPLICANT"] : undefined,
          sort: state.sort,
          page: state.page,
          size: state.size,
        },
        signal,
      ),
  });
  const waitingCount = useQuery({
    queryKey: ["cases", "mine", "waiting-count"],
    queryFn: () => api.cases.search({ status: ["AWAITING_APPLICANT"], size: 1 }),
  });
  const copy = useMutation({
    mutationFn: (id: string) => api.cases.copy(id),
    onSuccess: (c) => navigate(`/applications/${c.id}/edit`),
  });

  const [sortField, sortDir] = state.sort.split(",");
  const show = columnTest(COLUMNS, state.cols);
  const sortBy = (field: string, index: number): ThProps["sort"] => ({
    sortBy: {
      index: sortField === field ? index : undefined,
      direction: sortDir === "asc" ? "asc" : "desc",
    },
    onSort: (_e, _i, direction) => setState({ sort: `${field},${direction}` }),
    columnIndex: index,
  });

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Applications of {me.organisation}</Title>
        <Content component="p">
          Every licence application of your organisation: drafts, cases under review and decided
          ones. Open one to see where it stands.
        </Content>
      </PageSection>
      <PageSection>
        {(waitingCount.data?.totalItems ?? 0) > 0 && (
          <Alert
            variant="warning"
            isInline
            title={`${waitingCount.data!.totalItems} application(s) wait for your answer`}
            actionLinks={
              <Button variant="link" isInline onClick={() => setState({ show: "waiting" })}>
                Show them
              </Button>
            }
          >
            A reviewer asked a question. The review clock stands still until you answer, and an
            unanswered request closes the case when its deadline passes.
          </Alert>
        )}
        <Toolbar clearAllFilters={() => setState({ stage: [], show: "all" })}>
          <ToolbarContent>
            <ToolbarItem>
              <ToggleGroup aria-label="Which applications">
                <ToggleGroupItem
                  text="All"
                  isSelected={!waiting}
                  onChange={() => setState({ show: "all" })}
                />
                <ToggleGroupItem
                  text="Waiting for me"
                  isSelected={waiting}
                  onChange={() => setState({ show: "waiting" })}
                />
              </ToggleGroup>
            </ToolbarItem>
            <ToolbarFilter
              categoryName="Stage"
              labels={state.stage.map((s) => ({ key: s, node: STAGE_TEXT[s] ?? s }))}
              deleteLabel={(_c, l) =>
                setState({
                  stage: state.stage.filter((s) => s !== (typeof l === "string" ? l : l.key)),
                })
              }
            >
              <Select
                isOpen={stageOpen}
                onOpenChange={setStageOpen}
                selected={state.stage}
                onSelect={(_e, v) => {
                  const s = String(v);
                  setState({
                    stage: state.stage.includes(s)
                      ? state.stage.filter((x) => x !== s)
                      : [...state.stage, s],
                  });
                }}
                toggle={(ref) => (
                  <MenuToggle ref={ref} onClick={() => setStageOpen((o) => !o)}>
                    Stage
                  </MenuToggle>
                )}
              >
                <SelectList>
                  {STAGES.map((s) => (
                    <SelectOption
                      key={s}
                      value={s}
                      hasCheckbox
                      isSelected={state.stage.includes(s)}
                    >
                      {STAGE_TEXT[s]}
                    </SelectOption>
                  ))}
                </SelectList>
              </Select>
            </ToolbarFilter>
            <ToolbarItem>
              <ManageColumns
                columns={COLUMNS}
                cols={state.cols}
                onChange={(cols) => setState({ cols, page: state.page })}
                table="applications"
                sortedBy={
                  SORT_COLUMN[sortField]
                    ? {
                        column: SORT_COLUMN[sortField],
                        order:
                          sortField === "reference"
                            ? sortDir === "asc"
                              ? "A to Z"
                              : "Z to A"
                            : sortDir === "asc"
                              ? "oldest first"
                              : "newest first",
                      }
                    : undefined
                }
              />
            </ToolbarItem>
            <ToolbarItem align={{ default: "alignEnd" }}>
              <Button onClick={() => navigate("/applications/new")}>New application</Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        {copy.isError && <Alert variant="danger" isInline title={explain(copy.error)} />}
        <QueryStates
          query={list}
          what="your applications"
          errorTitle="Your applications could not be loaded"
          isEmpty={(data) => data.items.length === 0}
          empty={{
            title: waiting ? "Nothing waits for you" : "No applications yet",
            detail: waiting
              ? "No draft and no question from a reviewer is open. You will get a notification when one is."
              : "Start a new application: you can save it as a draft and come back to it.",
            action: <Button onClick={() => navigate("/applications/new")}>New application</Button>,
          }}
        >
          {(data) => (
            <>
              {/* all nine columns (the default) may not fit a 1280 px laptop beside the
                navigation (long lists of goods or destinations): the table then scrolls sideways
                inside its card instead of being cut off; "Manage columns" narrows it */}
              <InnerScrollContainer>
                <Table aria-label="Applications" variant="compact">
                  <Thead>
                    <Tr>
                      <Th sort={sortBy("reference", 0)} modifier="wrap">
                        Reference
                      </Th>
                      {show("status") && <Th modifier="wrap">Status</Th>}
                      {show("stage") && <Th modifier="wrap">Stage</Th>}
                      {show("goods") && <Th modifier="wrap">Goods</Th>}
                      {show("destinations") && <Th modifier="wrap">Destinations</Th>}
                      {show("due") && <Th modifier="wrap">Decision due</Th>}
                      {show("submitted") && (
                        <Th sort={sortBy("submittedAt", 6)} modifier="wrap">
                          Submitted
                        </Th>
                      )}
                      {show("changed") && (
                        <Th sort={sortBy("updatedAt", 7)} modifier="wrap">
                          Last change
                        </Th>
                      )}
                      <Th screenReaderText="Actions" />
                    </Tr>
                  </Thead>
                  <Tbody>
                    {data.items.map((c) => (
                      <Tr key={c.id}>
                        <Td dataLabel="Reference" modifier="nowrap">
                          <Link
                            to={
                              c.status === "DRAFT" ? `/applications/${c.id}/edit` : `/cases/${c.id}`
                            }
                          >
                            {c.reference}
                          </Link>
                        </Td>
                        {show("status") && (
                          <Td dataLabel="Status">
                            <StatusLabel status={c.status} />{" "}
                            {(c.status === "AWAITING_APPLICANT" || c.status === "DRAFT") && (
                              <Label color="orange" variant="outline" isCompact>
                                {c.status === "DRAFT" ? "To finish" : "Your answer needed"}
                              </Label>
                            )}
                          </Td>
                        )}
                        {show("stage") && <Td dataLabel="Stage">{STAGE_TEXT[c.stage]}</Td>}
                        {show("goods") && (
                          <Td dataLabel="Goods">{c.classifications.join(", ") || "—"}</Td>
                        )}
                        {show("destinations") && (
                          <Td dataLabel="Destinations">{c.destinations.join(", ") || "—"}</Td>
                        )}
                        {show("due") && (
                          <Td dataLabel="Decision due">{c.sla ? <SlaChip sla={c.sla} /> : "—"}</Td>
                        )}
                        {show("submitted") && (
                          <Td dataLabel="Submitted">{formatDate(c.submittedAt)}</Td>
                        )}
                        {show("changed") && (
                          <Td dataLabel="Last change">{formatDate(c.updatedAt)}</Td>
                        )}
                        <Td dataLabel="Actions" isActionCell>
                          <Button
                            variant="link"
                            isInline
                            onClick={() => copy.mutate(c.id)}
                            isDisabled={copy.isPending}
                            aria-label={`Copy as new draft: ${c.reference}`}
                          >
                            Copy
                          </Button>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              </InnerScrollContainer>
              <ListPagination
                total={data.totalItems}
                state={state}
                setState={setState}
                label="applications"
              />
            </>
          )}
        </QueryStates>
      </PageSection>
    </>
  );
}
