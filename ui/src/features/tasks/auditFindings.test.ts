import { describe, expect, it } from "vitest";
import { toFieldMap } from "../../api/problem";
import { auditDecision, findingErrors, severityColor } from "./auditFindings";

describe("auditDecision", () => {
  it("sends findings and evidence as fields, not folded into the comment", () => {
    expect(
      auditDecision({
        outcome: "COMPLETE",
        question: "ignored unless asking",
        findings: [
          { severity: "MAJOR", text: "Weights in an unencrypted bucket" },
          { severity: "OBSERVATION", text: "Scope excluded fine-tuning" },
        ],
        evidence: "  Pen-test report PT-7 ",
        comment: " Certified. ",
      }),
    ).toEqual({
      outcome: "COMPLETE",
      question: null,
      findings: [
        { severity: "MAJOR", text: "Weights in an unencrypted bucket" },
        { severity: "OBSERVATION", text: "Scope excluded fine-tuning" },
      ],
      evidence: "Pen-test report PT-7",
      comment: "Certified.",
    });
  });

  it("keeps every row in place so that findings[i] is the i-th row on screen", () => {
    const d = auditDecision({
      outcome: "REQUEST_INFORMATION",
      question: "Send the report",
      findings: [
        { severity: "MINOR", text: "" },
        { severity: "CRITICAL", text: "Keys on a laptop" },
      ],
      evidence: "",
      comment: "",
    });
    expect(d.findings).toEqual([
      { severity: "MINOR", text: "" },
      { severity: "CRITICAL", text: "Keys on a laptop" },
    ]);
    expect(d.question).toBe("Send the report");
    expect(d.evidence).toBeNull();
    expect(d.comment).toBeNull();
  });
});

describe("findingErrors", () => {
  const map = toFieldMap([
    {
      field: "findings[2].severity",
      message: "must be one of [OBSERVATION, MINOR, MAJOR, CRITICAL]",
    },
    { field: "findings.0.text", message: "must not be blank" },
    { field: "findings[1]", message: "must be a finding with a severity and a text" },
    { field: "findings", message: "must not list more than 50" },
    { field: "evidence", message: "must not be longer than 4000 characters" },
  ]);

  it("puts each field error on the row it names", () => {
    expect(findingErrors(map, 0)).toEqual({ text: "must not be blank" });
    expect(findingErrors(map, 1)).toEqual({
      row: "must be a finding with a severity and a text",
    });
    expect(findingErrors(map, 2)).toEqual({
      severity: "must be one of [OBSERVATION, MINOR, MAJOR, CRITICAL]",
    });
    expect(findingErrors(map, 3)).toEqual({});
  });

  it("does not mistake findings[1] for findings[10]", () => {
    expect(findingErrors(toFieldMap([{ field: "findings[10].text", message: "x" }]), 1)).toEqual(
      {},
    );
  });
});

describe("severityColor", () => {
  it("grows warmer with the severity", () => {
    expect(["OBSERVATION", "MINOR", "MAJOR", "CRITICAL"].map(severityColor)).toEqual([
      "grey",
      "blue",
      "orange",
      "red",
    ]);
  });
});
