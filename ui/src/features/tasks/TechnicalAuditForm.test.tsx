import { describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Task, TaskDecision } from "../../api";
import { TechnicalAuditForm } from "./DecisionForms";
import { FindingsTable } from "./FindingsTable";

const task = { id: "t1", caseId: "c1", type: "TECHNICAL_AUDIT" } as Task;

describe("TechnicalAuditForm", () => {
  it("submits the findings with their severities and the evidence as fields", async () => {
    const onSubmit = vi.fn<(d: TaskDecision) => void>();
    const user = userEvent.setup();
    render(<TechnicalAuditForm task={task} errors={{}} busy={false} onSubmit={onSubmit} />);

    await user.click(screen.getByLabelText("Technically certified"));
    await user.click(screen.getByRole("button", { name: "Add a finding" }));
    await user.type(screen.getByLabelText("Finding 1"), "Weights readable by every engineer");
    await user.selectOptions(screen.getByLabelText("Severity of finding 1"), "Critical");
    await user.click(screen.getByRole("button", { name: "Add a finding" }));
    await user.type(screen.getByLabelText("Finding 2"), "Logs kept 90 days");
    await user.type(screen.getByLabelText("Evidence examined"), "Pen-test report PT-7");
    expect(screen.getByText(/its approval will need a manager's countersign/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Complete the technical audit" }));

    expect(onSubmit).toHaveBeenCalledWith({
      outcome: "COMPLETE",
      question: null,
      findings: [
        { severity: "CRITICAL", text: "Weights readable by every engineer" },
        { severity: "MINOR", text: "Logs kept 90 days" },
      ],
      evidence: "Pen-test report PT-7",
      comment: null,
    });
  });

  it("shows the server's field errors on the finding row they name", async () => {
    const user = userEvent.setup();
    const { rerender } = render(
      <TechnicalAuditForm task={task} errors={{}} busy={false} onSubmit={() => {}} />,
    );
    for (let i = 0; i < 3; i++)
      await user.click(screen.getByRole("button", { name: "Add a finding" }));

    rerender(
      <TechnicalAuditForm
        task={task}
        busy={false}
        onSubmit={() => {}}
        errors={{
          "findings[2].text": "must not be blank",
          "findings[0].severity": "must be one of [OBSERVATION, MINOR, MAJOR, CRITICAL]",
          evidence: "must not be longer than 4000 characters",
        }}
      />,
    );

    const third = screen.getByRole("group", { name: "Finding 3 with its severity" });
    expect(within(third).getByText("Finding 3: must not be blank")).toBeTruthy();
    expect(screen.getByLabelText("Finding 3").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("Finding 2").getAttribute("aria-invalid")).not.toBe("true");
    const first = screen.getByRole("group", { name: "Finding 1 with its severity" });
    expect(within(first).getByText(/Severity of finding 1: must be one of/)).toBeTruthy();
    expect(screen.getByLabelText("Severity of finding 1").getAttribute("aria-invalid")).toBe(
      "true",
    );
    expect(screen.getByText("must not be longer than 4000 characters")).toBeTruthy();
  });
});

describe("FindingsTable", () => {
  it("shows each severity in words beside its finding", () => {
    render(
      <FindingsTable
        findings={[
          { severity: "CRITICAL", text: "Keys on a laptop" },
          { severity: "OBSERVATION", text: "Scope excluded fine-tuning" },
        ]}
      />,
    );
    const rows = within(screen.getByRole("grid", { name: "Findings of the technical audit" }))
      .getAllByRole("row")
      .slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      "CriticalKeys on a laptop",
      "ObservationScope excluded fine-tuning",
    ]);
  });
});
