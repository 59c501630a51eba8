package org.clearance.api.tasks.service;

import java.util.Set;
import java.util.UUID;
import org.clearance.api.cases.domain.CaseStage;
import org.clearance.api.tasks.domain.TaskStatus;
import org.clearance.api.tasks.domain.TaskType;

/**
 * Inbox filters; empty sets, nulls and false mean "any". {@code stages}, {@code destination} and
 * {@code classification} filter by the task's case (its stage now, a destination country, an ECCN
 * or its sub-paragraphs). Ordered by due date, earliest first unless {@code dueLast}.
 */
public record TaskSearchCriteria(
    Set<TaskType> types,
    UUID caseId,
    TaskStatus status,
    boolean assignedToMe,
    boolean unassigned,
    boolean overdue,
    boolean allRoles,
    Set<CaseStage> stages,
    String destination,
    String classification,
    boolean dueLast,
    int page,
    int size) {}
