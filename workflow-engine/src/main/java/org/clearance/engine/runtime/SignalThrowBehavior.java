package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clearance.engine.db.Json;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.expression.Feel;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.ElementInstance.Step;

/**
 * Signal intermediate throw and end events: the event throws its signal, with the variables its
 * input mappings created, and completes. The signal is written with the instance's transaction and
 * broadcast once that committed (so a rolled-back command throws nothing); the broadcast reaches
 * this instance's own waiting catch events too.
 */
final class SignalThrowBehavior {

  private final Execution execution;
  private final InstanceState state;

  SignalThrowBehavior(Execution execution) {
    this.execution = execution;
    this.state = execution.state;
  }

  Outcome throwSignal(ExecutableElement element, ElementInstance instance) {
    String name;
    try {
      name = Feel.evaluateString(element.trigger().messageName(), state.visibleFrom(instance.key));
    } catch (EvaluationException e) {
      return Outcome.incident(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.ACTIVATE);
    }
    if (name.isBlank()) {
      return Outcome.incident(
          instance,
          "EXTRACT_VALUE_ERROR",
          "Expected the signal name of '%s' to be a non-empty string".formatted(element.id()),
          Step.ACTIVATE);
    }
    Map<String, JsonNode> variables =
        new LinkedHashMap<>(state.variables.getOrDefault(instance.key, Map.of()));
    long key = execution.nextKey();
    execution.thrownSignals.add(
        new Execution.ThrownSignal(key, name, variables, execution.process.tenantId()));
    ObjectNode value = Json.object();
    value.put("signalName", name);
    value.put("variables", Json.toDocument(variables));
    value.put("tenantId", execution.process.tenantId());
    value.put("elementId", element.id());
    value.put("elementInstanceKey", instance.key);
    execution.record(key, ValueType.SIGNAL, Intent.BROADCASTED, value);
    return Outcome.complete(Map.of());
  }
}
