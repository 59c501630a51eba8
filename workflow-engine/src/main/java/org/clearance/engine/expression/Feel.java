package org.clearance.engine.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.clearance.engine.db.Json;

/**
 * FEEL through feel-engine. Expressions are parsed at deploy time; evaluation takes the visible
 * variables as JSON and returns JSON. The engine instance is thread-safe and shared.
 */
public final class Feel {

  private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Feel() {}

  /** Parses an attribute that may be static or '='-prefixed FEEL. Returns the parse problem. */
  public static Expression parseStaticOrExpression(String raw) {
    if (raw != null && raw.startsWith("=")) {
      return parseExpression(raw);
    }
    return Expression.staticValue(raw);
  }

  /** Parses an attribute that is always FEEL (conditions, mappings); '=' is optional. */
  public static Expression parseExpression(String raw) {
    String text = raw.startsWith("=") ? raw.substring(1) : raw;
    var result = ENGINE.parseExpression(text);
    if (!result.isSuccess()) {
      throw new InvalidExpressionException(
          "failed to parse expression '%s': %s".formatted(text, result.failure().message()));
    }
    return new Expression(text, result.parsedExpression());
  }

  public static JsonNode evaluate(Expression expression, Function<String, JsonNode> variables) {
    if (expression.isStatic()) {
      return NODES.textNode(expression.text());
    }
    var context = new HashMap<String, Object>();
    // Only variables the expression names are converted; unknown names are simply absent.
    for (var reference : referencedNames(expression)) {
      JsonNode value = variables.apply(reference);
      if (value != null) {
        context.put(reference, Json.MAPPER.convertValue(value, Object.class));
      }
    }
    var result = ENGINE.evaluate(expression.parsed(), context);
    if (!result.isSuccess()) {
      throw new EvaluationException(
          "failed to evaluate expression '%s': %s"
              .formatted(expression.text(), result.failure().message()));
    }
    return toJson(result.result());
  }

  public static boolean evaluateCondition(
      Expression expression, Function<String, JsonNode> variables) {
    JsonNode value = evaluate(expression, variables);
    if (!value.isBoolean()) {
      throw new EvaluationException(
          "Expected result of the expression '%s' to be 'BOOLEAN', but was '%s'."
              .formatted(expression.text(), typeName(value)));
    }
    return value.booleanValue();
  }

  public static String evaluateString(Expression expression, Function<String, JsonNode> variables) {
    JsonNode value = evaluate(expression, variables);
    if (!value.isTextual()) {
      throw new EvaluationException(
          "Expected result of the expression '%s' to be 'STRING', but was '%s'."
              .formatted(expression.text(), typeName(value)));
    }
    return value.textValue();
  }

  /** Strings may be given as a comma-separated static list or as a FEEL list of strings. */
  public static List<String> evaluateStringList(
      Expression expression, Function<String, JsonNode> variables) {
    if (expression.isStatic()) {
      var list = new ArrayList<String>();
      for (String part : expression.text().split(",")) {
        if (!part.isBlank()) {
          list.add(part.trim());
        }
      }
      return list;
    }
    JsonNode value = evaluate(expression, variables);
    if (value.isTextual()) {
      return evaluateStringList(Expression.staticValue(value.textValue()), variables);
    }
    if (!value.isArray()) {
      throw new EvaluationException(
          "Expected result of the expression '%s' to be 'ARRAY', but was '%s'."
              .formatted(expression.text(), typeName(value)));
    }
    var list = new ArrayList<String>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new EvaluationException(
            "Expected result of the expression '%s' to be a list of strings, but it contains '%s'."
                .formatted(expression.text(), item));
      }
      list.add(item.textValue());
    }
    return list;
  }

  public static long evaluateNumber(Expression expression, Function<String, JsonNode> variables) {
    if (expression.isStatic()) {
      try {
        return Long.parseLong(expression.text().trim());
      } catch (NumberFormatException e) {
        throw new EvaluationException("Expected '%s' to be a number".formatted(expression.text()));
      }
    }
    JsonNode value = evaluate(expression, variables);
    if (!value.isNumber()) {
      throw new EvaluationException(
          "Expected result of the expression '%s' to be 'NUMBER', but was '%s'."
              .formatted(expression.text(), typeName(value)));
    }
    return value.longValue();
  }

  private static List<String> referencedNames(Expression expression) {
    return expression.names();
  }

  static String typeName(JsonNode value) {
    return switch (value.getNodeType()) {
      case NULL, MISSING -> "NULL";
      case BOOLEAN -> "BOOLEAN";
      case NUMBER -> "NUMBER";
      case STRING -> "STRING";
      case ARRAY -> "ARRAY";
      case OBJECT -> "OBJECT";
      default -> value.getNodeType().name();
    };
  }

  /** Converts a FEEL result (Java values from the Java value mapper) into JSON. */
  public static JsonNode toJson(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Optional<?> optional) {
      return toJson(optional.orElse(null));
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof BigDecimal d) {
      return number(d);
    }
    if (value instanceof Double || value instanceof Float) {
      return number(BigDecimal.valueOf(((Number) value).doubleValue()));
    }
    if (value instanceof BigInteger i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Number n) {
      return NODES.numberNode(n.longValue());
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode node = NODES.objectNode();
      map.forEach((k, v) -> node.set(String.valueOf(k), toJson(v)));
      return node;
    }
    if (value instanceof Iterable<?> iterable) {
      ArrayNode node = NODES.arrayNode();
      iterable.forEach(item -> node.add(toJson(item)));
      return node;
    }
    if (value instanceof scala.collection.Iterable<?> iterable) {
      ArrayNode node = NODES.arrayNode();
      iterable.foreach(
          item -> {
            node.add(toJson(item));
            return null;
          });
      return node;
    }
    // dates, times and durations are written as ISO 8601 strings, as Zeebe does
    return NODES.textNode(value.toString());
  }

  private static JsonNode number(BigDecimal d) {
    BigDecimal stripped = d.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      BigInteger integer = stripped.toBigIntegerExact();
      return integer.bitLength() < 64
          ? NODES.numberNode(integer.longValue())
          : NODES.numberNode(integer);
    }
    return NODES.numberNode(stripped.doubleValue());
  }
}
