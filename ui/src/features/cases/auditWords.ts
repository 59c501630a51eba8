// The audit trail in plain words: what each recorded action means to a reader.
import type { AuditEvent } from "../../api";
import { roleHolders } from "../../app/roles";
import { words } from "../../components/format";

const TASKS: Record<string, string> = {
  ADJUDICATE_MATCHES: "screening-match adjudication",
  TECHNICAL_AUDIT: "technical audit",
  LEGAL_REVIEW: "legal review",
  APPROVAL: "approval",
  COUNTERSIGN: "countersignature",
};

function str(v: unknown): string | null {
  return typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : null;
}

export function actorName(actor: string): string {
  if (actor === "workflow" || actor === "clearance-workflow") return "Clearance (automatic)";
  if (actor === "system" || actor === "clearance") return "Clearance (automatic)";
  return actor;
}

/** One sentence for an audit event, e.g. "audrey completed the technical audit: request information". */
export function describeEvent(e: AuditEvent): string {
  const d = (e.detail ?? {}) as Record<string, unknown>;
  const task = TASKS[str(d.taskType) ?? str(d.type) ?? ""] ?? "task";
  const who = actorName(e.actor);
  switch (e.action) {
    case "CASE_CREATED":
      return str(d.copiedFrom)
        ? `${who} started this draft as a copy of ${d.copiedFrom}`
        : `${who} started the application`;
    case "CASE_UPDATED": {
      const changed = Array.isArray(d.changed) ? (d.changed as string[]).map(words).join(", ") : "";
      return `${who} changed the draft${changed ? ` (${changed.toLowerCase()})` : ""}`;
    }
    case "CASE_COPIED":
      return `${who} copied this application into a new draft ${str(d.copiedTo) ?? ""}`.trim();
    case "CASE_SUBMITTED":
      return `${who} submitted the application`;
    case "CASE_WITHDRAWN":
      return `${who} withdrew the application${str(d.reason) ? `: “${d.reason}”` : ""}`;
    case "DOCUMENT_ADDED":
      return `${who} added the document ${str(d.filename) ?? ""}`.trim();
    case "DOCUMENT_REMOVED":
    case "DOCUMENT_DELETED":
      return `${who} removed the document ${str(d.filename) ?? ""}`.trim();
    case "PARTIES_SCREENED": {
      const n = Number(d.potentialMatches ?? d.matches ?? 0);
      return n > 0
        ? `The parties were screened against the restricted-party list: ${n} potential match${n === 1 ? "" : "es"} to adjudicate`
        : "The parties were screened against the restricted-party list: no match";
    }
    case "TASK_CREATED": {
      const role = str(d.candidateRole);
      return `The ${task} was opened for ${role ? roleHolders(role) : "the reviewers"}`;
    }
    case "TASK_CLAIMED":
      return `${who} took the ${task}`;
    case "TASK_UNCLAIMED":
      return `${who} released the ${task}`;
    case "TASK_REASSIGNED":
      return `${who} gave the ${task} to ${str(d.assignee) ?? str(d.to) ?? "another reviewer"}`;
    case "TASK_CANCELLED":
      return `The ${task} was cancelled${str(d.reason) ? ` (${d.reason})` : ""}`;
    case "TASK_COMPLETED": {
      const outcome = str(d.outcome);
      const done = `${who} completed the ${task}${outcome ? `: ${words(outcome).toLowerCase()}` : ""}`;
      // a technical audit's findings come in words from the API ("2 findings: major — …")
      const findings = str(d.findings);
      const evidence = str(d.evidence);
      return [done, findings, evidence ? `evidence: ${evidence}` : null].filter(Boolean).join("; ");
    }
    case "INFORMATION_REQUESTED":
      return `A reviewer asked the applicant for information${str(d.question) ? `: “${d.question}”` : ""}`;
    case "INFORMATION_PROVIDED":
      return `${who} answered the request for information`;
    case "HIGH_RISK_FLAGGED":
      return `${who} flagged the case as high risk${str(d.reason) ? `: ${d.reason}` : ""}`;
    case "SLA_ESCALATED":
      return `The ${words(str(d.stage) ?? "stage").toLowerCase()} passed its target time and was escalated to the managers`;
    case "CASE_APPROVED":
      return "The application was approved";
    case "CASE_DENIED":
      return "The application was denied";
  }
  if (e.action.startsWith("LICENCE_")) return describeLicenceEvent(e.action, who, d);
  const to = str(d.to) ?? str(d.status);
  return to
    ? `${words(e.action)} — now ${words(to).toLowerCase()}`
    : `${who}: ${words(e.action).toLowerCase()}`;
}

function describeLicenceEvent(action: string, who: string, d: Record<string, unknown>): string {
  const number = str(d.licenceNumber) ?? str(d.number);
  const licence = number ? `licence ${number}` : "the licence";
  const Licence = number ? `Licence ${number}` : "The licence";
  const reason = str(d.reason);
  // Before LICENCE_REINSTATED existed a reinstatement was recorded as LICENCE_ISSUED from
  // SUSPENDED; the audit chain keeps those rows as they were, so both read as a reinstatement.
  if (action === "LICENCE_REINSTATED" || (action === "LICENCE_ISSUED" && d.from === "SUSPENDED"))
    return `${who} reinstated ${licence}: it is in force again${reason ? ` (“${reason}”)` : ""}`;
  switch (action) {
    case "LICENCE_ISSUED":
      return `${Licence} was issued`;
    case "LICENCE_SUSPENDED":
      return `${who} suspended ${licence}${reason ? `: “${reason}”` : ""}`;
    case "LICENCE_REVOKED":
      return `${who} revoked ${licence}${reason ? `: “${reason}”` : ""}`;
    case "LICENCE_EXHAUSTED":
      return `${Licence} is used up${reason ? ` (${reason})` : ""}`;
    case "LICENCE_EXPIRED":
      return `${Licence} expired${reason ? ` (${reason})` : ""}`;
  }
  const what = words(action.substring("LICENCE_".length)).toLowerCase();
  return `${who}: ${licence} ${what}${reason ? ` (${reason})` : ""}`;
}
