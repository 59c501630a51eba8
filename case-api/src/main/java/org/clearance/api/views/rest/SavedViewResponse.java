package org.clearance.api.views.rest;

import java.time.Instant;
import java.util.UUID;

/** A saved view; {@code mine} says whether the caller owns it (and so may change it). */
public record SavedViewResponse(
    UUID id,
    String name,
    String screen,
    String query,
    String sharedWithRole,
    String owner,
    boolean mine,
    Instant createdAt,
    Instant updatedAt) {}
