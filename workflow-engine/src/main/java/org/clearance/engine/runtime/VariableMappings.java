package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.clearance.engine.db.Json;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.deployment.ExecutableElement.Mapping;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.expression.Feel;

/**
 * Input and output mappings ({@code zeebe:ioMapping}) and how an element's result variables (a
 * job's, a script's, an event's) reach the scopes.
 */
final class VariableMappings {

  private final InstanceState state;
  private final ScopeVariables variables;

  VariableMappings(Execution execution, ScopeVariables variables) {
    this.state = execution.state;
    this.variables = variables;
  }

  /**
   * Evaluates the input mappings into variables local to the element instance.
   *
   * @param outerScopeKey where the sources are looked up (the instance itself for an inner
   *     multi-instance instance, which already holds its input element and loop counter)
   * @throws EvaluationException if a mapping fails
   */
  void applyInputs(ExecutableElement element, ElementInstance instance, long outerScopeKey) {
    if (element.inputs().isEmpty()) {
      return;
    }
    var local = new LinkedHashMap<String, JsonNode>();
    Function<String, JsonNode> lookup =
        name -> local.containsKey(name) ? local.get(name) : state.lookup(outerScopeKey, name);
    for (Mapping mapping : element.inputs()) {
      JsonNode value = Feel.evaluate(mapping.source(), lookup);
      assign(local, mapping.target(), value, lookup);
    }
    local.forEach((name, value) -> variables.setLocal(instance.key, name, value));
  }

  /**
   * Merges an element's result: with output mappings it stays local so the mappings can read it;
   * without, it is merged into the process instance (stopping at the first scope that has it).
   */
  void mergeResult(
      ExecutableElement element, ElementInstance instance, Map<String, JsonNode> result) {
    variables.set(instance.key, result, !element.outputs().isEmpty());
  }

  /**
   * Evaluates the output mappings and propagates their targets from the element's flow scope.
   *
   * @throws EvaluationException if a mapping fails
   */
  void applyOutputs(ExecutableElement element, ElementInstance instance) {
    if (element.outputs().isEmpty()) {
      return;
    }
    var result = new LinkedHashMap<String, JsonNode>();
    Function<String, JsonNode> visible = state.visibleFrom(instance.key);
    Function<String, JsonNode> outer =
        name ->
            result.containsKey(name) ? result.get(name) : state.lookup(instance.parentKey, name);
    for (Mapping mapping : element.outputs()) {
      JsonNode value = Feel.evaluate(mapping.source(), visible);
      assign(result, mapping.target(), value, outer);
    }
    result.forEach((name, value) -> variables.propagate(instance.parentKey, name, value));
  }

  /** Assigns a value to a target path like {@code a.b.c}, merging into an existing object. */
  private static void assign(
      Map<String, JsonNode> into,
      String target,
      JsonNode value,
      Function<String, JsonNode> existing) {
    String[] path = target.split("\\.");
    if (path.length == 1) {
      into.put(target, value);
      return;
    }
    JsonNode current = existing.apply(path[0]);
    ObjectNode root =
        current != null && current.isObject() ? ((ObjectNode) current).deepCopy() : Json.object();
    ObjectNode node = root;
    for (int i = 1; i < path.length - 1; i++) {
      JsonNode child = node.get(path[i]);
      if (child == null || !child.isObject()) {
        child = node.putObject(path[i]);
      }
      node = (ObjectNode) child;
    }
    node.set(path[path.length - 1], value);
    into.put(path[0], root);
  }
}
