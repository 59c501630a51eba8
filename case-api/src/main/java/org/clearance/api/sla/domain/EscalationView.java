package org.clearance.api.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.tasks.domain.TaskType;

/**
 * An escalation as a manager reviews it: the case, the stage that passed its target and, while the
 * stage is still in progress, how far past the target it is and who holds its open tasks.
 *
 * @param overdueBy how far the stage's clock reads past {@code dueAt} now (where it stopped while a
 *     request for information holds the case), while the stage is in progress; null once it is not
 *     (its tasks are closed, or the case is decided) or when the due time is unknown
 */
public record EscalationView(
    long id,
    UUID caseId,
    String caseReference,
    String organisation,
    CaseStatus caseStatus,
    String stage,
    Instant dueAt,
    Instant escalatedAt,
    Duration overdueBy,
    List<OpenTask> openTasks) {

  /** An open task of the escalated stage and who holds it (null assignee: nobody claimed it). */
  public record OpenTask(
      UUID id, TaskType type, String candidateRole, String assignee, Instant dueAt) {}
}
