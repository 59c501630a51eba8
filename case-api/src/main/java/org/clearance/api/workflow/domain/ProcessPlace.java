package org.clearance.api.workflow.domain;

import java.util.Arrays;
import java.util.Optional;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.tasks.domain.TaskType;

/**
 * The elements of export-licence.bpmn where a case can be found from case-api's own records, and
 * how: an open task of the element (user tasks), an open request for information of the stage (the
 * event-based gateway that waits for the applicant's answer), the screening statuses with no open
 * task yet (screening and the licence determination run there), or a final status (end events). The
 * process heat map and the case search's {@code element} filter both read this table, so a badge
 * and the list behind it always agree.
 */
public enum ProcessPlace {
  SCREEN_PARTIES("Task_ScreenParties", Kind.SCREENING, null, null, null),
  ADJUDICATE_MATCHES(
      "Task_AdjudicateMatches", Kind.USER_TASK, TaskType.ADJUDICATE_MATCHES, null, null),
  ADJUDICATE_NEW_MATCHES(
      "Task_AdjudicateNewMatches", Kind.USER_TASK, TaskType.ADJUDICATE_MATCHES, null, null),
  TECHNICAL_AUDIT("Task_TechnicalAudit", Kind.USER_TASK, TaskType.TECHNICAL_AUDIT, null, null),
  AUDIT_ANSWER("Gateway_AwaitAuditAnswer", Kind.AWAITING_ANSWER, null, "TECHNICAL_AUDIT", null),
  LEGAL_REVIEW("Task_LegalReview", Kind.USER_TASK, TaskType.LEGAL_REVIEW, null, null),
  LEGAL_ANSWER("Gateway_AwaitLegalAnswer", Kind.AWAITING_ANSWER, null, "LEGAL_REVIEW", null),
  APPROVAL("Task_Approval", Kind.USER_TASK, TaskType.APPROVAL, null, null),
  COUNTERSIGN("Task_Countersign", Kind.USER_TASK, TaskType.COUNTERSIGN, null, null),
  NO_LICENCE_REQUIRED(
      "EndEvent_NoLicenceRequired", Kind.END, null, null, CaseStatus.NO_LICENCE_REQUIRED),
  APPROVED("EndEvent_Approved", Kind.END, null, null, CaseStatus.APPROVED),
  DENIED("EndEvent_Denied", Kind.END, null, null, CaseStatus.DENIED),
  RETURNED_WITHOUT_ACTION(
      "EndEvent_ReturnedWithoutAction", Kind.END, null, null, CaseStatus.RETURNED_WITHOUT_ACTION);

  /** How case-api's records say that a case is at the element. */
  public enum Kind {
    /** An open review_task with this element id. */
    USER_TASK,
    /** An open information_request of {@link #rfiStage()}. */
    AWAITING_ANSWER,
    /** Status SUBMITTED or SCREENING and no open task. */
    SCREENING,
    /** The case ended in {@link #finalStatus()}. */
    END
  }

  private final String elementId;
  private final Kind kind;
  private final TaskType taskType;
  private final String rfiStage;
  private final CaseStatus finalStatus;

  ProcessPlace(
      String elementId, Kind kind, TaskType taskType, String rfiStage, CaseStatus finalStatus) {
    this.elementId = elementId;
    this.kind = kind;
    this.taskType = taskType;
    this.rfiStage = rfiStage;
    this.finalStatus = finalStatus;
  }

  public static Optional<ProcessPlace> ofElement(String elementId) {
    return Arrays.stream(values()).filter(p -> p.elementId.equals(elementId)).findFirst();
  }

  public String elementId() {
    return elementId;
  }

  public Kind kind() {
    return kind;
  }

  /** The task type of a user-task element; null otherwise. */
  public TaskType taskType() {
    return taskType;
  }

  /** The stage of the requests for information waited for here (a task type's name); or null. */
  public String rfiStage() {
    return rfiStage;
  }

  /** The status of cases that ended at this end event; null for other elements. */
  public CaseStatus finalStatus() {
    return finalStatus;
  }
}
