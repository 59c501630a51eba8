package org.clearance.api.common.error;

/** One offending field of a rejected command or request, named the way the client sent it. */
public record FieldError(String field, String message) {}
