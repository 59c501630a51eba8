package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import org.clearance.engine.db.Json;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.expression.Feel;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;

/**
 * BPMN escalations, as Camunda documents them: who catches an escalation thrown by an intermediate
 * throw or end event. The search goes outwards from the thrower's scope: at each enclosing scope an
 * escalation event sub-process, at each enclosing activity (a sub-process, a call activity) an
 * escalation boundary event; a matching code wins over a catch-all (no code); past the process
 * instance it continues at the call activity in the calling instance. Unlike an error, an
 * escalation may be caught without interrupting, and one nobody catches is no incident: the thrower
 * just goes on (an ESCALATION NOT_ESCALATED record says so).
 */
final class EscalationBehavior {

  private final Execution execution;
  private final InstanceState state;
  private final MultiInstanceBehavior multiInstance;

  EscalationBehavior(Execution execution, MultiInstanceBehavior multiInstance) {
    this.execution = execution;
    this.state = execution.state;
    this.multiInstance = multiInstance;
  }

  /** The code a throw event throws (static or FEEL). */
  String code(ExecutableElement thrower, ElementInstance instance) throws EvaluationException {
    return Feel.evaluateString(thrower.thrownEscalationCode(), state.visibleFrom(instance.key));
  }

  /** Who catches an escalation thrown by this event (its own scope first). */
  Reaction find(ElementInstance thrower, String code) {
    return search(thrower.parentKey == 0 ? null : state.element(thrower.parentKey), code);
  }

  /** In the calling instance: who catches an escalation its called instance did not catch. */
  Reaction findFromCall(ElementInstance call, String code) {
    return search(call, code);
  }

  private Reaction search(ElementInstance from, String code) {
    ElementInstance current = from;
    while (current != null) {
      ExecutableElement element = execution.process.element(current.elementId);
      if (element.kind().isScope() && !current.multiInstanceBody) {
        ExecutableElement eventSubProcess =
            match(
                element.escalationEventSubProcesses(),
                code,
                ExecutableElement::escalationStartEvent);
        if (eventSubProcess != null) {
          return new Reaction.EventSubProcessStart(
              current,
              eventSubProcess,
              eventSubProcess.escalationStartEvent().interruptingEscalation());
        }
      }
      // boundary events belong to the multi-instance body, not to its inner instances
      ExecutableElement boundary =
          multiInstance.isInnerInstance(current)
              ? null
              : match(element.escalationBoundaryEvents(), code, e -> e);
      if (boundary != null) {
        return new Reaction.BoundaryEvent(current, boundary, boundary.interruptingEscalation());
      }
      current = current.parentKey == 0 ? null : state.element(current.parentKey);
    }
    return state.parentProcessInstanceKey != 0
        ? new Reaction.EscalateToCallingInstance(code)
        : new Reaction.Uncaught();
  }

  private static ExecutableElement match(
      List<ExecutableElement> candidates,
      String code,
      Function<ExecutableElement, ExecutableElement> catchEvent) {
    ExecutableElement catchAll = null;
    for (ExecutableElement candidate : candidates) {
      String caught = catchEvent.apply(candidate).escalationCode();
      if (caught == null || caught.isBlank()) {
        if (catchAll == null) {
          catchAll = candidate;
        }
      } else if (caught.equals(code)) {
        return candidate;
      }
    }
    return catchAll;
  }

  /** The ESCALATION record of a throw: ESCALATED when caught, NOT_ESCALATED when nobody did. */
  void recorded(ElementInstance thrower, String code, boolean caught) {
    ObjectNode value = Json.object();
    value.put("escalationCode", code);
    value.put("throwElementId", thrower.elementId);
    value.put("processInstanceKey", state.processInstanceKey);
    value.put("elementInstanceKey", thrower.key);
    execution.record(
        execution.nextKey(),
        ValueType.ESCALATION,
        caught ? Intent.ESCALATED : Intent.NOT_ESCALATED,
        value);
  }
}
