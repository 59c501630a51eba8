import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { api, ApiError, type ScreeningSearchResponse } from "../../api";
import ScreenNamePage from "./ScreenNamePage";
import { fieldErrors, formFromParams, toRequest } from "./screeningForm";
import { routes } from "../../app/routes";

const hit = (over: Partial<ScreeningSearchResponse["hits"][number]> = {}) => ({
  entryId: 7,
  entryKey: "CSL-0007",
  entryType: "ORGANISATION",
  countries: ["CN"],
  birthDates: [],
  listedName: "Shenhai Supercomputing Centre",
  nameKind: "PRIMARY",
  score: 0.912,
  potentialMatch: true,
  explanation: {
    algorithm: "token-align-jw-dm/v2",
    queryName: "Shenhai Supercomputing Center",
    listedName: "Shenhai Supercomputing Centre",
    listedNameKind: "PRIMARY",
    aligned: [
      {
        queryTokens: "center",
        listedTokens: "centre",
        how: "jaro-winkler",
        similarity: 0.93,
        weight: 0.2,
      },
    ],
    unmatchedQueryTokens: [],
    unmatchedListedTokens: [{ token: "ltd", weight: 0.2 }],
    nameScore: 0.95,
    evidence: [
      {
        feature: "country",
        detail: "CN is one of the entry's countries [CN]",
        effect: "+10 % of the rest",
        scoreAfter: 0.912,
      },
    ],
    score: 0.912,
  },
  ...over,
});

const response = (over: Partial<ScreeningSearchResponse> = {}): ScreeningSearchResponse => ({
  algorithm: "token-align-jw-dm/v2",
  listVersions: ["CSL-2026-11-20", "OS-2026-11-21"],
  matchThreshold: 0.7,
  limit: 50,
  more: false,
  hits: [hit()],
  ...over,
});

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.pathname + l.search}</output>;
}

function renderAt(url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route
            path="/screening"
            element={
              <>
                <ScreenNamePage />
                <Where />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

afterEach(() => vi.restoreAllMocks());

describe("screen a name: form and request", () => {
  it("maps the form to the API's request: trimmed, country in capitals, empty fields left out", () => {
    expect(toRequest(formFromParams(new URLSearchParams("name=%20Ivan%20Petrov%20")))).toEqual({
      name: "Ivan Petrov",
    });
    expect(
      toRequest(
        formFromParams(new URLSearchParams("name=Ivan&country=ir&type=PERSON&dob=1971-04-12")),
      ),
    ).toEqual({ name: "Ivan", country: "IR", type: "PERSON", birthDate: "1971-04-12" });
  });

  it("puts the API's field errors on the form's fields, birthDate on the date of birth", () => {
    const error = new ApiError(400, {
      title: "The screening request has invalid fields",
      errors: [
        { field: "country", message: "must be an ISO 3166-1 alpha-2 code" },
        { field: "birthDate", message: "must be YYYY or YYYY-MM-DD" },
        { field: "limit", message: "must be between 1 and 500" },
      ],
    });
    expect(fieldErrors(error)).toEqual({
      fields: {
        country: "The country must be an ISO 3166-1 alpha-2 code.",
        dob: "The date of birth must be YYYY or YYYY-MM-DD.",
      },
      other: ["limit must be between 1 and 500"],
    });
    expect(fieldErrors(new ApiError(500, null))).toEqual({ fields: {}, other: [] });
  });

  it("is in the navigation of staff and admins, not of applicants", () => {
    const route = routes.find((r) => r.path === "/screening")!;
    expect(route.nav?.label).toBe("Screen a name");
    expect(route.roles).toEqual(["auditor", "legal", "approver", "manager", "admin"]);
    expect(route.roles).not.toContain("applicant");
  });
});

describe("screen a name: the page", () => {
  it("sends the form, keeps the query in the URL and shows the ranked, explained hits", async () => {
    const search = vi.spyOn(api.screening, "search").mockResolvedValue(
      response({
        more: true,
        hits: [
          hit({
            entryId: 2,
            entryKey: "CSL-0002",
            listedName: "Shenhai Computing",
            score: 0.55,
            potentialMatch: false,
          }),
          hit(),
        ],
      }),
    );
    renderAt("/screening");
    expect(screen.getByText("No name screened yet")).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/^Name/), "Shenhai Supercomputing Center");
    await userEvent.type(screen.getByLabelText(/^Country/), "cn");
    await userEvent.selectOptions(screen.getByLabelText(/^Type/), "ORGANISATION");
    await userEvent.click(screen.getByRole("button", { name: "Screen" }));

    expect(await screen.findByText("CSL-0007")).toBeInTheDocument();
    expect(search).toHaveBeenCalledWith(
      { name: "Shenhai Supercomputing Center", country: "CN", type: "ORGANISATION" },
      expect.anything(),
    );
    expect(screen.getByTestId("where").textContent).toBe(
      "/screening?name=Shenhai+Supercomputing+Center&country=cn&type=ORGANISATION",
    );
    const rows = within(screen.getByRole("grid", { name: "Screening hits" }))
      .getAllByRole("row")
      .filter((r) => r.textContent?.includes("CSL-"));
    // best first, whatever order the server sent
    expect(rows[0].textContent).toContain("CSL-0007");
    expect(rows[0].textContent).toContain("0.912");
    expect(rows[0].textContent).toContain("Potential match");
    expect(rows[1].textContent).toContain("Below 0.70");
    expect(screen.getByText("CSL-2026-11-20, OS-2026-11-21")).toBeInTheDocument();
    expect(screen.getByText("More hits exist beyond the first 50")).toBeInTheDocument();

    // the explanation opens on demand
    expect(screen.queryByText("spelt alike")).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole("button", { name: "Shenhai Supercomputing Centre Details" }),
    );
    expect(screen.getByText("spelt alike")).toBeInTheDocument();
    expect(screen.getByText(/CN is one of the entry's countries/)).toBeInTheDocument();
  });

  it("runs the search of a shared address at once and fills the form from it", async () => {
    const search = vi.spyOn(api.screening, "search").mockResolvedValue(response({ hits: [] }));
    renderAt("/screening?name=Nobody+Known&type=PERSON&dob=1980");
    expect(await screen.findByText("No listed entry reaches 0.50")).toBeInTheDocument();
    expect(search).toHaveBeenCalledWith(
      { name: "Nobody Known", type: "PERSON", birthDate: "1980" },
      expect.anything(),
    );
    expect(screen.getByLabelText(/^Name/)).toHaveValue("Nobody Known");
    expect(screen.getByLabelText(/^Date of birth/)).toHaveValue("1980");
    expect(screen.getByLabelText(/^Type/)).toHaveValue("PERSON");
  });

  it("asks for a name before sending anything", async () => {
    const search = vi.spyOn(api.screening, "search");
    renderAt("/screening");
    await userEvent.click(screen.getByRole("button", { name: "Screen" }));
    expect(screen.getByText("Enter a name to screen.")).toBeInTheDocument();
    expect(search).not.toHaveBeenCalled();
    expect(screen.getByTestId("where").textContent).toBe("/screening");
  });

  it("shows the server's field errors on their fields", async () => {
    vi.spyOn(api.screening, "search").mockRejectedValue(
      new ApiError(400, {
        title: "The screening request has invalid fields",
        errors: [{ field: "country", message: "must be an ISO 3166-1 alpha-2 code" }],
      }),
    );
    renderAt("/screening?name=Ivan&country=IRN");
    const country = screen.getByLabelText(/^Country/);
    expect(
      await screen.findByText("The country must be an ISO 3166-1 alpha-2 code."),
    ).toBeInTheDocument();
    expect(country).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText(/^Name/)).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("The search was not accepted")).toBeInTheDocument();
  });

  it("offers to try again when the server fails", async () => {
    const search = vi
      .spyOn(api.screening, "search")
      .mockRejectedValueOnce(new ApiError(503, null))
      .mockResolvedValueOnce(response());
    renderAt("/screening?name=Shenhai");
    expect(await screen.findByText("The name could not be screened")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("CSL-0007")).toBeInTheDocument();
    expect(search).toHaveBeenCalledTimes(2);
  });
});

describe("the case workspace's screening tab", () => {
  it("shows a stored match's explanation with the same component", async () => {
    const { Screening } = await import("../cases/CaseWorkspace");
    vi.spyOn(api.cases, "matches").mockResolvedValue([
      {
        id: 1,
        partyName: "Shenhai Supercomputing Center",
        partyRole: "END_USER",
        listedName: "Shenhai Supercomputing Centre",
        listSource: "CSL",
        listVersion: "CSL-2026-11-20",
        score: 0.912,
        algorithm: "token-align-jw-dm/v2",
        disposition: null,
        dispositionReason: null,
        disposedBy: null,
        entryKey: "csl-o02",
        matchedNameKind: "PRIMARY",
        explanation: hit().explanation,
      },
    ]);
    const c = { id: "c1", status: "REVIEW", parties: [] } as never;
    render(
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>
          <Screening c={c} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const matches = await screen.findByRole("grid", { name: "Potential screening matches" });
    expect(within(matches).getByText(/token-align-jw-dm\/v2: name score 0.95/)).toBeInTheDocument();
    // not adjudicated yet: the API sends no disposition
    expect(within(matches).getByText("To adjudicate")).toBeInTheDocument();
    // the explanation opens on demand, in a row of its own under the match (the whole width of
    // the table: in a cell of its own column it made the table wider than the page)
    expect(screen.queryByText("spelt alike")).not.toBeInTheDocument();
    await userEvent.click(
      within(matches).getByRole("button", {
        name: "Shenhai Supercomputing Center (End user) Details",
      }),
    );
    const explanation = screen.getByRole("grid", {
      name: "Aligned words of Shenhai Supercomputing Centre",
    });
    expect(within(explanation).getByText("spelt alike")).toBeInTheDocument();
    expect(explanation.closest("td")).toHaveAttribute("colspan", "7");
    expect(screen.getByText(/CN is one of the entry's countries/)).toBeInTheDocument();
  });
});
