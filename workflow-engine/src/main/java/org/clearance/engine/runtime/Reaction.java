package org.clearance.engine.runtime;

import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.deployment.ExecutableFlow;

/**
 * What a caught event does to the token flow: the answer of {@link EventSubscriptionBehavior} (a
 * message or timer happened) and of {@link ErrorBehavior} (who catches a thrown error), applied by
 * {@link BpmnProcessor}. New kinds of caught events (signals, escalations) answer with these too.
 */
sealed interface Reaction {

  /** The waiting element itself caught it (catch event, receive task): it completes. */
  record CompleteOwner(ElementInstance owner) implements Reaction {}

  /** An event-based gateway's event: the gateway completes into that event's flow. */
  record TakeGatewayBranch(ElementInstance gateway, ExecutableFlow flow) implements Reaction {}

  /**
   * A boundary event of an element instance activates in the element's scope; an interrupting one
   * terminates the element first.
   */
  record BoundaryEvent(ElementInstance owner, ExecutableElement boundaryEvent, boolean interrupting)
      implements Reaction {}

  /**
   * An event sub-process of a scope instance starts; an interrupting one first closes the scope's
   * other event sub-process starts and terminates everything else in the scope.
   */
  record EventSubProcessStart(
      ElementInstance scope, ExecutableElement eventSubProcess, boolean interrupting)
      implements Reaction {}

  /** Nobody in this instance caught an error: the calling instance may, at its call activity. */
  record ToCallingInstance(String errorCode) implements Reaction {}

  /** Nobody in this instance caught an escalation: the calling instance may, at its call. */
  record EscalateToCallingInstance(String escalationCode) implements Reaction {}

  /** Nobody caught it at all. */
  record Uncaught() implements Reaction {}
}
