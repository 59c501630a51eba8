package org.clearance.api.licences.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The statuses of an issued licence (DOMAIN.md) and the only transitions between them. */
public enum LicenceStatus {
  ISSUED,
  SUSPENDED,
  REVOKED,
  EXHAUSTED,
  EXPIRED;

  private static final Map<LicenceStatus, Set<LicenceStatus>> TRANSITIONS =
      new EnumMap<>(LicenceStatus.class);

  static {
    TRANSITIONS.put(
        ISSUED, Collections.unmodifiableSet(EnumSet.of(SUSPENDED, REVOKED, EXHAUSTED, EXPIRED)));
    // A suspended licence is reinstated, revoked, or runs out while suspended.
    TRANSITIONS.put(SUSPENDED, Collections.unmodifiableSet(EnumSet.of(ISSUED, REVOKED, EXPIRED)));
    for (LicenceStatus end : EnumSet.of(REVOKED, EXHAUSTED, EXPIRED)) {
      TRANSITIONS.put(end, Collections.unmodifiableSet(EnumSet.noneOf(LicenceStatus.class)));
    }
  }

  public boolean canMoveTo(LicenceStatus target) {
    return TRANSITIONS.get(this).contains(target);
  }

  /** A licence that still authorises exports, or may again (suspended). */
  public boolean isLive() {
    return this == ISSUED || this == SUSPENDED;
  }
}
