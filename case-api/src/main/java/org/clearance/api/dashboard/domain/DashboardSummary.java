package org.clearance.api.dashboard.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clearance.api.cases.domain.CaseStage;
import org.clearance.api.cases.domain.CaseStatus;

/** The figures of the manager dashboard, computed for one filter at one moment. */
public record DashboardSummary(
    Instant generatedAt,
    DashboardFilter filter,
    Instant windowStart,
    Instant windowEnd,
    Map<CaseStatus, Long> casesByStatus,
    Map<CaseStage, Long> casesByStage,
    Map<AgeingBucket, Long> ageing,
    List<CycleTime> cycleTimes,
    List<WeeklyThroughput> throughput) {

  /**
   * How long the cases that finished a stage in the window spent in it; percentiles are null when
   * no case finished it.
   */
  public record CycleTime(CycleTimeStage stage, long cases, Double p50Hours, Double p90Hours) {}

  /** Cases submitted and cases decided (closed) in one ISO week starting {@code weekStart}. */
  public record WeeklyThroughput(LocalDate weekStart, long submitted, long decided) {}

  public long openCases() {
    return ageing.values().stream().mapToLong(Long::longValue).sum();
  }
}
