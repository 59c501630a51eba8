import { Link } from "react-router";
import { ListPagination } from "../../components/ListPagination";
import { useQuery } from "@tanstack/react-query";
import {
  Button,
  Content,
  Flex,
  Label,
  LabelGroup,
  PageSection,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr, type ThProps } from "@patternfly/react-table";
import { api } from "../../api";
import { QueryStates } from "../../components/States";
import { SavedViews } from "../../components/SavedViews";
import { words } from "../../components/format";
import { useUrlState, type Schema, type StateOf } from "../../components/urlState";
import { ManageColumns } from "../../components/ManageColumns";
import { colsField, columnTest } from "../../components/columns";
import { CASE_COLUMNS, CaseCells } from "../cases/caseColumns";

export const caseListSchema = {
  status: { kind: "list" },
  stage: { kind: "list" },
  element: { kind: "string" },
  assignee: { kind: "string" },
  overdue: { kind: "bool" },
  organisation: { kind: "string" },
  destination: { kind: "string" },
  classification: { kind: "string" },
  submittedFrom: { kind: "string" },
  submittedTo: { kind: "string" },
  sort: { kind: "string", default: "submittedAt,desc" },
  page: { kind: "int", default: 0, min: 0 },
  size: { kind: "int", default: 20, min: 1, max: 100 },
  cols: colsField,
} satisfies Schema;

/** The column each sort field is shown in (updatedAt, from a drill-down, has none). */
const SORT_COLUMN: Record<string, { column: string; asc: string; desc: string }> = {
  reference: { column: "reference", asc: "A to Z", desc: "Z to A" },
  status: { column: "status", asc: "A to Z", desc: "Z to A" },
  organisation: { column: "organisation", asc: "A to Z", desc: "Z to A" },
  submittedAt: { column: "submitted", asc: "oldest first", desc: "newest first" },
};

type ListState = StateOf<typeof caseListSchema>;

const FILTER_WORDS: Record<string, string> = {
  status: "Status",
  stage: "Stage",
  element: "Process step",
  assignee: "Assigned to",
  overdue: "Overdue",
  organisation: "Organisation",
  destination: "Destination",
  classification: "Classification",
  submittedFrom: "Submitted from",
  submittedTo: "Submitted until",
};

/** The chips of the active filters, each with a way to remove it. */
export function activeFilters(state: ListState): { key: keyof ListState; text: string }[] {
  const chips: { key: keyof ListState; text: string }[] = [];
  if (state.status.length) chips.push({ key: "status", text: state.status.map(words).join(", ") });
  if (state.stage.length) chips.push({ key: "stage", text: state.stage.map(words).join(", ") });
  for (const key of [
    "element",
    "assignee",
    "organisation",
    "destination",
    "classification",
    "submittedFrom",
    "submittedTo",
  ] as const) {
    if (state[key]) chips.push({ key, text: state[key] });
  }
  if (state.overdue) chips.push({ key: "overdue", text: "yes" });
  return chips;
}

const SORTABLE = ["reference", "status", "organisation", "submittedAt", "updatedAt"] as const;

/** Every submitted case, filtered from the URL: where the dashboard and heat map lead. */
export default function CaseListPage() {
  const [state, setState] = useUrlState(caseListSchema);
  const result = useQuery({
    queryKey: ["cases", "list", state],
    queryFn: ({ signal }) =>
      api.cases.search(
        {
          status: state.status,
          stage: state.stage,
          element: state.element,
          assignee: state.assignee,
          overdue: state.overdue || undefined,
          organisation: state.organisation,
          destination: state.destination,
          classification: state.classification,
          submittedFrom: state.submittedFrom,
          submittedTo: state.submittedTo,
          sort: state.sort,
          page: state.page,
          size: state.size,
        },
        signal,
      ),
  });
  const chips = activeFilters(state);
  const [sortField, sortDir] = state.sort.split(",");
  const show = columnTest(CASE_COLUMNS, state.cols);
  const sortColumn = SORT_COLUMN[sortField];
  const sortBy = (field: (typeof SORTABLE)[number], index: number): ThProps["sort"] => ({
    sortBy: {
      index:
        SORTABLE.indexOf(sortField as (typeof SORTABLE)[number]) === -1
          ? undefined
          : SORTABLE.indexOf(sortField as (typeof SORTABLE)[number]),
      direction: sortDir === "asc" ? "asc" : "desc",
    },
    onSort: (_e, _i, direction) => setState({ sort: `${field},${direction}` }),
    columnIndex: index,
  });

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Cases</Title>
        <Content component="p">
          Submitted cases of every organisation. The filters come from the link that led here;
          remove one to widen the list, or save the list as a view.
        </Content>
        <Toolbar aria-label="Case filters" clearAllFilters={() => setState(clearAll())}>
          <ToolbarContent>
            <ToolbarItem>
              {chips.length === 0 ? (
                <Content component="small">No filter: all submitted cases.</Content>
              ) : (
                <LabelGroup categoryName="Filters" numLabels={10}>
                  {chips.map((chip) => (
                    <Label
                      key={chip.key}
                      variant="outline"
                      onClose={() => setState(clearOne(chip.key))}
                      closeBtnAriaLabel={`Remove the filter ${FILTER_WORDS[chip.key]}`}
                    >
                      {FILTER_WORDS[chip.key]}: {chip.text}
                    </Label>
                  ))}
                </LabelGroup>
              )}
            </ToolbarItem>
            {chips.length > 0 && (
              <ToolbarItem>
                <Button variant="link" onClick={() => setState(clearAll())}>
                  Clear all filters
                </Button>
              </ToolbarItem>
            )}
            <ToolbarItem align={{ default: "alignEnd" }}>
              <ManageColumns
                columns={CASE_COLUMNS}
                cols={state.cols}
                onChange={(cols) => setState({ cols, page: state.page })}
                table="cases"
                sortedBy={
                  sortColumn && {
                    column: sortColumn.column,
                    order: sortDir === "asc" ? sortColumn.asc : sortColumn.desc,
                  }
                }
              />
            </ToolbarItem>
            <ToolbarItem>
              <SavedViews screen="cases" />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      </PageSection>
      <PageSection>
        <QueryStates
          query={result}
          what="the cases"
          errorTitle="The cases could not be listed"
          isEmpty={(data) => data.items.length === 0}
          empty={{
            title: "No case matches these filters",
            detail: "Remove a filter above to see more cases.",
          }}
        >
          {(data) => (
            <>
              <Flex justifyContent={{ default: "justifyContentSpaceBetween" }}>
                <Content component="p" aria-live="polite">
                  {data.totalItems} {data.totalItems === 1 ? "case" : "cases"}
                </Content>
                <ListPagination
                  total={data.totalItems}
                  state={state}
                  setState={setState}
                  label="cases (top)"
                  compact
                />
              </Flex>
              <Table aria-label="Cases" variant="compact">
                <Thead>
                  <Tr>
                    <Th sort={sortBy("reference", 0)}>Reference</Th>
                    {show("status") && <Th sort={sortBy("status", 1)}>Status</Th>}
                    {show("organisation") && <Th sort={sortBy("organisation", 2)}>Organisation</Th>}
                    {show("destinations") && <Th>Destinations</Th>}
                    {show("goods") && <Th>Goods</Th>}
                    {show("submitted") && <Th sort={sortBy("submittedAt", 3)}>Submitted</Th>}
                    {show("due") && <Th>Decision due</Th>}
                    <Th screenReaderText="Manager actions" />
                  </Tr>
                </Thead>
                <Tbody>
                  {data.items.map((c) => (
                    <Tr key={c.id}>
                      <Td dataLabel="Reference">
                        <Link to={`/cases/${c.id}`}>{c.reference}</Link>
                      </Td>
                      <CaseCells c={c} show={show} />
                      <Td dataLabel="Manager actions">
                        <Link to={`/manage/cases/${c.id}`}>Manage</Link>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
              <ListPagination
                total={data.totalItems}
                state={state}
                setState={setState}
                label="cases (bottom)"
                bottom
              />
            </>
          )}
        </QueryStates>
      </PageSection>
    </>
  );
}

function clearOne(key: keyof ListState): Partial<ListState> {
  const field = caseListSchema[key];
  if (field.kind === "list") return { [key]: [] } as Partial<ListState>;
  if (field.kind === "bool") return { [key]: false } as Partial<ListState>;
  return { [key]: "" } as Partial<ListState>;
}

function clearAll(): Partial<ListState> {
  return {
    status: [],
    stage: [],
    element: "",
    assignee: "",
    overdue: false,
    organisation: "",
    destination: "",
    classification: "",
    submittedFrom: "",
    submittedTo: "",
  };
}
