package org.clearance.engine.deployment;

import org.clearance.engine.expression.Expression;

/**
 * What a catching element waits for: a message (name and correlation key, both possibly FEEL), a
 * signal (a name, possibly FEEL; also what a signal throw event throws) or a timer (an ISO 8601
 * duration, date or cycle, possibly FEEL). Interrupting applies to boundary events and event
 * sub-process start events.
 */
public record EventTrigger(
    Type type,
    Expression messageName,
    Expression correlationKey,
    TimerKind timerKind,
    Expression timer,
    boolean interrupting) {

  public enum Type {
    MESSAGE,
    SIGNAL,
    TIMER
  }

  public enum TimerKind {
    DURATION,
    DATE,
    CYCLE
  }

  public static EventTrigger message(
      Expression name, Expression correlationKey, boolean interrupting) {
    return new EventTrigger(Type.MESSAGE, name, correlationKey, null, null, interrupting);
  }

  public static EventTrigger timer(TimerKind kind, Expression timer, boolean interrupting) {
    return new EventTrigger(Type.TIMER, null, null, kind, timer, interrupting);
  }

  /** A signal of this name (kept in the message name's place: both are names to wait for). */
  public static EventTrigger signal(Expression name, boolean interrupting) {
    return new EventTrigger(Type.SIGNAL, name, null, null, null, interrupting);
  }

  public boolean isMessage() {
    return type == Type.MESSAGE;
  }

  public boolean isSignal() {
    return type == Type.SIGNAL;
  }
}
