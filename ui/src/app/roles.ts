export type Role = "applicant" | "auditor" | "legal" | "approver" | "manager" | "admin";

export const STAFF: Role[] = ["auditor", "legal", "approver", "manager"];
export const REVIEWERS: Role[] = ["auditor", "legal", "approver"];

export function hasAny(roles: readonly string[], wanted: readonly Role[] | undefined): boolean {
  return !wanted || wanted.length === 0 || wanted.some((r) => roles.includes(r));
}

export const ROLE_LABELS: Record<string, string> = {
  applicant: "Applicant",
  auditor: "Technical auditor",
  legal: "Legal reviewer",
  approver: "Approver",
  manager: "Manager",
  admin: "Administrator",
};
