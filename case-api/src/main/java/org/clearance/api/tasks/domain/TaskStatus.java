package org.clearance.api.tasks.domain;

/** OPEN until a reviewer completes it, or CANCELLED when the case ends first. */
public enum TaskStatus {
  OPEN,
  COMPLETED,
  CANCELLED
}
