package org.clearance.api.screening.matching;

import java.util.Locale;

/** What a party or a listed entry is; the matcher treats people and organisations differently. */
public enum PartyType {
  PERSON,
  ORGANISATION,
  VESSEL,
  AIRCRAFT,
  UNKNOWN;

  /**
   * Reads the words the lists and the API use: CSL {@code Individual} / {@code Entity}, FtM {@code
   * Person} / {@code Organization} / {@code Company} / {@code LegalEntity}, ours.
   */
  public static PartyType parse(String value) {
    if (value == null || value.isBlank()) {
      return UNKNOWN;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "person", "individual", "natural_person" -> PERSON;
      case "organisation", "organization", "company", "legalentity", "legal_entity", "entity" ->
          ORGANISATION;
      case "vessel" -> VESSEL;
      case "aircraft", "airplane" -> AIRCRAFT;
      default -> UNKNOWN;
    };
  }

  /** Whether two known types say the parties cannot be the same. */
  public boolean contradicts(PartyType other) {
    return this != UNKNOWN && other != UNKNOWN && this != other;
  }
}
