import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../../api";
import { describeEvent } from "./auditWords";

function event(actor: string, action: string, detail: Record<string, unknown>): AuditEvent {
  return {
    position: 1,
    caseId: "0b5e2c1a-3f4d-4e5f-8a9b-0c1d2e3f4a5b",
    occurredAt: "2026-12-02T10:00:00Z",
    actor,
    action,
    detail,
    previousHash: null,
    hash: null,
    sealed: false,
  };
}

const NUMBER = "LIC-2026-000042";

describe("the audit trail in words", () => {
  it("names the reviewers a task was opened for by their role's words", () => {
    expect(
      describeEvent(
        event("workflow", "TASK_CREATED", { taskType: "LEGAL_REVIEW", candidateRole: "legal" }),
      ),
    ).toBe("The legal review was opened for legal reviewers");
    expect(
      describeEvent(
        event("workflow", "TASK_CREATED", {
          taskType: "TECHNICAL_AUDIT",
          candidateRole: "auditor",
        }),
      ),
    ).toBe("The technical audit was opened for technical auditors");
    expect(describeEvent(event("workflow", "TASK_CREATED", { taskType: "APPROVAL" }))).toBe(
      "The approval was opened for the reviewers",
    );
  });

  it("tells the issue of a licence from its reinstatement", () => {
    expect(
      describeEvent(event("system", "LICENCE_ISSUED", { licenceNumber: NUMBER, conditions: 1 })),
    ).toBe(`Licence ${NUMBER} was issued`);
    expect(
      describeEvent(
        event("max", "LICENCE_REINSTATED", {
          licenceNumber: NUMBER,
          from: "SUSPENDED",
          to: "ISSUED",
          reason: "investigation closed",
        }),
      ),
    ).toBe(`max reinstated licence ${NUMBER}: it is in force again (“investigation closed”)`);
  });

  it("reads a reinstatement recorded before LICENCE_REINSTATED existed as a reinstatement", () => {
    expect(
      describeEvent(
        event("max", "LICENCE_ISSUED", { licenceNumber: NUMBER, from: "SUSPENDED", to: "ISSUED" }),
      ),
    ).toBe(`max reinstated licence ${NUMBER}: it is in force again`);
  });

  it("says who suspended or revoked a licence and why, and when it ran out", () => {
    const change = (actor: string, action: string, reason: string) =>
      describeEvent(event(actor, action, { licenceNumber: NUMBER, reason }));
    expect(change("max", "LICENCE_SUSPENDED", "end user under investigation")).toBe(
      `max suspended licence ${NUMBER}: “end user under investigation”`,
    );
    expect(change("max", "LICENCE_REVOKED", "diversion confirmed")).toBe(
      `max revoked licence ${NUMBER}: “diversion confirmed”`,
    );
    expect(change("system", "LICENCE_EXPIRED", "validity ended on 2026-11-30")).toBe(
      `Licence ${NUMBER} expired (validity ended on 2026-11-30)`,
    );
    expect(describeEvent(event("system", "LICENCE_EXHAUSTED", { licenceNumber: NUMBER }))).toBe(
      `Licence ${NUMBER} is used up`,
    );
  });
});
