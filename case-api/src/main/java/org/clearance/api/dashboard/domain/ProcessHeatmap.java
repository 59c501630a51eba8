package org.clearance.api.dashboard.domain;

import java.time.Instant;
import java.util.List;
import org.clearance.api.workflow.domain.ProcessPlace;

/**
 * Where the cases of export-licence.bpmn are now and how long they stayed at each place: per
 * element, the cases there now and how many of them are overdue, and over the window how many cases
 * passed the element and the p50/p90 of the time they spent there.
 */
public record ProcessHeatmap(
    Instant generatedAt,
    DashboardFilter filter,
    Instant windowStart,
    Instant windowEnd,
    List<ElementFigures> elements) {

  /**
   * Percentiles in hours (0.01 h), null when no case passed the element in the window; the three
   * window figures are null for end events, where no time is spent.
   */
  public record ElementFigures(
      ProcessPlace place,
      long casesNow,
      long overdueNow,
      Long passedInWindow,
      Double p50Hours,
      Double p90Hours) {}
}
