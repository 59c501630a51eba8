// A technical audit's decision as the API takes it (case-api TaskDecisionRules): findings with a
// severity each and the evidence are fields of their own, never folded into the comment; and
// the API's field errors (findings[2].severity …) back onto the row they name.
import type { FindingSeverity, TaskDecision } from "../../api";
import { errorsUnder } from "../../api/problem";

export const SEVERITIES: { value: FindingSeverity; label: string }[] = [
  { value: "OBSERVATION", label: "Observation" },
  { value: "MINOR", label: "Minor" },
  { value: "MAJOR", label: "Major" },
  { value: "CRITICAL", label: "Critical" },
];

export interface FindingDraft {
  severity: FindingSeverity;
  text: string;
}

export interface AuditDraft {
  outcome: string;
  question: string;
  findings: FindingDraft[];
  evidence: string;
  comment: string;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/**
 * Every row is sent as typed, in order, so that the API's findings[i] is the i-th row on screen
 * (an empty row comes back as "findings[i].text: must not be blank" rather than vanishing).
 */
export function auditDecision(d: AuditDraft): TaskDecision {
  return {
    outcome: d.outcome,
    question: d.outcome === "REQUEST_INFORMATION" ? orNull(d.question) : null,
    findings: d.findings.map((f) => ({ severity: f.severity, text: f.text })),
    evidence: orNull(d.evidence),
    comment: orNull(d.comment),
  };
}

export interface FindingRowErrors {
  severity?: string;
  text?: string;
  /** A fault of the row as a whole (e.g. a null entry). */
  row?: string;
}

/** The errors of row {@code index}, from the form's field map (keys as toFieldMap gives them). */
export function findingErrors(errors: Record<string, string>, index: number): FindingRowErrors {
  const under = errorsUnder(errors, `findings[${index}]`);
  const out: FindingRowErrors = {};
  if (under.severity) out.severity = under.severity;
  if (under.text) out.text = under.text;
  if (under[""]) out.row = under[""];
  return out;
}

/** The label colour of a severity; the severity's name is always shown beside it. */
export function severityColor(severity: string): "grey" | "blue" | "orange" | "red" {
  switch (severity) {
    case "CRITICAL":
      return "red";
    case "MAJOR":
      return "orange";
    case "MINOR":
      return "blue";
    default:
      return "grey";
  }
}

export function severityLabel(severity: string): string {
  return SEVERITIES.find((s) => s.value === severity)?.label ?? severity;
}
