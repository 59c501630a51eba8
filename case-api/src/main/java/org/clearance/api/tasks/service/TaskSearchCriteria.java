package org.clearance.api.tasks.service;

import java.util.Set;
import java.util.UUID;
import org.clearance.api.tasks.domain.TaskStatus;
import org.clearance.api.tasks.domain.TaskType;

/** Inbox filters; empty sets, nulls and false mean "any". */
public record TaskSearchCriteria(
    Set<TaskType> types,
    UUID caseId,
    TaskStatus status,
    boolean assignedToMe,
    boolean unassigned,
    boolean overdue,
    boolean allRoles,
    int page,
    int size) {}
