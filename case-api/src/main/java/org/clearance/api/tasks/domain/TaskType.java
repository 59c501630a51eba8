package org.clearance.api.tasks.domain;

/** The human tasks of export-licence.bpmn (header {@code clearance.taskType}). */
public enum TaskType {
  ADJUDICATE_MATCHES("match adjudication"),
  TECHNICAL_AUDIT("technical audit"),
  LEGAL_REVIEW("legal review"),
  APPROVAL("approval"),
  COUNTERSIGN("countersign");

  private final String words;

  TaskType(String words) {
    this.words = words;
  }

  /** Tasks whose author may not approve the same case (four eyes). */
  public boolean isReview() {
    return this == ADJUDICATE_MATCHES || this == TECHNICAL_AUDIT || this == LEGAL_REVIEW;
  }

  /** The task as people read it in a sentence ("technical audit"), not its code. */
  public String words() {
    return words;
  }
}
