package org.clearance.api.dashboard.domain;

import java.time.LocalDate;

/**
 * Which cases a dashboard counts and over which weeks. Nulls mean "any". {@code from}/{@code to}
 * bound the submission date (inclusive, in the SLA zone); the reporting window of throughput and
 * cycle times is the {@code weeks} ISO weeks ending with the week of {@code to} (default: today).
 */
public record DashboardFilter(
    String organisation,
    String destination,
    String classification,
    LocalDate from,
    LocalDate to,
    int weeks) {

  public static final int DEFAULT_WEEKS = 12;
  public static final int MAX_WEEKS = 52;
}
