import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { MeContext } from "../app/me";
import { SavedViews } from "./SavedViews";

function Where() {
  return <output aria-label="query">{useLocation().search}</output>;
}

function renderViews(fetchMock: typeof fetch, roles = ["manager"]) {
  vi.stubGlobal("fetch", fetchMock);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MeContext.Provider
        value={{ username: "max", name: "Max", email: null, roles, organisation: null }}
      >
        <MemoryRouter initialEntries={["/cases?status=UNDER_REVIEW&overdue=true"]}>
          <Routes>
            <Route
              path="/cases"
              element={
                <>
                  <SavedViews screen="cases" />
                  <Where />
                </>
              }
            />
          </Routes>
        </MemoryRouter>
      </MeContext.Provider>
    </QueryClientProvider>,
  );
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": status >= 400 ? "application/problem+json" : "application/json",
    },
  });

const view = {
  id: "v1",
  name: "Team queue",
  screen: "cases",
  query: "stage=REVIEW",
  sharedWithRole: "manager",
  owner: "mia",
  mine: false,
  createdAt: "2026-12-01T10:00:00Z",
  updatedAt: "2026-12-01T10:00:00Z",
};

afterEach(() => vi.unstubAllGlobals());

describe("saved views", () => {
  it("restores a picked view into the URL, naming who shared it", async () => {
    renderViews(vi.fn(async () => json(200, [view])) as unknown as typeof fetch);
    const picker = await screen.findByLabelText("Saved view");
    await waitFor(() => expect(picker).toBeEnabled());
    expect(screen.getByRole("option", { name: "Team queue (shared by mia)" })).toBeInTheDocument();

    await userEvent.selectOptions(picker, "v1");

    expect(screen.getByLabelText("query")).toHaveTextContent("?stage=REVIEW");
    // a view shared with the caller cannot be deleted by them
    expect(screen.queryByRole("button", { name: "Delete view" })).not.toBeInTheDocument();
  });

  it("saves the current query and shows a duplicate name on the name field", async () => {
    const calls: { method: string; body: unknown }[] = [];
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === "POST") {
        calls.push({ method: "POST", body: JSON.parse(String(init.body)) });
        return json(409, {
          type: "https://clearance.example.org/problems/duplicate-view-name",
          title: "A view of that name exists",
          status: 409,
          detail: "You already have a view called 'Overdue' on cases.",
        });
      }
      return json(200, []);
    });
    renderViews(fetchMock as unknown as typeof fetch);

    await userEvent.click(await screen.findByRole("button", { name: "Save view" }));
    await userEvent.type(screen.getByLabelText(/Name/), "Overdue");
    await userEvent.selectOptions(screen.getByLabelText("Share with"), "manager");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText(/already have a view called 'Overdue'/)).toBeInTheDocument();
    expect(calls[0].body).toEqual({
      name: "Overdue",
      screen: "cases",
      query: "status=UNDER_REVIEW&overdue=true",
      sharedWithRole: "manager",
    });
  });

  it("does not offer sharing to applicants", async () => {
    renderViews(vi.fn(async () => json(200, [])) as unknown as typeof fetch, ["applicant"]);
    await userEvent.click(await screen.findByRole("button", { name: "Save view" }));
    expect(screen.queryByLabelText("Share with")).not.toBeInTheDocument();
  });
});
