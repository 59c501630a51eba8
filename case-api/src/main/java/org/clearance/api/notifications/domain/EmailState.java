package org.clearance.api.notifications.domain;

/** Where a notification's e-mail stands; DISABLED when e-mail was off as it was written. */
public enum EmailState {
  PENDING,
  SENT,
  FAILED,
  DISABLED
}
