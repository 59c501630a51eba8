package org.clearance.api.notifications.rest;

import java.time.Instant;
import java.util.UUID;

/** A notification as its reader sees it; {@code readAt} is null while unread. */
public record NotificationResponse(
    UUID id,
    String type,
    String recipientKind,
    String recipient,
    UUID caseId,
    String caseReference,
    String subject,
    String body,
    Instant createdAt,
    boolean read,
    Instant readAt) {}
