package org.clearance.api.tasks.service;

import java.time.Instant;
import java.util.UUID;
import org.clearance.api.tasks.domain.TaskType;

/** What the engine's job of a user task says about it (headers and the variables needed). */
public record UserTaskJob(
    long jobKey,
    long processInstanceKey,
    String elementId,
    UUID caseId,
    TaskType type,
    String candidateRole,
    String assignee,
    Instant dueAt,
    Determination determination) {

  /** The licence-requirement decision's result, once the process has made it. */
  public record Determination(Boolean licenceRequired, String reviewPolicy, String basis) {}
}
