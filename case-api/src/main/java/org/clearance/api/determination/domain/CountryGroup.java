package org.clearance.api.determination.domain;

import java.util.Arrays;

/**
 * EAR country groups (simplified), least restrictive first: the most restrictive group among a
 * case's destinations decides its route. {@code NONE} is a country in no group.
 */
public enum CountryGroup {
  NONE("NONE"),
  A1("A:1"),
  D1("D:1"),
  D5("D:5"),
  E1("E:1"),
  E2("E:2");

  private final String code;

  CountryGroup(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static CountryGroup ofCode(String code) {
    return Arrays.stream(values())
        .filter(group -> group.code.equalsIgnoreCase(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown country group " + code));
  }
}
