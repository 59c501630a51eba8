package org.clearance.api.sla.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Which escalations a manager lists; nulls mean "any". {@code open}: true for cases not in a
 * terminal status, false for decided ones. {@code from} is inclusive and {@code before} exclusive,
 * both bounding the time of escalation.
 */
public record EscalationFilter(
    SlaStage stage, Boolean open, Instant from, Instant before, UUID caseId) {}
