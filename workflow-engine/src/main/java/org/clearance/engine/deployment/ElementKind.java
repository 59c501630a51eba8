package org.clearance.engine.deployment;

/** The behaviour an executable element has at run time. */
public enum ElementKind {
  PROCESS,
  NONE_START_EVENT,
  ERROR_START_EVENT,
  NONE_END_EVENT,
  ERROR_END_EVENT,
  TERMINATE_END_EVENT,
  NONE_INTERMEDIATE_THROW_EVENT,
  /** Service, send and job-based user/script/business-rule tasks: a job for a worker. */
  JOB_TASK,
  /** A Camunda user task (zeebe:userTask): a task row for the user-task API, no job. */
  USER_TASK,
  SCRIPT_TASK,
  /** Manual and undefined tasks: nothing to do. */
  PASS_THROUGH_TASK,
  EXCLUSIVE_GATEWAY,
  PARALLEL_GATEWAY,
  INCLUSIVE_GATEWAY,
  SUB_PROCESS,
  EVENT_SUB_PROCESS,
  ERROR_BOUNDARY_EVENT,
  /** A business rule task that evaluates a DMN decision (zeebe:calledDecision). */
  BUSINESS_RULE_TASK,
  /** Starts an instance of another process and waits for it (zeebe:calledElement). */
  CALL_ACTIVITY,
  /** Message, timer or signal start event of a process or an event sub-process. */
  MESSAGE_START_EVENT,
  TIMER_START_EVENT,
  SIGNAL_START_EVENT,
  /** Signal intermediate throw and end events: throw their signal, then complete. */
  SIGNAL_THROW_EVENT,
  SIGNAL_END_EVENT,
  /** Escalation intermediate throw and end events: throw their escalation code. */
  ESCALATION_THROW_EVENT,
  ESCALATION_END_EVENT,
  /** Escalation start event of an event sub-process, and escalation boundary events. */
  ESCALATION_START_EVENT,
  ESCALATION_BOUNDARY_EVENT,
  /** Intermediate message, timer or signal catch event: waits for its trigger. */
  INTERMEDIATE_CATCH_EVENT,
  RECEIVE_TASK,
  EVENT_BASED_GATEWAY,
  /** Message, timer or signal boundary event, interrupting or not. */
  EVENT_BOUNDARY_EVENT;

  public boolean isScope() {
    return this == PROCESS || this == SUB_PROCESS || this == EVENT_SUB_PROCESS;
  }
}
