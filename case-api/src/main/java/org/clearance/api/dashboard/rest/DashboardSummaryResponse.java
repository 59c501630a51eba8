package org.clearance.api.dashboard.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearance.api.dashboard.domain.DashboardFilter;
import org.clearance.api.dashboard.domain.DashboardSummary;

/** The manager dashboard as JSON; the CSV export carries the same figures. */
public record DashboardSummaryResponse(
    Instant generatedAt,
    Filters filters,
    Window window,
    Map<String, Long> casesByStatus,
    Map<String, Long> casesByStage,
    long openCases,
    List<Ageing> ageing,
    List<CycleTime> cycleTimes,
    List<Week> throughput,
    Breaches breaches,
    Workload workload) {

  public record Filters(
      String organisation,
      String destination,
      String classification,
      LocalDate from,
      LocalDate to,
      int weeks) {}

  /** The reporting window of cycle times and throughput: [from, to). */
  public record Window(Instant from, Instant to) {}

  /** Open cases submitted {@code minDays}..{@code maxDays} calendar days ago. */
  public record Ageing(String bucket, int minDays, Integer maxDays, long cases) {}

  /** Hours; p50 and p90 are null when no case finished the stage in the window. */
  public record CycleTime(String stage, long cases, Double p50Hours, Double p90Hours) {}

  /** {@code week} is the ISO week ("2026-W48"), starting Monday {@code weekStart}. */
  public record Week(String week, LocalDate weekStart, long submitted, long decided) {}

  /** Breaches of the total SLA target; {@code rate} = breached / cases, null when no case. */
  public record BreachCount(long cases, long breached, Double rate) {}

  /** Decided in the window, and open now; cases without an SLA plan are not counted. */
  public record Breaches(BreachCount decided, BreachCount open) {}

  public record Workload(
      List<DashboardSummary.AssigneeLoad> byAssignee,
      List<DashboardSummary.RoleLoad> byCandidateRole) {}

  public static DashboardSummaryResponse of(DashboardSummary summary) {
    DashboardFilter filter = summary.filter();
    Map<String, Long> byStatus = new LinkedHashMap<>();
    summary.casesByStatus().forEach((status, count) -> byStatus.put(status.name(), count));
    Map<String, Long> byStage = new LinkedHashMap<>();
    summary.casesByStage().forEach((stage, count) -> byStage.put(stage.name(), count));
    return new DashboardSummaryResponse(
        summary.generatedAt(),
        new Filters(
            filter.organisation(),
            filter.destination(),
            filter.classification(),
            filter.from(),
            filter.to(),
            filter.weeks()),
        new Window(summary.windowStart(), summary.windowEnd()),
        byStatus,
        byStage,
        summary.openCases(),
        summary.ageing().entrySet().stream()
            .map(
                e ->
                    new Ageing(
                        e.getKey().label(),
                        e.getKey().minDays(),
                        e.getKey().maxDays(),
                        e.getValue()))
            .toList(),
        summary.cycleTimes().stream()
            .map(c -> new CycleTime(c.stage().name(), c.cases(), c.p50Hours(), c.p90Hours()))
            .toList(),
        summary.throughput().stream()
            .map(w -> new Week(isoWeek(w.weekStart()), w.weekStart(), w.submitted(), w.decided()))
            .toList(),
        new Breaches(
            breachCount(summary.breaches().decided()), breachCount(summary.breaches().open())),
        new Workload(summary.workload().byAssignee(), summary.workload().byCandidateRole()));
  }

  private static BreachCount breachCount(DashboardSummary.BreachCount count) {
    return new BreachCount(count.cases(), count.breached(), count.rate());
  }

  static String isoWeek(LocalDate monday) {
    return "%d-W%02d"
        .formatted(
            monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
