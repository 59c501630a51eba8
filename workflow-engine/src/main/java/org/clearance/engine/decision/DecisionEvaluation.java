package org.clearance.engine.decision;

import java.util.List;

/**
 * The outcome of evaluating a decision, successful or not. A failed evaluation is data, as in
 * Zeebe's {@code EvaluateDecisionResponse}: the evaluated decisions up to and including the failed
 * one, the failed decision's id and a message.
 *
 * @param decisionId the requested decision's id
 * @param decisionName the requested decision's name
 * @param decisionOutput the requested decision's result as JSON text; {@code "null"} when no rule
 *     matched or the evaluation failed
 * @param evaluatedDecisions every decision evaluated, required decisions first, in evaluation order
 * @param failedDecisionId the id of the decision that failed (the requested one or a required one);
 *     {@code null} on success
 * @param failureMessage why the evaluation failed; {@code null} on success
 */
public record DecisionEvaluation(
    String decisionId,
    String decisionName,
    String decisionOutput,
    List<EvaluatedDecision> evaluatedDecisions,
    String failedDecisionId,
    String failureMessage) {

  public DecisionEvaluation {
    evaluatedDecisions = List.copyOf(evaluatedDecisions);
  }

  /** Whether the evaluation failed; a business rule task then raises an incident. */
  public boolean isFailure() {
    return failureMessage != null;
  }
}
