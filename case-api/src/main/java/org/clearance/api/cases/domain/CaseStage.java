package org.clearance.api.cases.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** A coarse grouping of statuses for lists and dashboards. */
public enum CaseStage {
  DRAFTING,
  SCREENING,
  REVIEW,
  APPROVAL,
  CLOSED;

  public Set<CaseStatus> statuses() {
    Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
    Arrays.stream(CaseStatus.values()).filter(s -> s.stage() == this).forEach(statuses::add);
    return statuses;
  }
}
