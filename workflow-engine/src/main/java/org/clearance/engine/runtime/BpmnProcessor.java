package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clearance.engine.db.Json;
import org.clearance.engine.deployment.ElementKind;
import org.clearance.engine.deployment.EventTrigger;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.deployment.ExecutableElement.Mapping;
import org.clearance.engine.deployment.ExecutableFlow;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.expression.Feel;
import org.clearance.engine.gateway.Rejection;
import org.clearance.engine.message.MessageBuffer;
import org.clearance.engine.message.SubscriptionRow;
import org.clearance.engine.runtime.ElementInstance.State;
import org.clearance.engine.runtime.ElementInstance.Step;
import org.clearance.engine.timer.TimerRow;
import org.clearance.engine.timer.TimerSpec;

/**
 * Moves tokens through the compiled graph until every branch reaches a wait state (a job, an
 * incident) or the instance ends. Work is queued on an agenda instead of recursing, so long chains
 * of pass-through elements do not grow the stack. Everything happens in memory on the locked {@link
 * InstanceState}; {@link Execution#flush()} persists the outcome.
 */
public final class BpmnProcessor {

  public static final String PROCESS_INSTANCE = "PROCESS_INSTANCE";

  final Execution execution;
  final InstanceState state;
  private final ArrayDeque<Runnable> agenda = new ArrayDeque<>();
  private boolean draining;
  private final MultiInstanceBehavior multiInstance;
  private final BusinessRuleTaskBehavior businessRuleTasks;
  final CallActivityBehavior callActivities;

  public BpmnProcessor(Execution execution) {
    this.execution = execution;
    this.state = execution.state;
    if (execution.processor == null) {
      execution.processor = this;
    }
    this.multiInstance = new MultiInstanceBehavior(this);
    this.businessRuleTasks = new BusinessRuleTaskBehavior(this);
    this.callActivities = new CallActivityBehavior(this);
  }

  /** The processor of a related execution: the one running on it, or a new one. */
  static BpmnProcessor processorOf(Execution execution) {
    return execution.processor != null ? execution.processor : new BpmnProcessor(execution);
  }

  // ---------------------------------------------------------------- entry points

  public void startProcess(Map<String, JsonNode> variables) {
    ExecutableElement root = execution.process.root();
    if (root.noneStartEvent() == null) {
      throw Rejection.invalidArgument(
          "Expected to create instance of process with none start event, but there is no such event");
    }
    var instance = new ElementInstance(state.processInstanceKey, root.id(), 0);
    state.add(instance);
    elementRecord(instance, "ELEMENT_ACTIVATING");
    variables.forEach((name, value) -> setLocal(instance.key, name, value));
    instance.state = State.ACTIVATED;
    elementRecord(instance, "ELEMENT_ACTIVATED");
    if (openEventSubscriptions(root, instance)) {
      activate(root.noneStartEvent(), instance, null);
    }
    drain();
  }

  /** Starts an instance at a message or timer start event; the event brings the variables. */
  public void startProcessAt(String startEventId, Map<String, JsonNode> variables) {
    ExecutableElement root = execution.process.root();
    var instance = new ElementInstance(state.processInstanceKey, root.id(), 0);
    state.add(instance);
    elementRecord(instance, "ELEMENT_ACTIVATING");
    instance.state = State.ACTIVATED;
    elementRecord(instance, "ELEMENT_ACTIVATED");
    if (openEventSubscriptions(root, instance)) {
      activate(execution.process.element(startEventId), instance, variables);
    }
    drain();
  }

  /** A job of a task completed: the task completes with the job's variables. */
  public void completeJobTask(ElementInstance task, Map<String, JsonNode> variables) {
    task.jobKey = 0;
    complete(task, variables, null);
    drain();
  }

  public void setVariables(long scopeKey, Map<String, JsonNode> variables, boolean local) {
    variables.forEach(
        (name, value) -> {
          if (local) {
            setLocal(scopeKey, name, value);
          } else {
            propagate(scopeKey, name, value);
          }
        });
  }

  /**
   * Throws an error from an element (a job's task or an error end event).
   *
   * @return false if nothing catches it
   */
  public boolean throwError(
      ElementInstance thrower, String errorCode, Map<String, JsonNode> variables) {
    boolean caught = catchError(thrower, errorCode, variables);
    drain();
    return caught;
  }

  public void cancel() {
    if (state.parentProcessInstanceKey != 0) {
      throw Rejection.invalidState(
          "Expected to cancel a process instance with key '%d', but it is created by a parent process instance. Cancel the root process instance '%d' instead."
              .formatted(state.processInstanceKey, state.parentProcessInstanceKey));
    }
    cancelInstance();
  }

  /** Terminates the whole instance (also when its calling element is terminated). */
  void cancelInstance() {
    if (execution.ended) {
      return;
    }
    ElementInstance root = state.element(state.processInstanceKey);
    for (ElementInstance child : state.children(root.key)) {
      terminate(child);
    }
    elementRecord(root, "ELEMENT_TERMINATED");
    state.remove(root);
    execution.ended = true;
  }

  /** Continues an element whose incident was resolved. */
  public void retry(ElementInstance instance) {
    Step step = instance.pendingStep;
    instance.pendingStep = Step.NONE;
    instance.incidentKey = 0;
    switch (step) {
      case ACTIVATE -> {
        instance.state = State.ACTIVATING;
        agenda.add(() -> onActivate(instance));
      }
      case COMPLETE -> agenda.add(() -> complete(instance, Map.of(), null));
      default -> instance.state = State.ACTIVATED;
    }
    drain();
  }

  /** Raises an incident on an element; it stays put until the incident is resolved. */
  public long raiseIncident(
      ElementInstance instance, String errorType, String message, Step step, Long jobKey) {
    long key = execution.nextKey();
    instance.state = State.INCIDENT;
    instance.incidentKey = key;
    instance.pendingStep = step;
    execution.newIncidents.add(
        new Execution.Incident(
            key,
            state.processInstanceKey,
            instance.key,
            instance.elementId,
            jobKey,
            errorType,
            message));
    ObjectNode value = Json.object();
    value.put("errorType", errorType);
    value.put("errorMessage", message);
    value.put("bpmnProcessId", execution.process.bpmnProcessId());
    value.put("processDefinitionKey", execution.process.key());
    value.put("processInstanceKey", state.processInstanceKey);
    value.put("elementId", instance.elementId);
    value.put("elementInstanceKey", instance.key);
    if (jobKey != null) {
      value.put("jobKey", jobKey);
    }
    execution.record(key, "INCIDENT", "CREATED", value);
    return key;
  }

  public void resolveIncidentRecord(long incidentKey, ElementInstance instance) {
    execution.resolvedIncidents.add(incidentKey);
    ObjectNode value = Json.object();
    value.put("processInstanceKey", state.processInstanceKey);
    value.put("elementId", instance.elementId);
    value.put("elementInstanceKey", instance.key);
    execution.record(incidentKey, "INCIDENT", "RESOLVED", value);
  }

  // ---------------------------------------------------------------- token flow

  /** Queues work on the agenda; it runs in the current or the next drain. */
  void schedule(Runnable work) {
    agenda.add(work);
  }

  void drain() {
    if (draining) {
      return; // the running loop picks the new work up
    }
    draining = true;
    try {
      Runnable next;
      while ((next = agenda.poll()) != null) {
        next.run();
      }
    } finally {
      draining = false;
    }
  }

  private ElementInstance activate(
      ExecutableElement element, ElementInstance flowScope, Map<String, JsonNode> eventVariables) {
    var instance = new ElementInstance(execution.nextKey(), element.id(), flowScope.key);
    instance.eventVariables = eventVariables;
    if (element.multiInstance() != null && !multiInstance.isBodyOf(flowScope, element)) {
      instance.multiInstanceBody = true;
    }
    state.add(instance);
    elementRecord(instance, "ELEMENT_ACTIVATING");
    agenda.add(() -> onActivate(instance));
    return instance;
  }

  void onActivate(ElementInstance instance) {
    if (state.element(instance.key) == null) {
      return; // terminated meanwhile
    }
    ExecutableElement element = execution.process.element(instance.elementId);
    if (instance.multiInstanceBody) {
      // the body owns the boundary events: one subscription for all inner instances
      if (!element.eventBoundaryEvents().isEmpty() && !openEventSubscriptions(element, instance)) {
        return;
      }
      multiInstance.activateBody(element, instance);
      return;
    }
    try {
      applyInputs(element, instance);
    } catch (EvaluationException e) {
      raiseIncident(instance, "IO_MAPPING_ERROR", e.getMessage(), Step.ACTIVATE, null);
      return;
    }
    instance.state = State.ACTIVATED;
    elementRecord(instance, "ELEMENT_ACTIVATED");
    // an event that already happened (an event-based gateway's branch) waits for nothing
    boolean triggered = instance.eventVariables != null;
    if (element.hasEventSubscriptions()
        && !triggered
        && !openEventSubscriptions(element, instance)) {
      return;
    }
    Map<String, JsonNode> eventVariables =
        instance.eventVariables == null ? Map.of() : instance.eventVariables;
    instance.eventVariables = null;
    switch (element.kind()) {
      case NONE_START_EVENT,
          ERROR_START_EVENT,
          NONE_INTERMEDIATE_THROW_EVENT,
          PASS_THROUGH_TASK,
          NONE_END_EVENT,
          TERMINATE_END_EVENT,
          PARALLEL_GATEWAY,
          ERROR_BOUNDARY_EVENT,
          MESSAGE_START_EVENT,
          TIMER_START_EVENT,
          EVENT_BOUNDARY_EVENT ->
          complete(instance, eventVariables, null);
      case INTERMEDIATE_CATCH_EVENT, RECEIVE_TASK -> {
        if (triggered) {
          complete(instance, eventVariables, null);
        }
      }
      case EVENT_BASED_GATEWAY -> {} // waits for the first of its events
      case JOB_TASK -> createJob(element, instance);
      case SCRIPT_TASK -> {
        JsonNode result;
        try {
          result = Feel.evaluate(element.script(), state.visibleFrom(instance.key));
        } catch (EvaluationException e) {
          raiseIncident(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.ACTIVATE, null);
          return;
        }
        var variables = new LinkedHashMap<String, JsonNode>();
        variables.put(element.resultVariable(), result);
        complete(instance, variables, null);
      }
      case EXCLUSIVE_GATEWAY, INCLUSIVE_GATEWAY -> {
        List<ExecutableFlow> flows;
        try {
          flows = chooseFlows(element, instance);
        } catch (EvaluationException e) {
          raiseIncident(instance, "CONDITION_ERROR", e.getMessage(), Step.ACTIVATE, null);
          return;
        }
        if (flows.isEmpty()) {
          raiseIncident(
              instance,
              "CONDITION_ERROR",
              "Expected at least one condition to evaluate to true, or to have a default flow",
              Step.ACTIVATE,
              null);
          return;
        }
        complete(instance, Map.of(), flows);
      }
      case SUB_PROCESS -> activate(element.noneStartEvent(), instance, null);
      case EVENT_SUB_PROCESS ->
          activate(
              element.errorStartEvent() != null
                  ? element.errorStartEvent()
                  : element.eventStartEvent(),
              instance,
              eventVariables);
      case ERROR_END_EVENT -> {
        if (!catchError(instance, element.errorCode(), Map.of())) {
          raiseUncaughtErrorIncident(instance, element.errorCode(), "", null);
        }
      }
      case BUSINESS_RULE_TASK -> businessRuleTasks.evaluateDecision(element, instance);
      case CALL_ACTIVITY -> callActivities.start(element, instance);
      case PROCESS -> throw new IllegalStateException("process activated as element");
    }
  }

  private List<ExecutableFlow> chooseFlows(ExecutableElement gateway, ElementInstance instance) {
    Function<String, JsonNode> variables = state.visibleFrom(instance.key);
    if (gateway.outgoing().size() == 1 && gateway.outgoing().get(0).condition() == null) {
      return List.of(gateway.outgoing().get(0));
    }
    var taken = new ArrayList<ExecutableFlow>();
    for (ExecutableFlow flow : gateway.outgoing()) {
      if (flow == gateway.defaultFlow() || flow.condition() == null) {
        continue;
      }
      if (Feel.evaluateCondition(flow.condition(), variables)) {
        taken.add(flow);
        if (gateway.kind() == ElementKind.EXCLUSIVE_GATEWAY) {
          break;
        }
      }
    }
    if (taken.isEmpty() && gateway.defaultFlow() != null) {
      taken.add(gateway.defaultFlow());
    }
    return taken;
  }

  /**
   * Completes an element: merges result variables (a job's, a script's or an event's), applies
   * output mappings, then takes the outgoing flows.
   *
   * @param flows the flows a gateway chose; null for "all outgoing"
   */
  void complete(
      ElementInstance instance, Map<String, JsonNode> resultVariables, List<ExecutableFlow> flows) {
    if (state.element(instance.key) == null) {
      return;
    }
    ExecutableElement element = execution.process.element(instance.elementId);
    if (instance.state != State.COMPLETING) {
      instance.state = State.COMPLETING;
      elementRecord(instance, "ELEMENT_COMPLETING");
    }
    if (!resultVariables.isEmpty() && !instance.multiInstanceBody) {
      // With output mappings the result stays local so the mappings can read it; without, it is
      // merged into the process instance (stopping at the first scope that has the variable).
      boolean local = !element.outputs().isEmpty();
      resultVariables.forEach(
          (name, value) -> {
            if (local) {
              setLocal(instance.key, name, value);
            } else {
              propagate(instance.key, name, value);
            }
          });
    }
    if (instance.multiInstanceBody) {
      multiInstance.propagateOutputCollection(element, instance);
    } else {
      try {
        applyOutputs(element, instance);
      } catch (EvaluationException e) {
        raiseIncident(instance, "IO_MAPPING_ERROR", e.getMessage(), Step.COMPLETE, null);
        return;
      }
    }
    ElementInstance scope = state.element(instance.parentKey);
    if (multiInstance.isBodyOf(scope, element)) {
      multiInstance.completeInner(element, instance, scope);
      return;
    }
    elementRecord(instance, "ELEMENT_COMPLETED");
    state.remove(instance);

    if (element.kind() == ElementKind.TERMINATE_END_EVENT) {
      for (ElementInstance sibling : state.children(scope.key)) {
        terminate(sibling);
      }
      state.joins.remove(scope.key);
      completeScopeIfDone(scope);
      return;
    }
    List<ExecutableFlow> taking = flows != null ? flows : element.outgoing();
    if (element.kind() == ElementKind.EVENT_SUB_PROCESS) {
      completeScopeIfDone(scope);
      return;
    }
    if (taking.isEmpty()) {
      completeScopeIfDone(scope);
    } else {
      for (ExecutableFlow flow : taking) {
        takeFlow(flow, scope);
      }
    }
    agenda.add(() -> checkInclusiveJoins(scope));
  }

  private void takeFlow(ExecutableFlow flow, ElementInstance scope) {
    ObjectNode value = elementValue(flow.id(), scope.key, "SEQUENCE_FLOW");
    execution.record(execution.nextKey(), PROCESS_INSTANCE, "SEQUENCE_FLOW_TAKEN", value);
    ExecutableElement target = flow.target();
    if (target.isJoin()) {
      state
          .joins
          .computeIfAbsent(scope.key, k -> new LinkedHashMap<>())
          .computeIfAbsent(target.id(), k -> new LinkedHashMap<>())
          .merge(flow.id(), 1, Integer::sum);
      agenda.add(() -> tryJoin(target, scope));
    } else {
      activate(target, scope, null);
    }
  }

  private void tryJoin(ExecutableElement gateway, ElementInstance scope) {
    if (state.element(scope.key) == null) {
      return;
    }
    var gateways = state.joins.get(scope.key);
    Map<String, Integer> tokens = gateways == null ? null : gateways.get(gateway.id());
    if (tokens == null || tokens.isEmpty()) {
      return;
    }
    if (gateway.kind() == ElementKind.PARALLEL_GATEWAY) {
      for (ExecutableFlow incoming : gateway.incoming()) {
        if (tokens.getOrDefault(incoming.id(), 0) < 1) {
          return;
        }
      }
    } else if (!inclusiveJoinCanFire(gateway, scope)) {
      return;
    }
    for (ExecutableFlow incoming : gateway.incoming()) {
      tokens.computeIfPresent(incoming.id(), (id, count) -> count > 1 ? count - 1 : null);
    }
    if (tokens.isEmpty()) {
      gateways.remove(gateway.id());
      if (gateways.isEmpty()) {
        state.joins.remove(scope.key);
      }
    }
    activate(gateway, scope, null);
  }

  /** An inclusive join fires once no token in its scope can still reach it. */
  private boolean inclusiveJoinCanFire(ExecutableElement gateway, ElementInstance scope) {
    for (ElementInstance child : state.children(scope.key)) {
      if (gateway.upstream().contains(child.elementId)) {
        return false;
      }
    }
    var gateways = state.joins.get(scope.key);
    if (gateways != null) {
      for (var entry : gateways.entrySet()) {
        if (!entry.getKey().equals(gateway.id())
            && gateway.upstream().contains(entry.getKey())
            && entry.getValue().values().stream().anyMatch(count -> count > 0)) {
          return false;
        }
      }
    }
    return true;
  }

  private void checkInclusiveJoins(ElementInstance scope) {
    var gateways = state.joins.get(scope.key);
    if (gateways == null || state.element(scope.key) == null) {
      return;
    }
    ExecutableElement scopeElement = execution.process.element(scope.elementId);
    for (String gatewayId : List.copyOf(gateways.keySet())) {
      ExecutableElement gateway = execution.process.element(gatewayId);
      if (gateway.kind() == ElementKind.INCLUSIVE_GATEWAY && gateway.flowScope() == scopeElement) {
        tryJoin(gateway, scope);
      }
    }
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
      agenda.add(() -> complete(scope, Map.of(), null));
    }
  }

  private void completeProcess(ElementInstance root) {
    elementRecord(root, "ELEMENT_COMPLETING");
    if (state.awaitingResult) {
      Map<String, JsonNode> variables = state.allVisible(root.key);
      if (!state.fetchVariables.isEmpty()) {
        variables.keySet().retainAll(state.fetchVariables);
      }
      execution.result = variables;
    }
    Map<String, JsonNode> childVariables =
        state.parentProcessInstanceKey != 0 ? state.allVisible(root.key) : null;
    elementRecord(root, "ELEMENT_COMPLETED");
    state.remove(root);
    execution.ended = true;
    if (childVariables != null) {
      callActivities.returnToCallingInstance(childVariables);
    }
  }

  void terminate(ElementInstance instance) {
    for (ElementInstance child : state.children(instance.key)) {
      terminate(child);
    }
    if (instance.jobKey != 0) {
      try {
        execution.deleteAnyJob(instance.jobKey);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      ObjectNode value = elementValue(instance.elementId, instance.key, null);
      execution.record(instance.jobKey, "JOB", "CANCELED", value);
    }
    if (instance.incidentKey != 0) {
      resolveIncidentRecord(instance.incidentKey, instance);
    }
    if (instance.calledProcessInstanceKey != 0) {
      callActivities.terminateCalledProcess(instance);
    }
    elementRecord(instance, "ELEMENT_TERMINATED");
    state.remove(instance);
  }

  // ---------------------------------------------------------------- errors

  boolean catchError(ElementInstance thrower, String errorCode, Map<String, JsonNode> variables) {
    ElementInstance current = thrower;
    while (current != null) {
      ExecutableElement element = execution.process.element(current.elementId);
      boolean inner = multiInstance.isInnerInstance(current);
      if (current != thrower && element.kind().isScope() && !current.multiInstanceBody) {
        ExecutableElement eventSubProcess =
            match(element.eventSubProcesses(), errorCode, ExecutableElement::errorStartEvent);
        if (eventSubProcess != null) {
          // interrupting, like a timer or message one: no other event sub-process of this scope
          // can start any more; the scope's boundary events stay
          execution.events.closeCatches(
              current.key,
              element.triggeredEventSubProcesses().stream()
                  .map(esp -> esp.eventStartEvent().id())
                  .toList());
          for (ElementInstance child : state.children(current.key)) {
            terminate(child);
          }
          state.joins.remove(current.key);
          activate(eventSubProcess, current, variables);
          return true;
        }
      }
      // boundary events belong to the multi-instance body, not to its inner instances
      ExecutableElement boundary =
          inner ? null : match(element.boundaryEvents(), errorCode, e -> e);
      if (boundary != null) {
        ElementInstance scope = state.element(current.parentKey);
        terminate(current);
        activate(boundary, scope, variables);
        return true;
      }
      current = current.parentKey == 0 ? null : state.element(current.parentKey);
    }
    return state.parentProcessInstanceKey != 0
        && callActivities.throwToCallingInstance(errorCode, variables);
  }

  private static ExecutableElement match(
      List<ExecutableElement> candidates,
      String errorCode,
      Function<ExecutableElement, ExecutableElement> catchEvent) {
    ExecutableElement catchAll = null;
    for (ExecutableElement candidate : candidates) {
      String code = catchEvent.apply(candidate).errorCode();
      if (code == null || code.isBlank()) {
        if (catchAll == null) {
          catchAll = candidate;
        }
      } else if (code.equals(errorCode)) {
        return candidate;
      }
    }
    return catchAll;
  }

  public long raiseUncaughtErrorIncident(
      ElementInstance thrower, String errorCode, String message, Long jobKey) {
    String text =
        "Expected to throw an error event with the code '%s'%s, but it was not caught. No error events are available in the scope."
            .formatted(
                errorCode,
                message == null || message.isBlank() ? "" : " with message '" + message + "'");
    return raiseIncident(
        thrower, "UNHANDLED_ERROR_EVENT", text, jobKey != null ? Step.JOB : Step.ACTIVATE, jobKey);
  }

  // ---------------------------------------------------------------- messages and timers

  private record OpenedEvent(
      ExecutableElement catchEvent, String name, String key, TimerSpec timer) {}

  /**
   * Opens the message subscriptions and timers an element instance waits on: its own trigger (catch
   * event, receive task), its event-based gateway's events, its message/timer boundary events, and
   * the starts of its scope's message/timer event sub-processes. Expressions are evaluated first; a
   * failure raises an incident and opens nothing.
   *
   * @return false if an incident was raised
   */
  private boolean openEventSubscriptions(ExecutableElement element, ElementInstance instance) {
    if (state.eventOwners.contains(instance.key)) {
      return true; // activated again after an incident: already open
    }
    var catches = new ArrayList<ExecutableElement>();
    // A multi-instance body waits only for the activity's boundary events; each inner instance
    // waits for everything else (its own trigger, its event sub-processes) but never for them.
    boolean body = instance.multiInstanceBody;
    if (!body) {
      if (element.kind() == ElementKind.INTERMEDIATE_CATCH_EVENT
          || element.kind() == ElementKind.RECEIVE_TASK) {
        catches.add(element);
      } else if (element.kind() == ElementKind.EVENT_BASED_GATEWAY) {
        element.outgoing().forEach(flow -> catches.add(flow.target()));
      }
    }
    if (body || element.multiInstance() == null) {
      catches.addAll(element.eventBoundaryEvents());
    }
    if (!body) {
      element.triggeredEventSubProcesses().forEach(esp -> catches.add(esp.eventStartEvent()));
    }
    if (catches.isEmpty()) {
      return true;
    }
    Function<String, JsonNode> variables = state.visibleFrom(instance.key);
    var opened = new ArrayList<OpenedEvent>();
    for (ExecutableElement catchEvent : catches) {
      EventTrigger trigger = catchEvent.trigger();
      try {
        if (trigger.isMessage()) {
          String name = Feel.evaluateString(trigger.messageName(), variables);
          opened.add(
              new OpenedEvent(
                  catchEvent, name, correlationKey(trigger, variables, catchEvent), null));
        } else {
          String text = Feel.evaluate(trigger.timer(), variables).asText();
          TimerSpec spec;
          try {
            spec = TimerSpec.evaluate(trigger.timerKind(), text, execution.clockNow);
          } catch (IllegalArgumentException e) {
            throw new EvaluationException(e.getMessage());
          }
          opened.add(new OpenedEvent(catchEvent, null, null, spec));
        }
      } catch (EvaluationException e) {
        raiseIncident(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.ACTIVATE, null);
        return false;
      }
    }
    state.eventOwners.add(instance.key);
    boolean correlatedBuffered = false;
    for (OpenedEvent event : opened) {
      ExecutableElement catchEvent = event.catchEvent();
      if (event.timer() != null) {
        openTimer(instance, catchEvent, event.timer());
        continue;
      }
      long key = execution.nextKey();
      execution.events.subscriptions.add(
          new SubscriptionRow(
              key,
              event.name(),
              event.key(),
              state.processInstanceKey,
              instance.key,
              catchEvent.id(),
              catchEvent.trigger().interrupting(),
              execution.process.tenantId()));
      ObjectNode value =
          subscriptionValue(instance.key, catchEvent.id(), event.name(), event.key());
      execution.record(key, "MESSAGE_SUBSCRIPTION", "CREATED", value);
      if (correlatedBuffered) {
        continue;
      }
      MessageBuffer.Buffered buffered;
      try {
        buffered =
            MessageBuffer.claim(
                execution.connection,
                execution.process.tenantId(),
                event.name(),
                event.key(),
                state.processInstanceKey,
                execution.clockNow);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      if (buffered != null) {
        correlatedBuffered = true;
        ObjectNode correlated = value.deepCopy();
        correlated.put("messageKey", buffered.key());
        execution.record(key, "MESSAGE_SUBSCRIPTION", "CORRELATED", correlated);
        long ownerKey = instance.key;
        agenda.add(() -> trigger(ownerKey, catchEvent.id(), buffered.variables()));
      }
    }
    return true;
  }

  private static String correlationKey(
      EventTrigger trigger, Function<String, JsonNode> variables, ExecutableElement catchEvent) {
    JsonNode value;
    try {
      value = Feel.evaluate(trigger.correlationKey(), variables);
    } catch (EvaluationException e) {
      throw new EvaluationException(
          "Failed to extract the correlation key for '%s': %s"
              .formatted(trigger.correlationKey().text(), e.getMessage()));
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isIntegralNumber()) {
      return value.asText();
    }
    throw new EvaluationException(
        "Failed to extract the correlation key for '%s' of '%s': The value must be either a string or a number, but was '%s'."
            .formatted(
                trigger.correlationKey().text(),
                catchEvent.id(),
                value.isNull() ? "NULL" : value.getNodeType().name()));
  }

  private void openTimer(ElementInstance owner, ExecutableElement catchEvent, TimerSpec spec) {
    long key = execution.nextKey();
    var timer =
        new TimerRow(
            key,
            spec.dueAt(),
            execution.process.key(),
            execution.process.bpmnProcessId(),
            state.processInstanceKey,
            owner.key,
            catchEvent.id(),
            spec.interval() == null ? 0 : spec.repetitions(),
            spec.interval());
    execution.events.timers.add(timer);
    ObjectNode value = elementValue(catchEvent.id(), owner.key, null);
    value.put("elementInstanceKey", owner.key);
    value.put("targetElementId", catchEvent.id());
    value.put("dueDate", spec.dueAt());
    value.put("repetitions", spec.repetitions());
    execution.record(key, "TIMER", "CREATED", value);
  }

  /**
   * A message or timer for an open subscription of a waiting element instance happened.
   *
   * @param ownerKey the waiting element instance
   * @param catchEventId the element that catches it (the owner itself, a gateway's event, a
   *     boundary event, an event sub-process' start event)
   * @return false if the owner is gone
   */
  public boolean triggerEvent(long ownerKey, String catchEventId, Map<String, JsonNode> variables) {
    boolean triggered = trigger(ownerKey, catchEventId, variables);
    drain();
    return triggered;
  }

  /** Whether an element instance still waits on its subscriptions (a cycle may continue). */
  public boolean isWaiting(long ownerKey) {
    return state.element(ownerKey) != null
        && state.eventOwners.contains(ownerKey)
        && !execution.events.closedOwners.contains(ownerKey);
  }

  /** Whether an element instance still waits for this catch event (a cycle may continue). */
  public boolean isWaitingFor(long ownerKey, String catchEventId) {
    return isWaiting(ownerKey) && !execution.events.isClosed(ownerKey, catchEventId);
  }

  private boolean trigger(long ownerKey, String catchEventId, Map<String, JsonNode> variables) {
    if (!isWaitingFor(ownerKey, catchEventId)) {
      return false;
    }
    ElementInstance owner = state.element(ownerKey);
    ExecutableElement ownerElement = execution.process.element(owner.elementId);
    ExecutableElement catchEvent = execution.process.element(catchEventId);
    var eventVariables = new LinkedHashMap<>(variables);
    if (catchEvent == ownerElement) {
      execution.events.closedOwners.add(ownerKey);
      complete(owner, eventVariables, null);
    } else if (ownerElement.kind() == ElementKind.EVENT_BASED_GATEWAY) {
      execution.events.closedOwners.add(ownerKey);
      ExecutableFlow flow =
          ownerElement.outgoing().stream()
              .filter(f -> f.target() == catchEvent)
              .findFirst()
              .orElseThrow();
      long scopeKey = owner.parentKey;
      complete(owner, Map.of(), List.of(flow));
      // the chosen event was just activated by the flow: it already happened
      for (ElementInstance child : state.children(scopeKey)) {
        if (child.elementId.equals(catchEventId) && child.state == State.ACTIVATING) {
          child.eventVariables = eventVariables;
        }
      }
    } else if (catchEvent.kind() == ElementKind.EVENT_BOUNDARY_EVENT) {
      ElementInstance scope = state.element(owner.parentKey);
      if (catchEvent.trigger().interrupting()) {
        execution.events.closedOwners.add(ownerKey);
        terminate(owner);
      }
      activate(catchEvent, scope, eventVariables);
    } else {
      // the start event of an event sub-process of the owner's scope
      ExecutableElement eventSubProcess = catchEvent.flowScope();
      if (catchEvent.trigger().interrupting()) {
        // no event sub-process of this scope can start any more; its boundary events stay
        execution.events.closeCatches(
            ownerKey,
            ownerElement.triggeredEventSubProcesses().stream()
                .map(esp -> esp.eventStartEvent().id())
                .toList());
        for (ElementInstance child : state.children(owner.key)) {
          terminate(child);
        }
        state.joins.remove(owner.key);
      }
      activate(eventSubProcess, owner, eventVariables);
    }
    return true;
  }

  private ObjectNode subscriptionValue(
      long elementInstanceKey, String elementId, String name, String correlationKey) {
    ObjectNode value = Json.object();
    value.put("processInstanceKey", state.processInstanceKey);
    value.put("elementInstanceKey", elementInstanceKey);
    value.put("elementId", elementId);
    value.put("bpmnProcessId", execution.process.bpmnProcessId());
    value.put("messageName", name);
    value.put("correlationKey", correlationKey);
    return value;
  }

  // ---------------------------------------------------------------- jobs

  private void createJob(ExecutableElement element, ElementInstance instance) {
    Function<String, JsonNode> variables = state.visibleFrom(instance.key);
    String type;
    int retries;
    ObjectNode headers = Json.object();
    try {
      type = Feel.evaluateString(element.jobType(), variables);
      retries = (int) Feel.evaluateNumber(element.jobRetries(), variables);
      element.headers().forEach(headers::put);
      for (var header : element.userTaskHeaders().entrySet()) {
        String name = header.getKey();
        if (name.endsWith("candidateGroups") || name.endsWith("candidateUsers")) {
          var list = Feel.evaluateStringList(header.getValue(), variables);
          headers.put(name, Json.write(list));
        } else {
          JsonNode value = Feel.evaluate(header.getValue(), variables);
          if (!value.isNull()) {
            headers.put(name, value.isTextual() ? value.textValue() : value.toString());
          }
        }
      }
    } catch (EvaluationException e) {
      raiseIncident(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.ACTIVATE, null);
      return;
    }
    long key = execution.nextKey();
    var job =
        new JobRow(
            key,
            type,
            JobRow.ACTIVATABLE,
            0,
            execution.now,
            retries,
            null,
            null,
            state.processInstanceKey,
            instance.key,
            instance.elementId,
            execution.process.key(),
            execution.process.bpmnProcessId(),
            execution.process.version(),
            headers.toString(),
            execution.process.tenantId());
    execution.newJobs.add(job);
    execution.signalledJobTypes.add(type);
    instance.jobKey = key;
    ObjectNode value = elementValue(instance.elementId, instance.key, null);
    value.put("type", type);
    value.put("retries", retries);
    value.set("customHeaders", headers);
    execution.record(key, "JOB", "CREATED", value);
  }

  // ---------------------------------------------------------------- variables

  private void applyInputs(ExecutableElement element, ElementInstance instance) {
    if (element.inputs().isEmpty()) {
      return;
    }
    var local = new LinkedHashMap<String, JsonNode>();
    // inner multi-instance instances already hold their input element and loop counter
    long outer = multiInstance.isInnerInstance(instance) ? instance.key : instance.parentKey;
    Function<String, JsonNode> lookup =
        name -> local.containsKey(name) ? local.get(name) : state.lookup(outer, name);
    for (Mapping mapping : element.inputs()) {
      JsonNode value = Feel.evaluate(mapping.source(), lookup);
      assign(local, mapping.target(), value, lookup);
    }
    local.forEach((name, value) -> setLocal(instance.key, name, value));
  }

  private void applyOutputs(ExecutableElement element, ElementInstance instance) {
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
    result.forEach((name, value) -> propagate(instance.parentKey, name, value));
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
        execution.nextKey(), "VARIABLE", previous == null ? "CREATED" : "UPDATED", record);
  }

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

  // ---------------------------------------------------------------- records

  void elementRecord(ElementInstance instance, String intent) {
    ExecutableElement element = execution.process.element(instance.elementId);
    String type = instance.multiInstanceBody ? "MULTI_INSTANCE_BODY" : element.kind().name();
    ObjectNode value = elementValue(instance.elementId, instance.parentKey, type);
    if (instance.loopCounter > 0 && !instance.multiInstanceBody) {
      value.put("loopCounter", instance.loopCounter);
    }
    execution.record(instance.key, PROCESS_INSTANCE, intent, value);
  }

  private ObjectNode elementValue(String elementId, long flowScopeKey, String elementType) {
    ObjectNode value = Json.object();
    value.put("bpmnProcessId", execution.process.bpmnProcessId());
    value.put("version", execution.process.version());
    value.put("processDefinitionKey", execution.process.key());
    value.put("processInstanceKey", state.processInstanceKey);
    value.put("elementId", elementId);
    value.put("flowScopeKey", flowScopeKey);
    if (elementType != null) {
      value.put("bpmnElementType", elementType);
    }
    if (state.parentProcessInstanceKey != 0) {
      value.put("parentProcessInstanceKey", state.parentProcessInstanceKey);
      value.put("parentElementInstanceKey", state.parentElementInstanceKey);
    }
    return value;
  }
}
