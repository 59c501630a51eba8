package org.clearance.api.audit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One audit event: who did what to which case, when, and its place in the hash chain. */
public record AuditEventResponse(
    long position,
    UUID caseId,
    Instant occurredAt,
    String actor,
    String action,
    JsonNode detail,
    String previousHash,
    String hash) {}
