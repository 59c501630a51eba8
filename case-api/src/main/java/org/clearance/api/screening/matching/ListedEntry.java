package org.clearance.api.screening.matching;

import java.util.List;
import java.util.Set;

/**
 * A listed party as the matcher sees it: its names (normalised once, when the list is imported or
 * indexed), type, countries it is tied to (addresses, nationalities, citizenships) and dates of
 * birth ("1975-03-02" or "1975").
 */
public record ListedEntry(
    long id,
    String key,
    PartyType type,
    List<ListedName> names,
    Set<String> countries,
    List<String> birthDates) {

  /** One name of an entry, as listed and normalised. */
  public record ListedName(String original, NormalisedName normalised, NameKind kind) {
    public static ListedName of(String original, NameKind kind) {
      return new ListedName(original, NameNormaliser.normalise(original), kind);
    }
  }

  public ListedEntry {
    names = List.copyOf(names);
    countries = Set.copyOf(countries);
    birthDates = List.copyOf(birthDates);
  }
}
