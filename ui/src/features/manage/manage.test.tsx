import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ApiError } from "../../api";
import { ConfirmAction, plainRefusal } from "./ConfirmAction";
import { durationWords } from "./duration";
import { verdictText } from "../admin/AuditCheckPage";
import { byCountry } from "../admin/CountryGroupsPage";
import { activeFilters, caseListSchema } from "../dashboard/CaseListPage";
import { parseState } from "../../components/urlState";

describe("manager actions", () => {
  it("explain refusals in plain words", () => {
    const conflict = new ApiError(409, {
      title: "Illegal licence transition",
      detail: "licence LIC-2026-000001 is REVOKED",
    });
    expect(plainRefusal(conflict)).toContain("cannot be done in the current state");
    expect(plainRefusal(new ApiError(404, null))).toBe(
      "This no longer exists, or you cannot see it.",
    );
  });

  it("ask for a reason before a required action and show the refusal", async () => {
    const run = vi.fn(async () => {
      throw new ApiError(409, { title: "Case closed", detail: "the case is decided" });
    });
    const onDone = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ConfirmAction
          title="Flag as high risk?"
          description="The approval will need a countersignature."
          confirmLabel="Flag as high risk"
          reasonLabel="Why"
          reasonRequired
          run={run}
          onDone={onDone}
          onClose={() => {}}
        />
      </QueryClientProvider>,
    );
    const confirm = screen.getByRole("button", { name: "Flag as high risk" });
    expect(confirm).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/Why/), "Diversion risk");
    await userEvent.click(confirm);
    expect(run).toHaveBeenCalledWith("Diversion risk");
    expect(
      await screen.findByText(/cannot be done in the current state: the case is decided/),
    ).toBeInTheDocument();
    expect(onDone).toHaveBeenCalledWith(null);
  });

  it("say escalation delays in words", () => {
    expect(durationWords("PT52H30M")).toBe("2 days 4 h");
    expect(durationWords("PT45M")).toBe("45 min");
    expect(durationWords("P3DT4H")).toBe("3 days 4 h");
  });
});

describe("admin", () => {
  it("gives a plain audit verdict", () => {
    expect(
      verdictText({
        valid: true,
        eventsChecked: 120,
        headPosition: 120,
        unsealedEvents: 0,
        firstBrokenLink: null,
      }).title,
    ).toBe("The audit trail is intact");
    const broken = verdictText({
      valid: false,
      eventsChecked: 50,
      headPosition: 50,
      unsealedEvents: 0,
      firstBrokenLink: { position: 17, reason: "altered" },
    });
    expect(broken.title).toBe("The audit trail has been tampered with");
    expect(broken.detail).toContain("event 17: altered");
  });

  it("groups memberships per country", () => {
    const rows = byCountry([
      { countryCode: "CN", group: "D:1", validFrom: "2020-01-01", validTo: null },
      { countryCode: "AE", group: "A:1", validFrom: "2020-01-01", validTo: null },
      { countryCode: "CN", group: "D:5", validFrom: "2020-01-01", validTo: null },
    ]);
    expect(rows.map(([c, m]) => [c, m.map((x) => x.group)])).toEqual([
      ["AE", ["A:1"]],
      ["CN", ["D:1", "D:5"]],
    ]);
  });
});

describe("case list filters", () => {
  it("reads the drill-down's filters from the URL as chips", () => {
    const state = parseState(
      new URLSearchParams("element=Task_TechnicalAudit&overdue=true&status=SUBMITTED,SCREENING"),
      caseListSchema,
    );
    expect(activeFilters(state)).toEqual([
      { key: "status", text: "Submitted, Screening" },
      { key: "element", text: "Task_TechnicalAudit" },
      { key: "overdue", text: "yes" },
    ]);
    expect(state.sort).toBe("submittedAt,desc");
  });
});
