package org.clearance.api.tasks.rest;

import java.time.Instant;
import java.util.UUID;
import org.clearance.api.sla.service.SlaClock;
import org.clearance.api.tasks.domain.TaskStatus;
import org.clearance.api.tasks.domain.TaskType;
import org.clearance.api.tasks.service.TaskDecision;

/** A task as an inbox shows it, with its SLA clock. */
public record TaskResponse(
    UUID id,
    UUID caseId,
    String caseReference,
    TaskType type,
    String elementId,
    String candidateRole,
    String assignee,
    TaskStatus status,
    Instant dueAt,
    SlaClock sla,
    Instant createdAt,
    Instant claimedAt,
    Instant completedAt,
    String completedBy,
    TaskDecision decision,
    String closeReason) {}
