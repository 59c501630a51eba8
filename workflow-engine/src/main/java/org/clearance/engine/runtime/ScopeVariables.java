package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clearance.engine.db.Json;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;

/**
 * Writes variables into the scopes of one instance, with a VARIABLE record for every value that
 * changed. The only writer of {@link InstanceState#variables}.
 */
final class ScopeVariables {

  private final Execution execution;
  private final InstanceState state;

  ScopeVariables(Execution execution) {
    this.execution = execution;
    this.state = execution.state;
  }

  /** Sets variables local to a scope, or propagated from it (see {@link #propagate}). */
  void set(long scopeKey, Map<String, JsonNode> variables, boolean local) {
    variables.forEach(
        (name, value) -> {
          if (local) {
            setLocal(scopeKey, name, value);
          } else {
            propagate(scopeKey, name, value);
          }
        });
  }

  void setLocal(long scopeKey, String name, JsonNode value) {
    Map<String, JsonNode> scope =
        state.variables.computeIfAbsent(scopeKey, k -> new LinkedHashMap<>());
    JsonNode previous = scope.put(name, value);
    if (previous != null && previous.equals(value)) {
      return;
    }
    ObjectNode record = Json.object();
    record.put("name", name);
    record.put("value", value.toString());
    record.put("scopeKey", scopeKey);
    record.put("processInstanceKey", state.processInstanceKey);
    execution.record(
        execution.nextKey(),
        ValueType.VARIABLE,
        previous == null ? Intent.CREATED : Intent.UPDATED,
        record);
  }

  /** Sets a variable in the innermost scope (from this one outwards) that has it, else the root. */
  void propagate(long fromScopeKey, String name, JsonNode value) {
    long current = fromScopeKey;
    while (current != 0) {
      Map<String, JsonNode> local = state.variables.get(current);
      if (local != null && local.containsKey(name)) {
        setLocal(current, name, value);
        return;
      }
      ElementInstance element = state.element(current);
      current = element == null ? 0 : element.parentKey;
    }
    setLocal(state.processInstanceKey, name, value);
  }
}
