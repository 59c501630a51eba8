package org.clearance.engine.record;

/**
 * What happened to the record's subject; stored by name in {@code engine.record.intent}. One closed
 * set across value types (the comment says which types use an intent), named as Zeebe names them.
 */
public enum Intent {
  // every kind of definition, job, incident, variable, subscription, timer
  CREATED,
  // VARIABLE
  UPDATED,
  // PROCESS_INSTANCE: the element lifecycle
  ELEMENT_ACTIVATING,
  ELEMENT_ACTIVATED,
  ELEMENT_COMPLETING,
  ELEMENT_COMPLETED,
  ELEMENT_TERMINATED,
  SEQUENCE_FLOW_TAKEN,
  // JOB
  ACTIVATABLE,
  ACTIVATED,
  COMPLETED,
  FAILED,
  ERROR_THROWN,
  TIMED_OUT,
  YIELDED,
  RETRIES_UPDATED,
  TIMEOUT_UPDATED,
  // JOB, TIMER
  CANCELED,
  // INCIDENT
  RESOLVED,
  // SIGNAL
  BROADCASTED,
  // ESCALATION
  ESCALATED,
  NOT_ESCALATED,
  // MESSAGE
  PUBLISHED,
  EXPIRED,
  // MESSAGE_SUBSCRIPTION, MESSAGE_START_EVENT_SUBSCRIPTION
  CORRELATED,
  DELETED,
  // TIMER
  TRIGGERED,
  // DECISION_EVALUATION (FAILED too)
  EVALUATED,
  // USER_TASK (CREATED, UPDATED, COMPLETED, CANCELED too): each change is written as its
  // "-ING" intent, then the one that says it happened, as Zeebe writes them
  CREATING,
  ASSIGNING,
  ASSIGNED,
  UPDATING,
  COMPLETING,
  CANCELING
}
