package org.clearance.engine.expression;

import java.util.List;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * An attribute of the model: either a static value or a FEEL expression parsed once at deploy time.
 * Zeebe marks expressions with a leading '='.
 */
public final class Expression {

  private final String text;
  private final ParsedExpression parsed;
  private final List<String> names;

  Expression(String text, ParsedExpression parsed) {
    this.text = text;
    this.parsed = parsed;
    this.names = parsed == null ? List.of() : List.copyOf(parsed.getVariableNames());
  }

  /** The variable names the expression reads; only these are handed to the FEEL engine. */
  List<String> names() {
    return names;
  }

  public static Expression staticValue(String value) {
    return new Expression(value, null);
  }

  public boolean isStatic() {
    return parsed == null;
  }

  /** The static value, or the FEEL text without the leading '='. */
  public String text() {
    return text;
  }

  ParsedExpression parsed() {
    return parsed;
  }

  @Override
  public String toString() {
    return isStatic() ? text : "=" + text;
  }
}
