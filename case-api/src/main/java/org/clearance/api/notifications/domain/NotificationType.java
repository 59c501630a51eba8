package org.clearance.api.notifications.domain;

/** What a notification reports; a stable name clients may switch on. */
public enum NotificationType {
  RFI_OPENED,
  CASE_DECIDED,
  TASK_ASSIGNED,
  SLA_ESCALATED,
  LICENCE_STATUS_CHANGED,
  SCREENING_NEW_MATCH
}
