package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.clearance.engine.deployment.ExecutableFlow;
import org.clearance.engine.runtime.ElementInstance.Step;

/**
 * What an element behaviour decided. Behaviours never drive the token flow themselves: they return
 * an outcome and {@link BpmnProcessor} applies it (completes the element, leaves it waiting, raises
 * the incident, runs the instances the behaviour created).
 */
sealed interface Outcome {

  /** The element waits: for a job, a message, a timer, a called instance, its inner instances. */
  Outcome WAIT = new Wait();

  static Outcome complete(Map<String, JsonNode> variables) {
    return new Complete(variables, null);
  }

  static Outcome incident(ElementInstance on, String errorType, String message, Step step) {
    return new Incident(on, errorType, message, step);
  }

  /** See {@link #WAIT}. */
  record Wait() implements Outcome {}

  /**
   * Complete the element with these result variables.
   *
   * @param flows the outgoing flows a gateway chose; null for all outgoing flows
   */
  record Complete(Map<String, JsonNode> variables, List<ExecutableFlow> flows) implements Outcome {}

  /**
   * An incident holds an element instance until it is resolved; resolving runs {@code step} again.
   *
   * @param on the element instance the incident is raised on
   */
  record Incident(ElementInstance on, String errorType, String message, Step step)
      implements Outcome {}

  /** The behaviour created (and recorded as ACTIVATING) these element instances: run them. */
  record Activate(List<ElementInstance> created) implements Outcome {}

  /** Terminate these element instances, then complete the element (a completion condition held). */
  record TerminateAndComplete(List<ElementInstance> terminating) implements Outcome {}

  /** Start this called instance (already created and linked) with these variables; then wait. */
  record StartCalledInstance(Execution child, Map<String, JsonNode> variables) implements Outcome {}
}
