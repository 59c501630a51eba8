package org.clearance.api.licences.service;

import java.time.LocalDate;
import java.util.List;

/**
 * What the approval adds to a licence: conditions (provisos) and validity. A null date takes the
 * default (valid from the day of issue, for the configured validity).
 */
public record LicenceTerms(List<String> conditions, LocalDate validFrom, LocalDate validUntil) {

  public LicenceTerms {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
  }

  public static LicenceTerms defaults() {
    return new LicenceTerms(List.of(), null, null);
  }
}
