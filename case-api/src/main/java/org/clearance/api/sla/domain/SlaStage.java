package org.clearance.api.sla.domain;

/**
 * The stages with their own SLA target, in process order, and the process variable that carries
 * each stage's due time (the BPMN's boundary timers and task due dates read these variables).
 */
public enum SlaStage {
  ADJUDICATION("adjudicationDueAt"),
  TECHNICAL_AUDIT("auditDueAt"),
  LEGAL_REVIEW("legalDueAt"),
  APPROVAL("approvalDueAt"),
  COUNTERSIGN("countersignDueAt"),
  TOTAL("totalDueAt");

  private final String processVariable;

  SlaStage(String processVariable) {
    this.processVariable = processVariable;
  }

  public String processVariable() {
    return processVariable;
  }
}
