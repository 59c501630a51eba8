package org.clearance.api.parties.domain;

/** The part a party plays in an export transaction. */
public enum PartyRole {
  CONSIGNEE,
  END_USER,
  ULTIMATE_END_USER,
  INTERMEDIATE_CONSIGNEE
}
