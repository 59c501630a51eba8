package org.clearance.api.licences.domain.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A licence was suspended, reinstated, revoked or expired; fired inside the transaction that
 * changed it, so that the holder's applicants hear about it.
 */
public record LicenceStatusChanged(
    UUID caseId,
    String caseReference,
    String organisation,
    String licenceNumber,
    String from,
    String to,
    String reason,
    Instant changedAt) {}
