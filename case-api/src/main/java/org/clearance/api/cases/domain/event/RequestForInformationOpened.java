package org.clearance.api.cases.domain.event;

import java.time.Instant;
import java.util.UUID;

/** A reviewer asked the applicant for information; the case waits for the answer. */
public record RequestForInformationOpened(
    UUID caseId,
    String caseReference,
    String organisation,
    String stage,
    String question,
    String askedBy,
    Instant answerBy) {}
