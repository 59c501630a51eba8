package org.clearance.engine.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValBoolean;
import org.camunda.feel.syntaxtree.ValContext;
import org.camunda.feel.syntaxtree.ValDate;
import org.camunda.feel.syntaxtree.ValDateTime;
import org.camunda.feel.syntaxtree.ValDayTimeDuration;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.syntaxtree.ValFunction;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValLocalDateTime;
import org.camunda.feel.syntaxtree.ValLocalTime;
import org.camunda.feel.syntaxtree.ValNull$;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.syntaxtree.ValString;
import org.camunda.feel.syntaxtree.ValTime;
import org.camunda.feel.syntaxtree.ValYearMonthDuration;
import org.camunda.feel.valuemapper.ValueMapper;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Converts between JSON and FEEL values. Numbers stay exact both ways (JSON decimals are read as
 * {@link BigDecimal}; integral results are written as plain integers, never {@code 1.0E+26});
 * dates, times and durations are written as ISO-8601 strings.
 */
final class FeelJsonMapper {

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final JsonMapper json =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final ValueMapper valueMapper = ValueMapper.defaultValueMapper();

  /** Reads a JSON object of variables; {@code null} or blank text means no variables. */
  Map<String, Object> readVariables(String variablesJson) {
    if (variablesJson == null || variablesJson.isBlank()) {
      return Map.of();
    }
    try {
      JsonNode node = json.readTree(variablesJson);
      if (node == null || node.isNull()) {
        return Map.of();
      }
      if (!node.isObject()) {
        throw new IllegalArgumentException(
            "Expected variables to be a JSON object, but was: " + node.getNodeType());
      }
      return json.convertValue(node, OBJECT);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Expected variables to be a JSON object, but it is not valid JSON: "
              + e.getOriginalMessage(),
          e);
    }
  }

  String toJson(Val value) {
    return write(toNode(value, List.of()));
  }

  /**
   * Like {@link #toJson(Val)}, but writes the keys of a context (or of each context in a list) in
   * the given order first: the output order of a decision table, which FEEL's maps do not keep.
   */
  String toJson(Val value, List<String> keyOrder) {
    return write(toNode(value, keyOrder));
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a decision value as JSON", e);
    }
  }

  private JsonNode toNode(Object value, List<String> keyOrder) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (!(value instanceof Val)) {
      // contexts built from input variables may hold plain Java values
      return toNode(valueMapper.toVal(value), keyOrder);
    }
    return switch ((Val) value) {
      case ValNull$ ignored -> NullNode.getInstance();
      case ValBoolean b -> BooleanNode.valueOf(b.value());
      case ValString s -> TextNode.valueOf(s.value());
      case ValNumber n -> number(n.value().bigDecimal());
      case ValList list -> {
        ArrayNode array = nodes.arrayNode();
        for (Val item : CollectionConverters.asJava(list.items())) {
          array.add(toNode(item, keyOrder));
        }
        yield array;
      }
      case ValContext context -> object(context.context().variableProvider(), keyOrder);
      case ValDate date -> TextNode.valueOf(DateTimeFormatter.ISO_LOCAL_DATE.format(date.value()));
      case ValLocalTime time ->
          TextNode.valueOf(DateTimeFormatter.ISO_LOCAL_TIME.format(time.value()));
      case ValTime time -> TextNode.valueOf(time.value().formatToIso());
      case ValLocalDateTime dateTime ->
          TextNode.valueOf(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime.value()));
      // an offset stays an offset ("...T08:00:00Z"); a region is kept ("...+01:00[Europe/Berlin]")
      case ValDateTime dateTime ->
          TextNode.valueOf(DateTimeFormatter.ISO_ZONED_DATE_TIME.format(dateTime.value()));
      case ValYearMonthDuration duration ->
          TextNode.valueOf(duration.value().normalized().toString());
      case ValDayTimeDuration duration -> TextNode.valueOf(dayTimeDuration(duration.value()));
      // a failed value has no result; a function cannot leave the engine
      case ValError ignored -> NullNode.getInstance();
      case ValFatalError ignored -> NullNode.getInstance();
      case ValFunction ignored -> NullNode.getInstance();
      default -> TextNode.valueOf(value.toString());
    };
  }

  private ObjectNode object(VariableProvider provider, List<String> keyOrder) {
    Map<String, Object> entries = CollectionConverters.asJava(provider.getVariables());
    ObjectNode object = nodes.objectNode();
    for (String key : keyOrder) {
      if (entries.containsKey(key)) {
        object.set(key, toNode(entries.get(key), List.of()));
      }
    }
    for (Map.Entry<String, Object> entry : entries.entrySet()) {
      if (!object.has(entry.getKey())) {
        object.set(entry.getKey(), toNode(entry.getValue(), List.of()));
      }
    }
    return object;
  }

  /** Integral values as integers (exact, however large); others as plain decimals. */
  private static JsonNode number(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      BigInteger integer = stripped.toBigIntegerExact();
      return integer.bitLength() < Long.SIZE
          ? LongNode.valueOf(integer.longValue())
          : BigIntegerNode.valueOf(integer);
    }
    return DecimalNode.valueOf(stripped);
  }

  /** ISO-8601 with a day part, as FEEL writes it: {@code P1DT12H} rather than {@code PT36H}. */
  private static String dayTimeDuration(Duration duration) {
    if (duration.isZero()) {
      return "PT0S";
    }
    Duration magnitude = duration.abs();
    long days = magnitude.toDays();
    Duration rest = magnitude.minusDays(days);
    StringBuilder text = new StringBuilder(duration.isNegative() ? "-P" : "P");
    if (days > 0) {
      text.append(days).append('D');
    }
    if (!rest.isZero()) {
      text.append(rest.toString().substring(1)); // "PT12H" -> "T12H"
    }
    return text.toString();
  }
}
