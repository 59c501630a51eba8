package org.clearance.engine.decision;

import org.camunda.dmn.parser.ParsedContext;
import org.camunda.dmn.parser.ParsedDecisionLogic;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedFunctionDefinition;
import org.camunda.dmn.parser.ParsedInvocation;
import org.camunda.dmn.parser.ParsedList;
import org.camunda.dmn.parser.ParsedLiteralExpression;
import org.camunda.dmn.parser.ParsedRelation;

/**
 * The kind of decision logic. {@link #name()} is the value Zeebe puts into {@code
 * EvaluatedDecision.decisionType}.
 */
public enum DecisionType {
  DECISION_TABLE,
  LITERAL_EXPRESSION,
  CONTEXT,
  LIST,
  RELATION,
  INVOCATION,
  FUNCTION_DEFINITION,
  UNKNOWN;

  static DecisionType of(ParsedDecisionLogic logic) {
    return switch (logic) {
      case ParsedDecisionTable ignored -> DECISION_TABLE;
      case ParsedLiteralExpression ignored -> LITERAL_EXPRESSION;
      case ParsedContext ignored -> CONTEXT;
      case ParsedList ignored -> LIST;
      case ParsedRelation ignored -> RELATION;
      case ParsedInvocation ignored -> INVOCATION;
      case ParsedFunctionDefinition ignored -> FUNCTION_DEFINITION;
      case null, default -> UNKNOWN;
    };
  }
}
