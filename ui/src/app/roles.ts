export type Role = "applicant" | "auditor" | "legal" | "approver" | "manager" | "admin";

export const STAFF: Role[] = ["auditor", "legal", "approver", "manager"];
export const REVIEWERS: Role[] = ["auditor", "legal", "approver"];

export function hasAny(roles: readonly string[], wanted: readonly Role[] | undefined): boolean {
  return !wanted || wanted.length === 0 || wanted.some((r) => roles.includes(r));
}

// The one place the UI names a role: a Keycloak role code ("legal") is never shown as it is.
/** One holder of a role, as a title: "Legal reviewer". */
export const ROLE_LABELS: Record<Role, string> = {
  applicant: "Applicant",
  auditor: "Technical auditor",
  legal: "Legal reviewer",
  approver: "Approver",
  manager: "Manager",
  admin: "Administrator",
};

/** Everyone who holds a role, inside a sentence: "Unassigned (legal reviewers)". */
export const ROLE_HOLDERS: Record<Role, string> = {
  applicant: "applicants",
  auditor: "technical auditors",
  legal: "legal reviewers",
  approver: "approvers",
  manager: "managers",
  admin: "administrators",
};

function isRole(code: string): code is Role {
  return Object.hasOwn(ROLE_LABELS, code);
}

/**
 * "legal" → "Legal reviewer". A candidate group that is none of Clearance's roles (a process
 * model's own) is shown as its code: it names nobody the UI knows.
 */
export function roleLabel(code: string): string {
  return isRole(code) ? ROLE_LABELS[code] : code;
}

/** "legal" → "legal reviewers"; a code that is no Clearance role → "holders of the “x” role". */
export function roleHolders(code: string): string {
  return isRole(code) ? ROLE_HOLDERS[code] : `holders of the “${code}” role`;
}
