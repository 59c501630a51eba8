package org.clearance.api.cases.domain.event;

import java.time.Instant;
import java.util.UUID;

/** A stage of a case passed its SLA target; managers must hear about it. */
public record SlaEscalated(
    UUID caseId, String caseReference, String stage, Instant dueAt, Instant escalatedAt) {}
