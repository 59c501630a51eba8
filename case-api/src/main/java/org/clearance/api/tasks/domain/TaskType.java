package org.clearance.api.tasks.domain;

/** The human tasks of export-licence.bpmn (header {@code clearance.taskType}). */
public enum TaskType {
  ADJUDICATE_MATCHES,
  TECHNICAL_AUDIT,
  LEGAL_REVIEW,
  APPROVAL,
  COUNTERSIGN;

  /** Tasks whose author may not approve the same case (four eyes). */
  public boolean isReview() {
    return this == ADJUDICATE_MATCHES || this == TECHNICAL_AUDIT || this == LEGAL_REVIEW;
  }
}
