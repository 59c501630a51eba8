package org.clearance.engine.decision;

import java.util.List;

/**
 * One decision evaluated while evaluating the requested one: a required decision or the requested
 * decision itself. Maps one to one onto Zeebe's {@code EvaluatedDecision}.
 *
 * @param decisionId the DMN decision id
 * @param decisionName the DMN decision name
 * @param decisionType the kind of decision logic
 * @param decisionOutput the decision's result as JSON text; {@code "null"} when no rule matched or
 *     when this decision failed
 * @param matchedRules the rules that matched, for a decision table; empty otherwise
 * @param evaluatedInputs the table's inputs with their values, for a decision table; empty
 *     otherwise
 */
public record EvaluatedDecision(
    String decisionId,
    String decisionName,
    DecisionType decisionType,
    String decisionOutput,
    List<MatchedRule> matchedRules,
    List<EvaluatedInput> evaluatedInputs) {

  public EvaluatedDecision {
    matchedRules = List.copyOf(matchedRules);
    evaluatedInputs = List.copyOf(evaluatedInputs);
  }
}
