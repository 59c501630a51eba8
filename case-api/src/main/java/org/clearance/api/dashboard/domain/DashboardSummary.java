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
    List<WeeklyThroughput> throughput,
    Breaches breaches,
    Workload workload) {

  /**
   * How long the cases that finished a stage in the window spent in it; percentiles are null when
   * no case finished it.
   */
  public record CycleTime(CycleTimeStage stage, long cases, Double p50Hours, Double p90Hours) {}

  /** Cases submitted and cases decided (closed) in one ISO week starting {@code weekStart}. */
  public record WeeklyThroughput(LocalDate weekStart, long submitted, long decided) {}

  /**
   * Cases with an SLA plan measured against their total target: {@code cases} counted, {@code
   * breached} past it (at decision, or now for open cases; a stopped clock reads when it stopped).
   */
  public record BreachCount(long cases, long breached) {

    /** Share of breached cases, 4 decimals; null when no case counts. */
    public Double rate() {
      return cases == 0 ? null : Math.round(breached * 10_000.0 / cases) / 10_000.0;
    }
  }

  /** Decided: cases decided in the window. Open: cases open now. */
  public record Breaches(BreachCount decided, BreachCount open) {}

  /** Open tasks of one assignee; overdue = past their due time. */
  public record AssigneeLoad(String assignee, long openTasks, long overdueTasks) {}

  /** Open tasks offered to one role, assigned or not. */
  public record RoleLoad(
      String candidateRole, long openTasks, long unassignedTasks, long overdueTasks) {}

  public record Workload(List<AssigneeLoad> byAssignee, List<RoleLoad> byCandidateRole) {}

  public long openCases() {
    return ageing.values().stream().mapToLong(Long::longValue).sum();
  }
}
