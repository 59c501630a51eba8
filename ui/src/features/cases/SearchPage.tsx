import { Link } from "react-router";
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
import { api } from "../../api";
import { Empty, ErrorState, Loading } from "../../components/States";
import { useUrlState, type Schema } from "../../components/urlState";
import { ManageColumns } from "../../components/ManageColumns";
import { colsField, columnTest } from "../../components/columns";
import { CASE_COLUMNS, CaseCells } from "./caseColumns";

const schema = {
  q: { kind: "string" },
  page: { kind: "int", default: 0, min: 0 },
  size: { kind: "int", default: 20, min: 1, max: 100 },
  cols: colsField,
} satisfies Schema;

/** Results of the global search: case reference, organisation or party name. */
export default function SearchPage() {
  const [state, setState] = useUrlState(schema);
  const show = columnTest(CASE_COLUMNS, state.cols);
  const q = state.q.trim();
  const result = useQuery({
    queryKey: ["cases", "search", state],
    queryFn: ({ signal }) =>
      api.cases.search({ q, page: state.page, size: state.size, sort: "submittedAt,desc" }, signal),
    enabled: q !== "",
  });
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{q ? `Cases matching “${q}”` : "Search cases"}</Title>
        <Content component="p">
          By case reference (or its beginning), organisation or party name.
        </Content>
      </PageSection>
      <PageSection>
        {!q ? (
          <Empty
            title="Type in the search box"
            detail="Search by a case reference such as EL-2026-000123, an organisation or a party's name."
          />
        ) : result.isPending ? (
          <Loading what="matching cases" />
        ) : result.isError ? (
          <ErrorState
            title="The search did not run"
            error={result.error}
            onRetry={() => result.refetch()}
          />
        ) : result.data.items.length === 0 ? (
          <Empty
            title="No case matches"
            detail="Check the spelling, or search for part of the name only."
          />
        ) : (
          <>
            <Toolbar aria-label="Result columns">
              <ToolbarContent>
                <ToolbarItem align={{ default: "alignEnd" }}>
                  <ManageColumns
                    columns={CASE_COLUMNS}
                    cols={state.cols}
                    onChange={(cols) => setState({ cols, page: state.page })}
                    table="matching cases"
                  />
                </ToolbarItem>
              </ToolbarContent>
            </Toolbar>
            <Table aria-label="Matching cases" variant="compact">
              <Thead>
                <Tr>
                  <Th>Reference</Th>
                  {show("status") && <Th>Status</Th>}
                  {show("organisation") && <Th>Organisation</Th>}
                  {show("destinations") && <Th>Destinations</Th>}
                  {show("goods") && <Th>Goods</Th>}
                  {show("submitted") && <Th>Submitted</Th>}
                  {show("due") && <Th>Decision due</Th>}
                </Tr>
              </Thead>
              <Tbody>
                {result.data.items.map((c) => (
                  <Tr key={c.id}>
                    <Td dataLabel="Reference">
                      <Link
                        to={c.status === "DRAFT" ? `/applications/${c.id}/edit` : `/cases/${c.id}`}
                      >
                        {c.reference}
                      </Link>
                    </Td>
                    <CaseCells c={c} show={show} />
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <ListPagination total={result.data.totalItems} state={state} setState={setState} />
          </>
        )}
      </PageSection>
    </>
  );
}
