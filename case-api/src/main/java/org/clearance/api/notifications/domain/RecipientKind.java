package org.clearance.api.notifications.domain;

/**
 * Whom a notification is addressed to: one user, everyone with a role, or an organisation's
 * applicants.
 */
public enum RecipientKind {
  USER,
  ROLE,
  ORGANISATION
}
