package org.clearance.api.dashboard.domain;

/** Open cases by calendar days since submission, in the SLA zone. */
public enum AgeingBucket {
  DAYS_0_9(0, 9),
  DAYS_10_29(10, 29),
  DAYS_30_59(30, 59),
  DAYS_60_89(60, 89),
  DAYS_90_OR_MORE(90, null);

  private final int minDays;
  private final Integer maxDays;

  AgeingBucket(int minDays, Integer maxDays) {
    this.minDays = minDays;
    this.maxDays = maxDays;
  }

  public int minDays() {
    return minDays;
  }

  /** Inclusive; null for the open-ended last bucket. */
  public Integer maxDays() {
    return maxDays;
  }

  /** "0-9", "10-29", ..., "90+". */
  public String label() {
    return maxDays == null ? minDays + "+" : minDays + "-" + maxDays;
  }
}
