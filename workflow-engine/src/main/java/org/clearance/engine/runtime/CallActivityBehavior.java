package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.deployment.ExecutableElement.MultiInstance;
import org.clearance.engine.deployment.ExecutableProcess;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.expression.Feel;
import org.clearance.engine.gateway.Rejection;
import org.clearance.engine.runtime.ElementInstance.Step;

/**
 * Call activities. The child is a process instance of its own (own row, own lock) that knows its
 * calling element; parent and child run in the same transaction whenever one affects the other
 * (start, completion, cancellation, an uncaught error), through {@link Execution#related(long)}.
 */
final class CallActivityBehavior {

  private final BpmnProcessor processor;
  private final Execution execution;
  private final InstanceState state;

  CallActivityBehavior(BpmnProcessor processor) {
    this.processor = processor;
    this.execution = processor.execution;
    this.state = processor.state;
  }

  void start(ExecutableElement element, ElementInstance instance) {
    String processId;
    try {
      processId = Feel.evaluateString(element.calledProcessId(), state.visibleFrom(instance.key));
    } catch (EvaluationException e) {
      processor.raiseIncident(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.ACTIVATE, null);
      return;
    }
    ExecutableProcess called;
    try {
      called =
          execution
              .instances
              .processes()
              .byProcessId(execution.connection, execution.process.tenantId(), processId, -1);
    } catch (Rejection notFound) {
      processor.raiseIncident(
          instance,
          "CALLED_ELEMENT_ERROR",
          "Expected process with BPMN process id '%s' to be deployed, but not found."
              .formatted(processId),
          Step.ACTIVATE,
          null);
      return;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    Map<String, JsonNode> variables =
        element.propagateAllParentVariables()
            ? state.allVisible(instance.key)
            : new LinkedHashMap<>(state.variables.getOrDefault(instance.key, Map.of()));
    Execution child = execution.startRelated(called);
    child.state.parentProcessInstanceKey = state.processInstanceKey;
    child.state.parentElementInstanceKey = instance.key;
    instance.calledProcessInstanceKey = child.state.processInstanceKey;
    BpmnProcessor.processorOf(child).startProcess(variables);
  }

  /** A called instance completed: the call activity completes with its variables. */
  void returnToCallingInstance(Map<String, JsonNode> childVariables) {
    Execution parent = relatedOrNull(state.parentProcessInstanceKey);
    if (parent == null) {
      return;
    }
    BpmnProcessor parentProcessor = BpmnProcessor.processorOf(parent);
    long childKey = state.processInstanceKey;
    long elementKey = state.parentElementInstanceKey;
    parentProcessor.schedule(
        () ->
            parentProcessor.callActivities.calledProcessCompleted(
                elementKey, childKey, childVariables));
    parentProcessor.drain();
  }

  void calledProcessCompleted(
      long elementInstanceKey, long childKey, Map<String, JsonNode> childVariables) {
    ElementInstance call = state.element(elementInstanceKey);
    if (call == null || call.calledProcessInstanceKey != childKey) {
      return;
    }
    call.calledProcessInstanceKey = 0;
    ExecutableElement element = execution.process.element(call.elementId);
    // Without propagation only output mappings can take child variables.
    boolean take = element.propagateAllChildVariables() || !element.outputs().isEmpty();
    Map<String, JsonNode> result = take ? childVariables : Map.of();
    MultiInstance loop = element.multiInstance();
    if (take && loop != null && loop.outputCollection() != null) {
      // The child saw the output collection as it was when it started; handing that copy back
      // would erase what other instances collected meanwhile.
      result = new LinkedHashMap<>(result);
      result.remove(loop.outputCollection());
    }
    processor.complete(call, result, null);
  }

  void terminateCalledProcess(ElementInstance call) {
    Execution child = relatedOrNull(call.calledProcessInstanceKey);
    call.calledProcessInstanceKey = 0;
    if (child != null) {
      BpmnProcessor.processorOf(child).cancelInstance();
    }
  }

  /**
   * An error nobody in this instance catches goes to the calling element of the parent instance.
   *
   * @return whether the parent (or an instance above it) caught it
   */
  boolean throwToCallingInstance(String errorCode, Map<String, JsonNode> variables) {
    Execution parent = relatedOrNull(state.parentProcessInstanceKey);
    if (parent == null) {
      return false;
    }
    BpmnProcessor parentProcessor = BpmnProcessor.processorOf(parent);
    ElementInstance call = parent.state.element(state.parentElementInstanceKey);
    if (call == null) {
      return false;
    }
    boolean caught = parentProcessor.catchError(call, errorCode, variables);
    parentProcessor.drain();
    return caught;
  }

  private Execution relatedOrNull(long processInstanceKey) {
    try {
      return execution.related(processInstanceKey);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
