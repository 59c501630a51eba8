package org.clearance.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.db.Json;

/** Reading request values the way the Orchestration Cluster API sends them. */
final class RestInput {

  private RestInput() {}

  /** A key as the API sends it: a string of digits (numbers are accepted too). */
  static long key(String value, String name) {
    if (value == null || value.isBlank()) {
      throw Rejection.invalidArgument("Expected %s, but none was given".formatted(name));
    }
    try {
      long key = Long.parseLong(value.trim());
      if (key < 0) {
        throw new NumberFormatException();
      }
      return key;
    } catch (NumberFormatException e) {
      throw Rejection.invalidArgument(
          "Expected %s to be a non-negative 64-bit key, but got '%s'".formatted(name, value));
    }
  }

  /** An optional key: 0 when absent. */
  static long optionalKey(String value, String name) {
    return value == null || value.isBlank() ? 0 : key(value, name);
  }

  /** A variables object as a JSON document for the engine; absent or null means none. */
  static String variables(JsonNode variables, String what) {
    if (variables == null || variables.isNull() || variables.isMissingNode()) {
      return "";
    }
    if (!variables.isObject()) {
      throw Rejection.invalidArgument(
          "Expected %s to be a JSON object, but got a JSON %s"
              .formatted(what, variables.getNodeType().name().toLowerCase()));
    }
    return variables.toString();
  }

  /** Multi-tenancy is off here: only the default tenant (or none) is accepted. */
  /** The variables as the command handlers take them. */
  static Map<String, JsonNode> variableMap(JsonNode variables, String what) {
    return Json.parseVariables(variables(variables, what), what);
  }

  static <T> T required(T value, String name) {
    if (value == null) {
      throw Rejection.invalidArgument("Expected %s, but none was given".formatted(name));
    }
    return value;
  }
}
