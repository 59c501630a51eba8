package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.expression.Feel;
import org.clearance.engine.runtime.ElementInstance.Step;

/** Script tasks with a FEEL expression ({@code zeebe:script}): complete with its result. */
final class ScriptTaskBehavior {

  private final InstanceState state;

  ScriptTaskBehavior(Execution execution) {
    this.state = execution.state;
  }

  Outcome evaluate(ExecutableElement element, ElementInstance instance) {
    JsonNode result;
    try {
      result = Feel.evaluate(element.script(), state.visibleFrom(instance.key));
    } catch (EvaluationException e) {
      return Outcome.incident(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.ACTIVATE);
    }
    var variables = new LinkedHashMap<String, JsonNode>();
    variables.put(element.resultVariable(), result);
    return Outcome.complete(variables);
  }
}
