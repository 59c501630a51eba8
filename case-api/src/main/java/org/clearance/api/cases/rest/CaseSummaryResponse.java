package org.clearance.api.cases.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearance.api.cases.domain.CaseStage;
import org.clearance.api.cases.domain.CaseStatus;

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
    Instant submittedAt) {}
