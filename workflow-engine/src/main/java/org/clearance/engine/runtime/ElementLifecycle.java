package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.clearance.engine.deployment.ElementKind;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.deployment.ExecutableFlow;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.ElementInstance.Step;

/**
 * The element lifecycle of one instance: an element instance is created (ACTIVATING), completes
 * (COMPLETING, COMPLETED: result variables, output mappings, outgoing flows, joins, the enclosing
 * scope completing once nothing is left in it) or is terminated (TERMINATED, with its job, incident
 * and called instance). Further work goes onto the {@link Agenda}; {@link BpmnProcessor} runs it.
 */
final class ElementLifecycle {

  /** A multi-instance body's outcome after one of its inner instances completed. */
  record BodyOutcome(ElementInstance body, Outcome outcome) {}

  private final Execution execution;
  private final InstanceState state;
  private final Agenda agenda;
  private final Behaviors behaviors;

  ElementLifecycle(Execution execution, Agenda agenda, Behaviors behaviors) {
    this.execution = execution;
    this.state = execution.state;
    this.agenda = agenda;
    this.behaviors = behaviors;
  }

  /** Creates an element instance in a flow scope; its activation runs from the agenda. */
  void activate(
      ExecutableElement element, ElementInstance flowScope, Map<String, JsonNode> eventVariables) {
    var instance = new ElementInstance(execution.nextKey(), element.id(), flowScope.key);
    instance.triggeredBy(eventVariables);
    if (element.multiInstance() != null && !behaviors.multiInstance.isBodyOf(flowScope, element)) {
      instance.markMultiInstanceBody();
    }
    state.add(instance);
    behaviors.records.element(instance, Intent.ELEMENT_ACTIVATING);
    agenda.add(new Agenda.Activate(instance));
  }

  /**
   * Completes an element: merges result variables (a job's, a script's or an event's), applies
   * output mappings, then takes the outgoing flows.
   *
   * @param flows the flows a gateway chose; null for "all outgoing"
   * @return for an inner multi-instance instance, what its body does next; else null
   */
  BodyOutcome complete(
      ElementInstance instance, Map<String, JsonNode> result, List<ExecutableFlow> flows) {
    if (state.element(instance.key) == null) {
      return null;
    }
    ExecutableElement element = execution.process.element(instance.elementId);
    if (instance.completing()) {
      behaviors.records.element(instance, Intent.ELEMENT_COMPLETING);
    }
    if (instance.multiInstanceBody) {
      behaviors.multiInstance.propagateOutputCollection(element, instance);
    } else {
      if (!result.isEmpty()) {
        behaviors.mappings.mergeResult(element, instance, result);
      }
      try {
        behaviors.mappings.applyOutputs(element, instance);
      } catch (EvaluationException e) {
        behaviors.incidents.raise(
            instance, "IO_MAPPING_ERROR", e.getMessage(), Step.COMPLETE, null);
        return null;
      }
    }
    ElementInstance scope = state.element(instance.parentKey);
    if (behaviors.multiInstance.isBodyOf(scope, element)) {
      return new BodyOutcome(
          scope, behaviors.multiInstance.completeInner(element, instance, scope));
    }
    behaviors.records.element(instance, Intent.ELEMENT_COMPLETED);
    state.remove(instance);
    if (element.kind() == ElementKind.TERMINATE_END_EVENT) {
      state.children(scope.key).forEach(this::terminate);
      behaviors.gateways.clearTokens(scope);
      completeScopeIfDone(scope);
      return null;
    }
    if (element.kind() == ElementKind.EVENT_SUB_PROCESS) {
      completeScopeIfDone(scope);
      return null;
    }
    List<ExecutableFlow> taking = flows != null ? flows : element.outgoing();
    if (taking.isEmpty()) {
      completeScopeIfDone(scope);
    } else {
      taking.forEach(flow -> takeFlow(flow, scope));
    }
    agenda.add(new Agenda.CheckJoins(scope));
    return null;
  }

  private void takeFlow(ExecutableFlow flow, ElementInstance scope) {
    behaviors.records.sequenceFlowTaken(flow.id(), scope.key);
    ExecutableElement target = flow.target();
    if (target.isJoin()) {
      behaviors.gateways.arrive(flow, scope);
      agenda.add(new Agenda.Join(target, scope));
    } else {
      activate(target, scope, null);
    }
  }

  void join(ExecutableElement gateway, ElementInstance scope) {
    if (behaviors.gateways.join(gateway, scope)) {
      activate(gateway, scope, null);
    }
  }

  void checkInclusiveJoins(ElementInstance scope) {
    behaviors.gateways.waitingInclusiveJoins(scope).forEach(gateway -> join(gateway, scope));
  }

  private void completeScopeIfDone(ElementInstance scope) {
    if (scope == null || state.element(scope.key) == null) {
      return;
    }
    if (!state.children(scope.key).isEmpty() || state.hasWaitingTokens(scope.key)) {
      return;
    }
    if (scope.key == state.processInstanceKey) {
      completeProcess(scope);
    } else {
      agenda.add(new Agenda.Complete(scope, Map.of(), null));
    }
  }

  private void completeProcess(ElementInstance root) {
    behaviors.records.element(root, Intent.ELEMENT_COMPLETING);
    if (state.awaitingResult) {
      Map<String, JsonNode> result = state.allVisible(root.key);
      if (!state.fetchVariables.isEmpty()) {
        result.keySet().retainAll(state.fetchVariables);
      }
      execution.result = result;
    }
    Map<String, JsonNode> childVariables =
        state.parentProcessInstanceKey != 0 ? state.allVisible(root.key) : null;
    behaviors.records.element(root, Intent.ELEMENT_COMPLETED);
    state.remove(root);
    execution.ended = true;
    if (childVariables != null) {
      Execution parent = behaviors.callActivities.callingInstance();
      if (parent != null) {
        agenda.add(new Agenda.ReturnToCallingInstance(parent, childVariables));
      }
    }
  }

  /** Terminates an element instance and everything inside it. */
  void terminate(ElementInstance instance) {
    state.children(instance.key).forEach(this::terminate);
    if (instance.jobKey != 0) {
      try {
        execution.deleteAnyJob(instance.jobKey);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      ObjectNode value = behaviors.records.value(instance.elementId, instance.key, null);
      execution.record(instance.jobKey, ValueType.JOB, Intent.CANCELED, value);
    }
    if (instance.userTaskKey != 0) {
      behaviors.userTasks.cancel(instance);
    }
    if (instance.incidentKey != 0) {
      behaviors.incidents.resolved(instance.incidentKey, instance);
    }
    if (instance.calledProcessInstanceKey != 0) {
      Execution child = behaviors.callActivities.detachCalledInstance(instance);
      if (child != null) {
        child.lifecycle().terminateInstance();
      }
    }
    behaviors.records.element(instance, Intent.ELEMENT_TERMINATED);
    state.remove(instance);
  }

  /** Terminates the whole instance (cancelled, or its calling element was terminated). */
  void terminateInstance() {
    if (execution.ended) {
      return;
    }
    ElementInstance root = state.element(state.processInstanceKey);
    state.children(root.key).forEach(this::terminate);
    behaviors.records.element(root, Intent.ELEMENT_TERMINATED);
    state.remove(root);
    execution.ended = true;
  }

  /** Everything else in a scope ends (an interrupting event sub-process starts). */
  void interrupt(ElementInstance scope) {
    state.children(scope.key).forEach(this::terminate);
    behaviors.gateways.clearTokens(scope);
  }
}
