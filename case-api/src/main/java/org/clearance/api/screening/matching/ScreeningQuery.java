package org.clearance.api.screening.matching;

import java.util.Locale;

/** A party to screen: its name, and what else is known (country ISO 3166-1 alpha-2, birth date). */
public record ScreeningQuery(
    String name, NormalisedName normalised, PartyType type, String country, String birthDate) {

  public static ScreeningQuery of(String name, PartyType type, String country, String birthDate) {
    return new ScreeningQuery(
        name,
        NameNormaliser.normalise(name),
        type == null ? PartyType.UNKNOWN : type,
        country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT),
        birthDate == null || birthDate.isBlank() ? null : birthDate.strip());
  }
}
