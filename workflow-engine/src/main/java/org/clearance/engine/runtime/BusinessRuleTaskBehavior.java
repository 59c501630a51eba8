package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import org.clearance.engine.db.Json;
import org.clearance.engine.decision.DecisionNotFoundException;
import org.clearance.engine.deployment.DecisionRepository;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.expression.Feel;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.ElementInstance.Step;

/**
 * Business rule tasks with {@code zeebe:calledDecision}: evaluate the latest version of the
 * decision with the variables visible from the task (after its input mappings) and complete with
 * the result.
 */
final class BusinessRuleTaskBehavior {

  private final Execution execution;
  private final InstanceState state;

  BusinessRuleTaskBehavior(Execution execution) {
    this.execution = execution;
    this.state = execution.state;
  }

  Outcome evaluateDecision(ExecutableElement element, ElementInstance instance) {
    String decisionId;
    try {
      decisionId = Feel.evaluateString(element.calledDecisionId(), state.visibleFrom(instance.key));
    } catch (EvaluationException e) {
      return Outcome.incident(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.ACTIVATE);
    }
    DecisionRepository decisions = execution.instances.decisions();
    DecisionCalls.Evaluated evaluated;
    try {
      var stored = decisions.latest(execution.connection, execution.process.tenantId(), decisionId);
      if (stored.isEmpty()) {
        return Outcome.incident(
            instance,
            "CALLED_DECISION_ERROR",
            "Expected to evaluate decision '%s', but no decision found for id '%s'"
                .formatted(decisionId, decisionId),
            Step.ACTIVATE);
      }
      evaluated =
          DecisionCalls.evaluate(
              execution.connection,
              decisions,
              stored.get(),
              DecisionCalls.variables(state.allVisible(instance.key)));
    } catch (DecisionNotFoundException e) {
      return Outcome.incident(instance, "CALLED_DECISION_ERROR", e.getMessage(), Step.ACTIVATE);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    ObjectNode value = DecisionCalls.recordValue(evaluated);
    value.put("bpmnProcessId", execution.process.bpmnProcessId());
    value.put("processDefinitionKey", execution.process.key());
    value.put("processInstanceKey", state.processInstanceKey);
    value.put("elementId", instance.elementId);
    value.put("elementInstanceKey", instance.key);
    execution.record(
        execution.nextKey(), ValueType.DECISION_EVALUATION, DecisionCalls.intent(evaluated), value);
    if (evaluated.evaluation().isFailure()) {
      return Outcome.incident(
          instance,
          "DECISION_EVALUATION_ERROR",
          evaluated.evaluation().failureMessage(),
          Step.ACTIVATE);
    }
    JsonNode result;
    try {
      result = Json.MAPPER.readTree(evaluated.evaluation().decisionOutput());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Decision output is not JSON", e);
    }
    var variables = new LinkedHashMap<String, JsonNode>();
    variables.put(element.resultVariable(), result);
    return Outcome.complete(variables);
  }
}
