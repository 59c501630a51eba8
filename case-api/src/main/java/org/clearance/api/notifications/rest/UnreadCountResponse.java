package org.clearance.api.notifications.rest;

public record UnreadCountResponse(long unread) {}
