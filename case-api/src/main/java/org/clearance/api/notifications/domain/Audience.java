package org.clearance.api.notifications.domain;

import java.util.Set;

/**
 * Whose notifications a caller sees: those addressed to the user, to one of the user's roles, and
 * (for applicants) to the user's organisation.
 */
public record Audience(String username, Set<String> roles, String organisation) {

  public Audience {
    roles = Set.copyOf(roles);
  }
}
