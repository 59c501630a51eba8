package org.clearance.api.cases.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearance.api.cases.domain.CaseStage;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.sla.service.SlaClock;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case as a row of a list. */
public record CaseSummaryResponse(
    UUID id,
    String reference,
    CaseStatus status,
    CaseStage stage,
    String organisation,
    List<String> destinations,
    List<String> classifications,
    Instant createdAt,
    Instant updatedAt,
    Instant submittedAt,
    @Schema(description = "the overall SLA clock of an open, submitted case; null otherwise")
        SlaClock sla) {}
