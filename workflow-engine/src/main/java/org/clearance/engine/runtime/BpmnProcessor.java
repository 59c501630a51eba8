package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.deployment.ExecutableFlow;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.record.Intent;
import org.clearance.engine.runtime.ElementInstance.State;
import org.clearance.engine.runtime.ElementInstance.Step;

/**
 * Runs one process instance (inside one command's transaction) until every branch reaches a wait
 * state (a job, a subscription, an incident) or the instance ends. It owns the {@link Agenda}, the
 * {@link ElementLifecycle} and the dispatch on the element kind ({@link #run}); what an element
 * does is its family's behaviour class ({@link Behaviors}), which returns an {@link Outcome} that
 * the processor applies, and what a caught event does is a {@link Reaction}.
 *
 * <p>A new element family is a new {@code ElementKind} (compiled by {@code BpmnCompiler}), a
 * behaviour class in this package that returns outcomes, a field in {@link Behaviors} and one case
 * in {@link #run}. A new kind of caught event (a signal, an escalation) answers with a {@link
 * Reaction}. Everything happens in memory on the locked {@link InstanceState}; {@link
 * Execution#flush()} persists it.
 */
public final class BpmnProcessor {

  private final Execution execution;
  private final InstanceState state;
  private final Agenda agenda = new Agenda();
  private boolean draining;
  private final Behaviors behaviors;
  final ElementLifecycle lifecycle;

  public BpmnProcessor(Execution execution) {
    this.execution = execution;
    this.state = execution.state;
    if (execution.processor == null) {
      execution.processor = this;
    }
    this.behaviors = new Behaviors(execution);
    this.lifecycle = new ElementLifecycle(execution, agenda, behaviors);
  }

  // ---------------------------------------------------------------- commands

  /** Starts the instance at its none start event. */
  public void startProcess(Map<String, JsonNode> initialVariables) {
    ExecutableElement root = execution.process.root();
    if (root.noneStartEvent() == null) {
      throw Rejection.invalidArgument(
          "Expected to create instance of process with none start event, but there is no such event");
    }
    startAt(root.noneStartEvent(), initialVariables, null);
  }

  /** Starts the instance at a message or timer start event; the event brings the variables. */
  public void startProcessAt(String startEventId, Map<String, JsonNode> eventVariables) {
    startAt(execution.process.element(startEventId), Map.of(), eventVariables);
  }

  private void startAt(
      ExecutableElement start, Map<String, JsonNode> initial, Map<String, JsonNode> happened) {
    ExecutableElement root = execution.process.root();
    var instance = new ElementInstance(state.processInstanceKey, root.id(), 0);
    state.add(instance);
    behaviors.records.element(instance, Intent.ELEMENT_ACTIVATING);
    behaviors.variables.set(instance.key, initial, true);
    instance.activated();
    behaviors.records.element(instance, Intent.ELEMENT_ACTIVATED);
    if (openEvents(root, instance)) {
      lifecycle.activate(start, instance, happened);
    }
    drain();
  }

  /** A job of a task completed: the task completes with the job's variables. */
  public void completeJobTask(ElementInstance task, Map<String, JsonNode> jobVariables) {
    task.jobDone();
    complete(task, jobVariables, null);
    drain();
  }

  /** A Camunda user task was completed: its element completes with the given variables. */
  public void completeUserTask(ElementInstance task, Map<String, JsonNode> variables) {
    task.userTaskDone();
    complete(task, variables, null);
    drain();
  }

  public void setVariables(long scopeKey, Map<String, JsonNode> values, boolean local) {
    behaviors.variables.set(scopeKey, values, local);
  }

  /**
   * A job's worker threw an error from the job's task. Caught, the catching event takes over;
   * uncaught, an UNHANDLED_ERROR_EVENT incident holds the task (and its job).
   *
   * @return the incident's key if nothing caught the error, else 0
   */
  public long throwErrorFromJob(
      ElementInstance task,
      long jobKey,
      String errorCode,
      String errorMessage,
      Map<String, JsonNode> errorVariables) {
    task.jobDone();
    boolean caught = catchError(task, errorCode, errorVariables);
    drain();
    if (caught) {
      return 0;
    }
    task.waitForJob(jobKey);
    return behaviors.incidents.raiseUncaughtError(task, errorCode, errorMessage, jobKey);
  }

  /** A job ran out of retries: an incident holds its task until the job is retried. */
  public long raiseJobIncident(
      ElementInstance task, String errorType, String message, long jobKey) {
    return behaviors.incidents.raise(task, errorType, message, Step.JOB, jobKey);
  }

  /**
   * Resolves an incident: a job incident leaves the task waiting for its job again (the caller
   * makes the job activatable); any other runs the step that failed again.
   */
  public void resolveIncident(ElementInstance instance, long incidentKey, boolean jobIncident) {
    behaviors.incidents.resolved(incidentKey, instance);
    Step step = instance.incidentResolved();
    if (jobIncident) {
      return;
    }
    switch (step) {
      case ACTIVATE -> agenda.add(new Agenda.Activate(instance));
      case COMPLETE -> agenda.add(new Agenda.Complete(instance, Map.of(), null));
      default -> {}
    }
    drain();
  }

  public void cancel() {
    if (state.parentProcessInstanceKey != 0) {
      throw Rejection.invalidState(
          "Expected to cancel a process instance with key '%d', but it is created by a parent process instance. Cancel the root process instance '%d' instead."
              .formatted(state.processInstanceKey, state.parentProcessInstanceKey));
    }
    lifecycle.terminateInstance();
  }

  /**
   * A message or timer for an open subscription of a waiting element instance happened.
   *
   * @param ownerKey the waiting element instance
   * @param catchEventId the element that catches it (the owner itself, a gateway's event, a
   *     boundary event, an event sub-process' start event)
   * @return false if the owner no longer waits for it
   */
  public boolean triggerEvent(long ownerKey, String catchEventId, Map<String, JsonNode> payload) {
    boolean triggered = trigger(ownerKey, catchEventId, payload);
    drain();
    return triggered;
  }

  /** Whether an element instance still waits for this catch event (a timer cycle may continue). */
  public boolean isWaitingFor(long ownerKey, String catchEventId) {
    return behaviors.events.isWaitingFor(ownerKey, catchEventId);
  }

  // ---------------------------------------------------------------- agenda and dispatch

  private void drain() {
    if (draining) {
      return; // the running loop picks the new work up
    }
    draining = true;
    try {
      Agenda.Work work;
      while ((work = agenda.poll()) != null) {
        switch (work) {
          case Agenda.Activate activate -> onActivate(activate.instance());
          case Agenda.Complete complete ->
              complete(complete.instance(), complete.variables(), complete.flows());
          case Agenda.Join join -> lifecycle.join(join.gateway(), join.scope());
          case Agenda.CheckJoins check -> lifecycle.checkInclusiveJoins(check.scope());
          case Agenda.Trigger trigger ->
              trigger(trigger.ownerKey(), trigger.catchEventId(), trigger.variables());
          case Agenda.ReturnToCallingInstance done ->
              done.parent()
                  .processor()
                  .calledInstanceCompleted(
                      state.parentElementInstanceKey, state.processInstanceKey, done.variables());
          case Agenda.CalledInstanceCompleted called -> {
            Outcome outcome =
                behaviors.callActivities.calledInstanceCompleted(
                    called.callActivityKey(), called.childKey(), called.variables());
            if (outcome != null) {
              apply(state.element(called.callActivityKey()), outcome, false);
            }
          }
        }
      }
    } finally {
      draining = false;
    }
  }

  private void onActivate(ElementInstance instance) {
    if (state.element(instance.key) == null) {
      return; // terminated meanwhile
    }
    ExecutableElement element = execution.process.element(instance.elementId);
    MultiInstanceBehavior multiInstance = behaviors.multiInstance;
    if (instance.multiInstanceBody) {
      // the body owns the boundary events: one subscription for all inner instances
      if (!element.eventBoundaryEvents().isEmpty() && !openEvents(element, instance)) {
        return;
      }
      apply(instance, multiInstance.activateBody(element, instance), true);
      return;
    }
    try {
      long outer = multiInstance.isInnerInstance(instance) ? instance.key : instance.parentKey;
      behaviors.mappings.applyInputs(element, instance, outer);
    } catch (EvaluationException e) {
      behaviors.incidents.raise(instance, "IO_MAPPING_ERROR", e.getMessage(), Step.ACTIVATE, null);
      return;
    }
    instance.activated();
    behaviors.records.element(instance, Intent.ELEMENT_ACTIVATED);
    // an event that already happened (an event-based gateway's branch) waits for nothing
    Map<String, JsonNode> happened = instance.takeEventVariables();
    if (element.hasEventSubscriptions() && happened == null && !openEvents(element, instance)) {
      return;
    }
    apply(instance, run(element, instance, happened), false);
  }

  /**
   * The dispatch on the element kind: what activating an element does.
   *
   * @param happened the variables of the event that activated it, or null
   */
  private Outcome run(
      ExecutableElement element, ElementInstance instance, Map<String, JsonNode> happened) {
    Map<String, JsonNode> eventVariables = happened == null ? Map.of() : happened;
    return switch (element.kind()) {
      case NONE_START_EVENT,
          ERROR_START_EVENT,
          MESSAGE_START_EVENT,
          TIMER_START_EVENT,
          SIGNAL_START_EVENT,
          ESCALATION_START_EVENT,
          ESCALATION_BOUNDARY_EVENT,
          NONE_INTERMEDIATE_THROW_EVENT,
          PASS_THROUGH_TASK,
          NONE_END_EVENT,
          TERMINATE_END_EVENT,
          PARALLEL_GATEWAY,
          ERROR_BOUNDARY_EVENT,
          EVENT_BOUNDARY_EVENT ->
          Outcome.complete(eventVariables);
      case INTERMEDIATE_CATCH_EVENT, RECEIVE_TASK ->
          happened != null ? Outcome.complete(eventVariables) : Outcome.WAIT;
      case EVENT_BASED_GATEWAY -> Outcome.WAIT; // waits for the first of its events
      case EXCLUSIVE_GATEWAY, INCLUSIVE_GATEWAY -> behaviors.gateways.fork(element, instance);
      case JOB_TASK -> behaviors.jobTasks.createJob(element, instance);
      case SIGNAL_THROW_EVENT, SIGNAL_END_EVENT -> behaviors.signals.throwSignal(element, instance);
      case ESCALATION_THROW_EVENT, ESCALATION_END_EVENT -> throwEscalation(element, instance);
      case USER_TASK -> behaviors.userTasks.create(element, instance);
      case SCRIPT_TASK -> behaviors.scriptTasks.evaluate(element, instance);
      case BUSINESS_RULE_TASK -> behaviors.businessRuleTasks.evaluateDecision(element, instance);
      case CALL_ACTIVITY -> behaviors.callActivities.start(element, instance);
      case SUB_PROCESS -> {
        lifecycle.activate(element.noneStartEvent(), instance, null);
        yield Outcome.WAIT;
      }
      case EVENT_SUB_PROCESS -> {
        ExecutableElement start =
            element.errorStartEvent() != null
                ? element.errorStartEvent()
                : element.escalationStartEvent() != null
                    ? element.escalationStartEvent()
                    : element.eventStartEvent();
        lifecycle.activate(start, instance, eventVariables);
        yield Outcome.WAIT;
      }
      case ERROR_END_EVENT -> {
        if (!catchError(instance, element.errorCode(), Map.of())) {
          behaviors.incidents.raiseUncaughtError(instance, element.errorCode(), "", null);
        }
        yield Outcome.WAIT;
      }
      case PROCESS -> throw new IllegalStateException("process activated as element");
    };
  }

  /**
   * An escalation throw or end event: whoever catches the escalation reacts; an interrupting catch
   * terminates the thrower with its scope, otherwise (caught without interrupting, or not caught at
   * all) the thrower goes on.
   */
  private Outcome throwEscalation(ExecutableElement element, ElementInstance instance) {
    String code;
    try {
      code = behaviors.escalations.code(element, instance);
    } catch (EvaluationException e) {
      return Outcome.incident(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.ACTIVATE);
    }
    boolean caught = react(behaviors.escalations.find(instance, code), new LinkedHashMap<>());
    behaviors.escalations.recorded(instance, code, caught);
    if (state.element(instance.key) == null) {
      return Outcome.WAIT; // an interrupting catch terminated the thrower
    }
    return Outcome.complete(Map.of());
  }

  /**
   * Applies a behaviour's outcome to the element instance.
   *
   * @param later whether a completion waits for the agenda (multi-instance bodies complete after
   *     the work already queued, as their inner instances do)
   */
  private void apply(ElementInstance instance, Outcome outcome, boolean later) {
    switch (outcome) {
      case Outcome.Wait wait -> {}
      case Outcome.Complete done -> {
        if (later) {
          agenda.add(new Agenda.Complete(instance, done.variables(), done.flows()));
        } else {
          complete(instance, done.variables(), done.flows());
        }
      }
      case Outcome.Incident incident -> behaviors.incidents.raise(incident);
      case Outcome.Activate activate ->
          activate.created().forEach(inner -> agenda.add(new Agenda.Activate(inner)));
      case Outcome.TerminateAndComplete done -> {
        done.terminating().forEach(lifecycle::terminate);
        agenda.add(new Agenda.Complete(instance, Map.of(), null));
      }
      case Outcome.StartCalledInstance call ->
          call.child().processor().startProcess(call.variables());
    }
  }

  private void complete(
      ElementInstance instance, Map<String, JsonNode> result, List<ExecutableFlow> flows) {
    ElementLifecycle.BodyOutcome body = lifecycle.complete(instance, result, flows);
    if (body != null) {
      apply(body.body(), body.outcome(), true);
    }
  }

  /** In the calling instance: a child it called completed. */
  private void calledInstanceCompleted(
      long callActivityKey, long childKey, Map<String, JsonNode> childVariables) {
    agenda.add(new Agenda.CalledInstanceCompleted(callActivityKey, childKey, childVariables));
    drain();
  }

  // ---------------------------------------------------------------- caught events

  /** Opens what the element waits on; false if that raised an incident. */
  private boolean openEvents(ExecutableElement element, ElementInstance instance) {
    var opened = behaviors.events.open(element, instance);
    if (opened.failure() != null) {
      behaviors.incidents.raise(opened.failure());
      return false;
    }
    var buffered = opened.buffered();
    if (buffered != null) {
      agenda.add(
          new Agenda.Trigger(buffered.ownerKey(), buffered.catchEventId(), buffered.variables()));
    }
    return true;
  }

  private boolean trigger(long ownerKey, String catchEventId, Map<String, JsonNode> payload) {
    Reaction reaction = behaviors.events.trigger(ownerKey, catchEventId);
    return reaction != null && react(reaction, new LinkedHashMap<>(payload));
  }

  /**
   * @return false if nothing catches the error
   */
  private boolean catchError(
      ElementInstance thrower, String errorCode, Map<String, JsonNode> errorVariables) {
    return react(behaviors.errors.find(thrower, errorCode), errorVariables);
  }

  /**
   * Applies what a caught event does.
   *
   * @return false if nobody caught it
   */
  private boolean react(Reaction reaction, Map<String, JsonNode> eventVariables) {
    switch (reaction) {
      case Reaction.CompleteOwner owner -> complete(owner.owner(), eventVariables, null);
      case Reaction.TakeGatewayBranch branch -> {
        long scopeKey = branch.gateway().parentKey;
        complete(branch.gateway(), Map.of(), List.of(branch.flow()));
        // the chosen event was just activated by the flow: it already happened
        String eventId = branch.flow().target().id();
        for (ElementInstance child : state.children(scopeKey)) {
          if (child.elementId.equals(eventId) && child.state == State.ACTIVATING) {
            child.triggeredBy(eventVariables);
          }
        }
      }
      case Reaction.BoundaryEvent boundary -> {
        ElementInstance scope = state.element(boundary.owner().parentKey);
        if (boundary.interrupting()) {
          lifecycle.terminate(boundary.owner());
        }
        lifecycle.activate(boundary.boundaryEvent(), scope, eventVariables);
      }
      case Reaction.EventSubProcessStart start -> {
        ElementInstance scope = start.scope();
        if (start.interrupting()) {
          ExecutableElement scopeElement = execution.process.element(scope.elementId);
          behaviors.events.closeEventSubProcessStarts(scope, scopeElement);
          lifecycle.interrupt(scope);
        }
        lifecycle.activate(start.eventSubProcess(), scope, eventVariables);
      }
      case Reaction.ToCallingInstance calling -> {
        Execution parent = behaviors.callActivities.callingInstance();
        ElementInstance call =
            parent == null ? null : parent.state.element(state.parentElementInstanceKey);
        return call != null
            && parent.processor().catchErrorOfCalled(call, calling.errorCode(), eventVariables);
      }
      case Reaction.EscalateToCallingInstance calling -> {
        Execution parent = behaviors.callActivities.callingInstance();
        ElementInstance call =
            parent == null ? null : parent.state.element(state.parentElementInstanceKey);
        return call != null
            && parent.processor().catchEscalationOfCalled(call, calling.escalationCode());
      }
      case Reaction.Uncaught uncaught -> {
        return false;
      }
    }
    return true;
  }

  /** In the calling instance: an escalation its called instance did not catch reaches the call. */
  private boolean catchEscalationOfCalled(ElementInstance call, String escalationCode) {
    boolean caught =
        react(behaviors.escalations.findFromCall(call, escalationCode), new LinkedHashMap<>());
    drain();
    return caught;
  }

  /** In the calling instance: an error its called instance did not catch reaches the call. */
  private boolean catchErrorOfCalled(
      ElementInstance call, String errorCode, Map<String, JsonNode> errorVariables) {
    boolean caught = catchError(call, errorCode, errorVariables);
    drain();
    return caught;
  }
}
