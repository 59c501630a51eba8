package org.clearance.api.common.domain;

import java.util.Locale;
import java.util.Set;

/**
 * ISO 3166-1 alpha-2 country codes, the one list every field that names a country is checked
 * against (destinations, party countries, country groups, search filters). Codes that ISO has
 * assigned to a country today; user-assigned codes such as ZZ or XK are not among them.
 */
public final class CountryCodes {

  private static final Set<String> ASSIGNED = Set.of(Locale.getISOCountries());

  private CountryCodes() {}

  /** Whether the value is an assigned alpha-2 code (upper case, as stored). */
  public static boolean isAssigned(String code) {
    return code != null && ASSIGNED.contains(code);
  }
}
