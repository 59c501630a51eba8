import { describe, expect, it } from "vitest";
import { ROLE_HOLDERS, ROLE_LABELS, roleHolders, roleLabel } from "./roles";

describe("role wording", () => {
  it("names one holder of each role as a title", () => {
    expect(
      ["applicant", "auditor", "legal", "approver", "manager", "admin"].map(roleLabel),
    ).toEqual([
      "Applicant",
      "Technical auditor",
      "Legal reviewer",
      "Approver",
      "Manager",
      "Administrator",
    ]);
  });

  it("names everyone who holds a role inside a sentence", () => {
    expect(`Unassigned (${roleHolders("legal")})`).toBe("Unassigned (legal reviewers)");
    expect(["applicant", "auditor", "approver", "manager", "admin"].map(roleHolders)).toEqual([
      "applicants",
      "technical auditors",
      "approvers",
      "managers",
      "administrators",
    ]);
  });

  it("has the plural of every role it has a title for", () => {
    expect(Object.keys(ROLE_HOLDERS).sort()).toEqual(Object.keys(ROLE_LABELS).sort());
  });

  it("shows a candidate group that is no Clearance role as its code, marked as a role", () => {
    expect(roleLabel("export-desk")).toBe("export-desk");
    expect(roleHolders("export-desk")).toBe("holders of the “export-desk” role");
    // inherited object keys are no roles
    expect(roleLabel("toString")).toBe("toString");
  });
});
