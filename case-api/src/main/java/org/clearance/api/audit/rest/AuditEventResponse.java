package org.clearance.api.audit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One audit event: who did what to which case, when, and its place in the hash chain. An event is
 * sealed into the chain soon after its commit (normally well under a second); until then {@code
 * sealed} is false and position, previousHash and hash are null.
 */
public record AuditEventResponse(
    Long position,
    UUID caseId,
    Instant occurredAt,
    String actor,
    String action,
    JsonNode detail,
    String previousHash,
    String hash,
    boolean sealed) {}
