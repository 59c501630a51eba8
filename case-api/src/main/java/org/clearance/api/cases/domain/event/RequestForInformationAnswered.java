package org.clearance.api.cases.domain.event;

import java.time.Instant;
import java.util.UUID;

/** The applicant answered a request for information; review resumes. */
public record RequestForInformationAnswered(
    UUID caseId, String caseReference, String organisation, String stage, Instant answeredAt) {}
