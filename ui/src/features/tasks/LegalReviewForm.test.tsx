import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Task, TaskDecision } from "../../api";
import { LegalReviewForm } from "./DecisionForms";

const task = { id: "t2", caseId: "c2", type: "LEGAL_REVIEW" } as Task;

describe("LegalReviewForm", () => {
  it("sends a question to the applicant only once asking is chosen", async () => {
    const onSubmit = vi.fn<(d: TaskDecision) => void>();
    const user = userEvent.setup();
    render(<LegalReviewForm task={task} errors={{}} busy={false} onSubmit={onSubmit} />);

    expect(screen.queryByLabelText(/Question to the applicant/)).toBeNull();
    expect(
      (screen.getByRole("button", { name: "Complete the legal review" }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
    await user.click(screen.getByLabelText("Ask the applicant for information"));
    await user.type(screen.getByLabelText(/Question to the applicant/), "Who hosts the weights?");
    await user.click(screen.getByRole("button", { name: "Send the question" }));

    expect(onSubmit).toHaveBeenCalledWith({
      outcome: "REQUEST_INFORMATION",
      question: "Who hosts the weights?",
      comment: null,
      conditions: [],
    });
  });

  it("shows the server's errors beneath the outcome and the proviso they name", async () => {
    const user = userEvent.setup();
    const { rerender } = render(
      <LegalReviewForm task={task} errors={{}} busy={false} onSubmit={() => {}} />,
    );
    await user.click(screen.getByLabelText(/Review complete/));
    await user.click(screen.getByRole("button", { name: "Add a proviso" }));

    rerender(
      <LegalReviewForm
        task={task}
        busy={false}
        onSubmit={() => {}}
        errors={{
          outcome: "must be one of [COMPLETE, REQUEST_INFORMATION]",
          conditions: "must not hold more than 20 items",
          "conditions[0]": "must not be blank",
        }}
      />,
    );

    expect(screen.getByText("must be one of [COMPLETE, REQUEST_INFORMATION]")).toBeTruthy();
    expect(screen.getByText("must not hold more than 20 items")).toBeTruthy();
    expect(screen.getByText("must not be blank")).toBeTruthy();
  });

  it("keeps the submit button busy while the decision is recorded", () => {
    render(<LegalReviewForm task={task} errors={{}} busy onSubmit={() => {}} />);
    const submit = screen.getByRole("button", { name: /Complete the legal review/ });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
  });
});
