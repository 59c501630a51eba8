package org.clearance.engine.deployment;

import org.clearance.engine.expression.Expression;

/**
 * What a catching element waits for: a message (name and correlation key, both possibly FEEL) or a
 * timer (an ISO 8601 duration, date or cycle, possibly FEEL). Interrupting applies to boundary
 * events and event sub-process start events.
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

  public boolean isMessage() {
    return type == Type.MESSAGE;
  }
}
