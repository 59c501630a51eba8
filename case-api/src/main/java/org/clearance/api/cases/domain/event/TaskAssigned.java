package org.clearance.api.cases.domain.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A task became someone's work: offered to a role ({@code assignee} null) when it is created, or
 * given to one user when it is claimed or reassigned.
 */
public record TaskAssigned(
    UUID taskId,
    UUID caseId,
    String caseReference,
    String taskType,
    String candidateRole,
    String assignee,
    Instant dueAt) {}
