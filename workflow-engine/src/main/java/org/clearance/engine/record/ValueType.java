package org.clearance.engine.record;

/**
 * What a record describes; stored by name in {@code engine.record.value_type}, as Zeebe names them.
 */
public enum ValueType {
  DEPLOYMENT,
  PROCESS,
  DECISION_REQUIREMENTS,
  DECISION,
  DECISION_EVALUATION,
  PROCESS_INSTANCE,
  VARIABLE,
  JOB,
  INCIDENT,
  MESSAGE,
  MESSAGE_SUBSCRIPTION,
  MESSAGE_START_EVENT_SUBSCRIPTION,
  SIGNAL,
  SIGNAL_SUBSCRIPTION,
  ESCALATION,
  TIMER,
  USER_TASK
}
