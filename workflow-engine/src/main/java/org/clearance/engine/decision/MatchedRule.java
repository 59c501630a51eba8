package org.clearance.engine.decision;

import java.util.List;

/**
 * A rule of a decision table whose input entries all matched.
 *
 * @param ruleId the id of the {@code rule} element
 * @param ruleIndex the rule's position in its table, counting from 1 as Zeebe does
 * @param evaluatedOutputs the rule's output entries, in the table's output order
 */
public record MatchedRule(String ruleId, int ruleIndex, List<EvaluatedOutput> evaluatedOutputs) {

  public MatchedRule {
    evaluatedOutputs = List.copyOf(evaluatedOutputs);
  }
}
