package org.clearance.engine.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clearance.engine.command.Rejection;

/** One shared JSON mapper; variables travel as JSON documents through the gateway. */
public final class Json {

  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);

  private Json() {}

  /**
   * Parses a variables document as the gateway receives it: empty means no variables, anything but
   * a JSON object is rejected.
   */
  public static Map<String, JsonNode> parseVariables(String document, String what) {
    if (document == null || document.isBlank()) {
      return Map.of();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(document);
    } catch (JsonProcessingException e) {
      throw Rejection.invalidArgument(
          "Expected to set %s to a JSON object, but the document is not valid JSON: %s"
              .formatted(what, e.getOriginalMessage()));
    }
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw Rejection.invalidArgument(
          "Expected to set %s to a JSON object, but got a JSON %s"
              .formatted(what, node.getNodeType().name().toLowerCase()));
    }
    var result = new LinkedHashMap<String, JsonNode>();
    node.fields().forEachRemaining(entry -> result.put(entry.getKey(), entry.getValue()));
    return result;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise " + value.getClass(), e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read stored " + type.getSimpleName(), e);
    }
  }

  public static String toDocument(Map<String, JsonNode> variables) {
    ObjectNode node = MAPPER.createObjectNode();
    variables.forEach(node::set);
    return node.toString();
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
