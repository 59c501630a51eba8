import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { MeContext } from "../app/me";
import { ManageColumns } from "./ManageColumns";
import { SavedViews } from "./SavedViews";
import { colsField, columnTest, type ColumnDef } from "./columns";
import { useUrlState, type Schema } from "./urlState";

const COLUMNS: ColumnDef[] = [
  { id: "reference", title: "Reference", isKey: true },
  { id: "status", title: "Status" },
  { id: "organisation", title: "Organisation" },
  { id: "submitted", title: "Submitted" },
];

const schema = {
  sort: { kind: "string", default: "submittedAt,desc" },
  page: { kind: "int", default: 0, min: 0 },
  cols: colsField,
} satisfies Schema;

/** A list screen in miniature: the chooser, the table's header row and the URL. */
function CaseList() {
  const [state, setState] = useUrlState(schema);
  const show = columnTest(COLUMNS, state.cols);
  return (
    <>
      <ManageColumns
        columns={COLUMNS}
        cols={state.cols}
        onChange={(cols) => setState({ cols, page: state.page })}
        table="cases"
        sortedBy={{ column: "submitted", order: "newest first" }}
      />
      <SavedViews screen="cases" />
      <table aria-label="Cases">
        <thead>
          <tr>
            {COLUMNS.filter((c) => show(c.id)).map((c) => (
              <th key={c.id}>{c.title}</th>
            ))}
          </tr>
        </thead>
      </table>
      <output aria-label="query">{useLocation().search}</output>
    </>
  );
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });

function renderList(url: string, fetchMock: typeof fetch = vi.fn(async () => json(200, []))) {
  vi.stubGlobal("fetch", fetchMock);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MeContext.Provider
        value={{
          username: "max",
          name: "Max",
          email: null,
          roles: ["manager"],
          organisation: null,
        }}
      >
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route path="/cases" element={<CaseList />} />
          </Routes>
        </MemoryRouter>
      </MeContext.Provider>
    </QueryClientProvider>,
  );
}

// hidden: true, as the open dialog hides the page behind it from the accessibility tree
const headers = () =>
  within(screen.getByRole("table", { name: "Cases", hidden: true }))
    .getAllByRole("columnheader", { hidden: true })
    .map((h) => h.textContent);
const query = () => screen.getByLabelText("query").textContent;

afterEach(() => vi.unstubAllGlobals());

describe("Manage columns", () => {
  it("offers every column, checked as the URL says, the key column fixed", async () => {
    renderList("/cases?cols=reference,organisation");
    await userEvent.click(screen.getByRole("button", { name: "Manage columns" }));
    const dialog = screen.getByRole("dialog", { name: "Manage columns" });
    const group = within(dialog).getByRole("group", { name: "Columns of cases" });
    expect(within(group).getByRole("checkbox", { name: /Reference/ })).toBeChecked();
    expect(within(group).getByRole("checkbox", { name: /Reference/ })).toBeDisabled();
    expect(within(group).getByRole("checkbox", { name: "Status" })).not.toBeChecked();
    expect(within(group).getByRole("checkbox", { name: "Organisation" })).toBeChecked();
    expect(within(group).getByRole("checkbox", { name: "Submitted" })).not.toBeChecked();
  });

  it("hides a column on Save, writes it to the URL and gives the focus back", async () => {
    renderList("/cases?page=2");
    expect(headers()).toEqual(["Reference", "Status", "Organisation", "Submitted"]);
    const toggle = screen.getByRole("button", { name: "Manage columns" });
    await userEvent.click(toggle);
    await userEvent.click(screen.getByRole("checkbox", { name: "Organisation" }));
    // nothing changes before Save
    expect(headers()).toContain("Organisation");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(headers()).toEqual(["Reference", "Status", "Submitted"]);
    expect(new URLSearchParams(query()!).get("cols")).toBe("reference,status,submitted");
    // choosing columns keeps the page the list was on
    expect(new URLSearchParams(query()!).get("page")).toBe("2");
    expect(screen.getByText("3 of 4 columns shown")).toBeInTheDocument();
    await waitFor(() => expect(toggle).toHaveFocus());
  });

  it("changes nothing on Cancel", async () => {
    renderList("/cases?cols=reference,status");
    await userEvent.click(screen.getByRole("button", { name: "Manage columns" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Organisation" }));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(headers()).toEqual(["Reference", "Status"]);
    expect(new URLSearchParams(query()!).get("cols")).toBe("reference,status");
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Manage columns" })).toHaveFocus(),
    );
  });

  it("goes back to the screen's default with Reset, which leaves cols out of the URL", async () => {
    renderList("/cases?cols=reference&sort=reference,asc");
    expect(headers()).toEqual(["Reference"]);
    await userEvent.click(screen.getByRole("button", { name: "Manage columns" }));
    await userEvent.click(screen.getByRole("button", { name: "Reset to default" }));
    expect(screen.getByRole("checkbox", { name: "Status" })).toBeChecked();
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(headers()).toEqual(["Reference", "Status", "Organisation", "Submitted"]);
    expect(query()).toBe("?sort=reference%2Casc");
    expect(screen.queryByText(/columns shown/)).not.toBeInTheDocument();
  });

  it("checks every column with Select all", async () => {
    renderList("/cases?cols=reference");
    await userEvent.click(screen.getByRole("button", { name: "Manage columns" }));
    await userEvent.click(screen.getByRole("button", { name: "Select all" }));
    for (const name of ["Status", "Organisation", "Submitted"]) {
      expect(screen.getByRole("checkbox", { name })).toBeChecked();
    }
  });

  it("ignores unknown column ids in the URL and never hides the key column", () => {
    renderList("/cases?cols=status,salary");
    expect(headers()).toEqual(["Reference", "Status"]);
  });

  it("says when the list is sorted by a hidden column, and shows it on request", async () => {
    renderList("/cases?cols=reference,status");
    expect(screen.getByText(/Sorted by Submitted \(hidden\), newest first/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Show Submitted" }));
    expect(headers()).toEqual(["Reference", "Status", "Submitted"]);
    expect(screen.queryByText(/Sorted by Submitted/)).not.toBeInTheDocument();
  });

  it("is kept by a saved view, which stores the query string with cols in it", async () => {
    const posted: unknown[] = [];
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === "POST") {
        const body = JSON.parse(String(init.body));
        posted.push(body);
        return json(201, { ...body, id: "v1", owner: "max", mine: true });
      }
      return json(200, []);
    });
    renderList("/cases?sort=reference,asc", fetchMock as unknown as typeof fetch);
    await userEvent.click(screen.getByRole("button", { name: "Manage columns" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Status" }));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await userEvent.click(screen.getByRole("button", { name: "Save view" }));
    await userEvent.type(screen.getByLabelText(/Name/), "Without status");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(posted).toHaveLength(1));
    const saved = new URLSearchParams((posted[0] as { query: string }).query);
    expect(saved.get("cols")).toBe("reference,organisation,submitted");
    expect(saved.get("sort")).toBe("reference,asc");
  });
});
