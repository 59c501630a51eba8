package org.clearance.api.sla.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.sla.domain.EscalationView;
import org.clearance.api.tasks.domain.TaskType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stage of a case that passed its SLA target, as a manager's escalation list shows it. */
public record EscalationResponse(
    long id,
    UUID caseId,
    String caseReference,
    String organisation,
    CaseStatus caseStatus,
    @Schema(description = "The SLA stage that passed its target, e.g. TECHNICAL_AUDIT")
        String stage,
    @Schema(description = "The stage's target when it was escalated") Instant dueAt,
    Instant escalatedAt,
    @Schema(
            type = SchemaType.STRING,
            example = "PT26H30M",
            description =
                "ISO-8601 duration the stage's clock reads past dueAt now (where it stopped while"
                    + " a request for information is open), while the stage is in progress;"
                    + " null once its tasks are closed or the case is decided")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        Duration overdueBy,
    @Schema(description = "The stage's open tasks and who holds them (TOTAL: all open tasks)")
        List<OpenTaskResponse> openTasks) {

  /** An open task of the stage; {@code assignee} is null while nobody has claimed it. */
  public record OpenTaskResponse(
      UUID id, TaskType type, String candidateRole, String assignee, Instant dueAt) {}

  static EscalationResponse of(EscalationView view) {
    return new EscalationResponse(
        view.id(),
        view.caseId(),
        view.caseReference(),
        view.organisation(),
        view.caseStatus(),
        view.stage(),
        view.dueAt(),
        view.escalatedAt(),
        view.overdueBy(),
        view.openTasks().stream()
            .map(
                t ->
                    new OpenTaskResponse(
                        t.id(), t.type(), t.candidateRole(), t.assignee(), t.dueAt()))
            .toList());
  }
}
