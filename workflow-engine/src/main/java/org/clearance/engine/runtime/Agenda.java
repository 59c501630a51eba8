package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.deployment.ExecutableFlow;

/**
 * The work one processor still has to do, in order. Items are data, not callbacks: the lifecycle
 * and the behaviours queue them, and only {@link BpmnProcessor} runs them, so no helper calls back
 * into the processor and long chains of elements do not grow the stack.
 */
final class Agenda {

  sealed interface Work {}

  /** Run the activation of an element instance (recorded as ACTIVATING already). */
  record Activate(ElementInstance instance) implements Work {}

  /** Complete an element instance; flows null for all outgoing flows. */
  record Complete(
      ElementInstance instance, Map<String, JsonNode> variables, List<ExecutableFlow> flows)
      implements Work {}

  /** Fire a joining gateway of a scope if its tokens are there. */
  record Join(ExecutableElement gateway, ElementInstance scope) implements Work {}

  /** A token moved in a scope: its waiting inclusive joins may fire now. */
  record CheckJoins(ElementInstance scope) implements Work {}

  /** A message that was buffered correlated as its subscription opened. */
  record Trigger(long ownerKey, String catchEventId, Map<String, JsonNode> variables)
      implements Work {}

  /** This (called) instance completed: its call activity in the calling instance completes. */
  record ReturnToCallingInstance(Execution parent, Map<String, JsonNode> variables)
      implements Work {}

  /** In the calling instance: the called instance of a call activity completed. */
  record CalledInstanceCompleted(
      long callActivityKey, long childKey, Map<String, JsonNode> variables) implements Work {}

  private final ArrayDeque<Work> queue = new ArrayDeque<>();

  void add(Work work) {
    queue.add(work);
  }

  Work poll() {
    return queue.poll();
  }
}
