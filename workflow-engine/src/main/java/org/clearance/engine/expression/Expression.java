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
    this.names = parsed == null ? List.of() : names(text, parsed);
  }

  private static final java.util.regex.Pattern IDENTIFIER =
      java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * The FEEL engine leaves out names that are also keys of a context literal ({@code {party:
   * party}}), so for expressions with a context every identifier is a candidate; names that are no
   * variable are simply absent.
   */
  private static List<String> names(String text, ParsedExpression parsed) {
    var names = new java.util.LinkedHashSet<String>(parsed.getVariableNames());
    if (text.indexOf('{') >= 0) {
      var matcher = IDENTIFIER.matcher(text);
      while (matcher.find()) {
        names.add(matcher.group());
      }
    }
    return List.copyOf(names);
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
