package org.clearance.engine.runtime;

import java.util.List;
import java.util.function.Function;
import org.clearance.engine.deployment.ExecutableElement;

/**
 * BPMN errors: who catches an error thrown by an element instance. The search goes outwards from
 * the thrower: at each enclosing scope an error event sub-process, at each element an error
 * boundary event (of the multi-instance body, not of its inner instances); a matching error code
 * wins over a catch-all; past the process instance it continues in the calling instance.
 */
final class ErrorBehavior {

  private final Execution execution;
  private final InstanceState state;
  private final MultiInstanceBehavior multiInstance;

  ErrorBehavior(Execution execution, MultiInstanceBehavior multiInstance) {
    this.execution = execution;
    this.state = execution.state;
    this.multiInstance = multiInstance;
  }

  /** Error catches interrupt: the boundary event terminates, the event sub-process interrupts. */
  Reaction find(ElementInstance thrower, String errorCode) {
    ElementInstance current = thrower;
    while (current != null) {
      ExecutableElement element = execution.process.element(current.elementId);
      if (current != thrower && element.kind().isScope() && !current.multiInstanceBody) {
        ExecutableElement eventSubProcess =
            match(element.eventSubProcesses(), errorCode, ExecutableElement::errorStartEvent);
        if (eventSubProcess != null) {
          return new Reaction.EventSubProcessStart(current, eventSubProcess, true);
        }
      }
      // boundary events belong to the multi-instance body, not to its inner instances
      ExecutableElement boundary =
          multiInstance.isInnerInstance(current)
              ? null
              : match(element.boundaryEvents(), errorCode, e -> e);
      if (boundary != null) {
        return new Reaction.BoundaryEvent(current, boundary, true);
      }
      current = current.parentKey == 0 ? null : state.element(current.parentKey);
    }
    return state.parentProcessInstanceKey != 0
        ? new Reaction.ToCallingInstance(errorCode)
        : new Reaction.Uncaught();
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
}
