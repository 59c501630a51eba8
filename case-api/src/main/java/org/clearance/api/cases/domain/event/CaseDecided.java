package org.clearance.api.cases.domain.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A case reached an outcome the applicant must hear about: {@code outcome} is the case's new
 * terminal status name (APPROVED, DENIED, NO_LICENCE_REQUIRED, RETURNED_WITHOUT_ACTION, WITHDRAWN);
 * {@code summary} is a sentence for the applicant (reasons for a denial, the licence number for an
 * approval).
 */
public record CaseDecided(
    UUID caseId,
    String caseReference,
    String organisation,
    String outcome,
    String summary,
    Instant decidedAt) {}
