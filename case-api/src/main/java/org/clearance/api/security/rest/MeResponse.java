package org.clearance.api.security.rest;

import java.util.List;

/** Who the caller is, as case-api sees it from the access token. */
public record MeResponse(
    String username, String name, String email, List<String> roles, String organisation) {}
