package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.deployment.ExecutableElement.MultiInstance;
import org.clearance.engine.deployment.ExecutableProcess;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.expression.Feel;
import org.clearance.engine.runtime.ElementInstance.Step;

/**
 * Call activities. The child is a process instance of its own (own row, own lock) that knows its
 * calling element; parent and child run in the same transaction whenever one affects the other
 * (start, completion, cancellation, an uncaught error), through {@link Execution#related(long)}.
 * This class decides; {@link BpmnProcessor} runs the other instance.
 */
final class CallActivityBehavior {

  private final Execution execution;
  private final InstanceState state;

  CallActivityBehavior(Execution execution) {
    this.execution = execution;
    this.state = execution.state;
  }

  /** Creates the called instance, linked to the call activity; the processor starts it. */
  Outcome start(ExecutableElement element, ElementInstance instance) {
    String processId;
    try {
      processId = Feel.evaluateString(element.calledProcessId(), state.visibleFrom(instance.key));
    } catch (EvaluationException e) {
      return Outcome.incident(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.ACTIVATE);
    }
    ExecutableProcess called;
    try {
      called =
          execution
              .instances
              .processes()
              .byProcessId(execution.connection, execution.process.tenantId(), processId, -1);
    } catch (Rejection notFound) {
      return Outcome.incident(
          instance,
          "CALLED_ELEMENT_ERROR",
          "Expected process with BPMN process id '%s' to be deployed, but not found."
              .formatted(processId),
          Step.ACTIVATE);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    Map<String, JsonNode> variables =
        element.propagateAllParentVariables()
            ? state.allVisible(instance.key)
            : new LinkedHashMap<>(state.variables.getOrDefault(instance.key, Map.of()));
    Execution child = execution.startRelated(called);
    child.state.calledBy(state.processInstanceKey, instance.key);
    instance.calledInstance(child.state.processInstanceKey);
    return new Outcome.StartCalledInstance(child, variables);
  }

  /** The calling instance of this (called) one, locked in this transaction; null if none. */
  Execution callingInstance() {
    return state.parentProcessInstanceKey == 0 ? null : related(state.parentProcessInstanceKey);
  }

  /**
   * A called instance completed: the call activity completes with the child's variables (all of
   * them with propagation, else only what its output mappings take).
   *
   * @return null if the call activity no longer waits for that child
   */
  Outcome calledInstanceCompleted(
      long elementInstanceKey, long childKey, Map<String, JsonNode> childVariables) {
    ElementInstance call = state.element(elementInstanceKey);
    if (call == null || call.calledProcessInstanceKey != childKey) {
      return null;
    }
    call.calledInstance(0);
    ExecutableElement element = execution.process.element(call.elementId);
    boolean take = element.propagateAllChildVariables() || !element.outputs().isEmpty();
    Map<String, JsonNode> result = take ? childVariables : Map.of();
    MultiInstance loop = element.multiInstance();
    if (take && loop != null && loop.outputCollection() != null) {
      // The child saw the output collection as it was when it started; handing that copy back
      // would erase what other instances collected meanwhile.
      result = new LinkedHashMap<>(result);
      result.remove(loop.outputCollection());
    }
    return Outcome.complete(result);
  }

  /** The call activity ends early: its child (locked in this transaction) to cancel, or null. */
  Execution detachCalledInstance(ElementInstance call) {
    Execution child = related(call.calledProcessInstanceKey);
    call.calledInstance(0);
    return child;
  }

  private Execution related(long processInstanceKey) {
    try {
      return execution.related(processInstanceKey);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
