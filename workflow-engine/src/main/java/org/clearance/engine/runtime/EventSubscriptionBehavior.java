package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Function;
import org.clearance.engine.deployment.ElementKind;
import org.clearance.engine.deployment.EventTrigger;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.deployment.ExecutableFlow;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.expression.Feel;
import org.clearance.engine.message.MessageBuffer;
import org.clearance.engine.message.SubscriptionRow;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.ElementInstance.Step;
import org.clearance.engine.timer.TimerRow;
import org.clearance.engine.timer.TimerSpec;

/**
 * Message subscriptions and timers an element instance (their "owner") waits on: its own trigger
 * (catch event, receive task), its event-based gateway's events, its message/timer boundary events,
 * and the starts of its scope's message/timer event sub-processes. Opens them on activation and
 * says what a trigger means for the token flow ({@link Reaction}); {@link EventWrites} closes them
 * when the owner leaves.
 */
final class EventSubscriptionBehavior {

  /** The result of opening an owner's subscriptions. */
  record Opened(Outcome.Incident failure, BufferedMessage buffered) {
    static final Opened OPEN = new Opened(null, null);
  }

  /** A buffered message that correlated as the subscription opened: trigger it next. */
  record BufferedMessage(long ownerKey, String catchEventId, Map<String, JsonNode> variables) {}

  private record PendingEvent(
      ExecutableElement catchEvent, String name, String key, TimerSpec timer) {}

  private final Execution execution;
  private final InstanceState state;
  private final ElementRecords records;

  EventSubscriptionBehavior(Execution execution, ElementRecords records) {
    this.execution = execution;
    this.state = execution.state;
    this.records = records;
  }

  /**
   * Opens what an element instance waits on. Expressions are evaluated first; a failure opens
   * nothing and is an EXTRACT_VALUE_ERROR incident.
   */
  Opened open(ExecutableElement element, ElementInstance instance) {
    if (state.eventOwners.contains(instance.key)) {
      return Opened.OPEN; // activated again after an incident: already open
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
      return Opened.OPEN;
    }
    Function<String, JsonNode> variables = state.visibleFrom(instance.key);
    var pending = new ArrayList<PendingEvent>();
    for (ExecutableElement catchEvent : catches) {
      EventTrigger trigger = catchEvent.trigger();
      try {
        if (trigger.isMessage()) {
          String name = Feel.evaluateString(trigger.messageName(), variables);
          pending.add(
              new PendingEvent(
                  catchEvent, name, correlationKey(trigger, variables, catchEvent), null));
        } else {
          String text = Feel.evaluate(trigger.timer(), variables).asText();
          TimerSpec spec;
          try {
            spec = TimerSpec.evaluate(trigger.timerKind(), text, execution.clockNow);
          } catch (IllegalArgumentException e) {
            throw new EvaluationException(e.getMessage());
          }
          pending.add(new PendingEvent(catchEvent, null, null, spec));
        }
      } catch (EvaluationException e) {
        return new Opened(
            new Outcome.Incident(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.ACTIVATE),
            null);
      }
    }
    state.eventOwners.add(instance.key);
    BufferedMessage buffered = null;
    for (PendingEvent event : pending) {
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
      execution.record(key, ValueType.MESSAGE_SUBSCRIPTION, Intent.CREATED, value);
      if (buffered != null) {
        continue;
      }
      MessageBuffer.Buffered message;
      try {
        message =
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
      if (message != null) {
        ObjectNode correlated = value.deepCopy();
        correlated.put("messageKey", message.key());
        execution.record(key, ValueType.MESSAGE_SUBSCRIPTION, Intent.CORRELATED, correlated);
        buffered = new BufferedMessage(instance.key, catchEvent.id(), message.variables());
      }
    }
    return buffered == null ? Opened.OPEN : new Opened(null, buffered);
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
    ObjectNode value = records.value(catchEvent.id(), owner.key, null);
    value.put("elementInstanceKey", owner.key);
    value.put("targetElementId", catchEvent.id());
    value.put("dueDate", spec.dueAt());
    value.put("repetitions", spec.repetitions());
    execution.record(key, ValueType.TIMER, Intent.CREATED, value);
  }

  private ObjectNode subscriptionValue(
      long elementInstanceKey, String elementId, String name, String correlationKey) {
    ObjectNode value = org.clearance.engine.db.Json.object();
    value.put("processInstanceKey", state.processInstanceKey);
    value.put("elementInstanceKey", elementInstanceKey);
    value.put("elementId", elementId);
    value.put("bpmnProcessId", execution.process.bpmnProcessId());
    value.put("messageName", name);
    value.put("correlationKey", correlationKey);
    return value;
  }

  /** Whether an element instance still waits on its subscriptions. */
  boolean isWaiting(long ownerKey) {
    return state.element(ownerKey) != null
        && state.eventOwners.contains(ownerKey)
        && !execution.events.closedOwners.contains(ownerKey);
  }

  /** Whether an element instance still waits for this catch event (a cycle may continue). */
  boolean isWaitingFor(long ownerKey, String catchEventId) {
    return isWaiting(ownerKey) && !execution.events.isClosed(ownerKey, catchEventId);
  }

  /**
   * A message or timer for an open subscription happened: closes what the event closes and says
   * what it does to the token flow.
   *
   * @return null if the owner no longer waits for it
   */
  Reaction trigger(long ownerKey, String catchEventId) {
    if (!isWaitingFor(ownerKey, catchEventId)) {
      return null;
    }
    ElementInstance owner = state.element(ownerKey);
    ExecutableElement ownerElement = execution.process.element(owner.elementId);
    ExecutableElement catchEvent = execution.process.element(catchEventId);
    if (catchEvent == ownerElement) {
      execution.events.closedOwners.add(ownerKey);
      return new Reaction.CompleteOwner(owner);
    }
    if (ownerElement.kind() == ElementKind.EVENT_BASED_GATEWAY) {
      execution.events.closedOwners.add(ownerKey);
      ExecutableFlow flow =
          ownerElement.outgoing().stream()
              .filter(f -> f.target() == catchEvent)
              .findFirst()
              .orElseThrow();
      return new Reaction.TakeGatewayBranch(owner, flow);
    }
    boolean interrupting = catchEvent.trigger().interrupting();
    if (catchEvent.kind() == ElementKind.EVENT_BOUNDARY_EVENT) {
      if (interrupting) {
        execution.events.closedOwners.add(ownerKey);
      }
      return new Reaction.BoundaryEvent(owner, catchEvent, interrupting);
    }
    return new Reaction.EventSubProcessStart(owner, catchEvent.flowScope(), interrupting);
  }

  /**
   * An interrupting event sub-process started in this scope: no other event sub-process of the
   * scope can start any more; the scope's boundary events stay open.
   */
  void closeEventSubProcessStarts(ElementInstance scope, ExecutableElement scopeElement) {
    execution.events.closeCatches(
        scope.key,
        scopeElement.triggeredEventSubProcesses().stream()
            .map(esp -> esp.eventStartEvent().id())
            .toList());
  }
}
