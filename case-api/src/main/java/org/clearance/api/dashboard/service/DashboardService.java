package org.clearance.api.dashboard.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearance.api.cases.domain.CaseStage;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.dashboard.domain.AgeingBucket;
import org.clearance.api.dashboard.domain.CycleTimeStage;
import org.clearance.api.dashboard.domain.DashboardFilter;
import org.clearance.api.dashboard.domain.DashboardSummary;
import org.clearance.api.dashboard.domain.DashboardSummary.CycleTime;
import org.clearance.api.dashboard.domain.DashboardSummary.WeeklyThroughput;
import org.clearance.api.dashboard.domain.ProcessHeatmap;
import org.clearance.api.dashboard.domain.ProcessHeatmap.ElementFigures;
import org.clearance.api.dashboard.service.ProcessHeatmapQueries.Figures;
import org.clearance.api.security.service.Caller;
import org.clearance.api.sla.service.SlaConfig;
import org.clearance.api.workflow.domain.ProcessPlace;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The manager dashboard: counts per status and stage, ageing of open cases, cycle times, weekly
 * throughput, breaches of the total SLA target and open tasks per reviewer and role, of submitted
 * cases. Days and weeks are counted in the SLA time zone.
 *
 * <p>A summary is kept for {@code clearance.dashboard.figures-max-age} (it says when it was made:
 * {@code generatedAt}), and the default view's (no filter, {@value DashboardFilter#DEFAULT_WEEKS}
 * weeks) is made again in the background before it ages out: on half a year of 100,000 cases its
 * queries take 200-400 ms, which every manager opening the dashboard would otherwise wait for.
 */
@ApplicationScoped
public class DashboardService {

  private final DashboardQueries queries;
  private final ProcessHeatmapQueries heatmapQueries;
  private final Caller caller;
  private final Clock clock;
  private final ZoneId zone;
  private final RecentFigures<DashboardFilter, DashboardSummary> summaries;

  /** The dashboard as it opens: no filter, the default weeks. */
  static final DashboardFilter DEFAULT_VIEW =
      new DashboardFilter(null, null, null, null, null, DashboardFilter.DEFAULT_WEEKS);

  DashboardService(
      DashboardQueries queries,
      ProcessHeatmapQueries heatmapQueries,
      Caller caller,
      Clock clock,
      SlaConfig sla,
      @ConfigProperty(name = "clearance.dashboard.figures-max-age") Duration figuresMaxAge) {
    this.queries = queries;
    this.heatmapQueries = heatmapQueries;
    this.caller = caller;
    this.clock = clock;
    this.zone = sla.zone();
    this.summaries = new RecentFigures<>(clock, figuresMaxAge, 256);
  }

  /** Managers track the SLA dashboards (DOMAIN.md); nobody else sees them. */
  public void requireManager() {
    if (!caller.hasRole(Caller.MANAGER)) {
      throw Rejection.forbidden(
          "Only managers see the dashboards; your roles are " + caller.roles() + ".");
    }
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  public DashboardSummary summary(DashboardFilter filter) {
    requireManager();
    return summaries.get(filter, () -> compute(filter));
  }

  /** Makes the default view's figures again before they age out (none kept: nothing to do). */
  @Scheduled(
      identity = "dashboard-default-view",
      every = "${clearance.dashboard.refresh-interval}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refreshDefaultView() {
    if (!summaries.maxAge().isZero()) {
      summaries.refresh(DEFAULT_VIEW, () -> compute(DEFAULT_VIEW));
    }
  }

  private DashboardSummary compute(DashboardFilter filter) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, zone);

    LocalDate lastDay = filter.to() != null && filter.to().isBefore(today) ? filter.to() : today;
    LocalDate lastWeek = lastDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate firstWeek = lastWeek.minusWeeks(filter.weeks() - 1L);
    Instant windowStart = firstWeek.atStartOfDay(zone).toInstant();
    Instant dayAfter = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    Instant windowEnd = dayAfter.isBefore(now) ? dayAfter : now;

    AgeingBucket[] buckets = AgeingBucket.values();
    Instant[] bucketStarts = new Instant[buckets.length - 1];
    for (int i = 0; i < bucketStarts.length; i++) {
      bucketStarts[i] = today.minusDays(buckets[i].maxDays()).atStartOfDay(zone).toInstant();
    }

    return queries.inSnapshot(
        connection -> {
          var statuses = queries.statusFigures(connection, filter, zone, bucketStarts);
          var cycleTimes = queries.cycleTimes(connection, filter, zone, windowStart, windowEnd);
          var weeks =
              queries.weeklyThroughput(
                  connection, filter, zone, firstWeek, filter.weeks(), windowEnd);
          var breaches = queries.breaches(connection, filter, zone, now, windowStart, windowEnd);
          var workload = queries.workload(connection, filter, zone, now);

          Map<CaseStatus, Long> byStatus = new EnumMap<>(CaseStatus.class);
          Map<CaseStage, Long> byStage = new EnumMap<>(CaseStage.class);
          Map<AgeingBucket, Long> ageing = new EnumMap<>(AgeingBucket.class);
          for (AgeingBucket bucket : buckets) {
            ageing.put(bucket, 0L);
          }
          for (CaseStatus status : CaseStatus.values()) {
            if (status == CaseStatus.DRAFT) {
              continue; // dashboards count submitted cases only
            }
            long count = statuses.cases().getOrDefault(status, 0L);
            byStatus.put(status, count);
            byStage.merge(status.stage(), count, Long::sum);
            if (!status.isTerminal() && statuses.ageing().containsKey(status)) {
              long[] counts = statuses.ageing().get(status);
              for (int i = 0; i < buckets.length; i++) {
                ageing.merge(buckets[i], counts[i], Long::sum);
              }
            }
          }

          List<CycleTime> cycles = new ArrayList<>();
          for (CycleTimeStage stage : CycleTimeStage.values()) {
            cycles.add(cycleTimes.getOrDefault(stage, new CycleTime(stage, 0, null, null)));
          }

          Map<LocalDate, WeeklyThroughput> throughput = new LinkedHashMap<>();
          for (LocalDate week = firstWeek; !week.isAfter(lastWeek); week = week.plusWeeks(1)) {
            long[] counts = weeks.getOrDefault(week, new long[2]);
            throughput.put(week, new WeeklyThroughput(week, counts[0], counts[1]));
          }

          return new DashboardSummary(
              now,
              filter,
              windowStart,
              windowEnd,
              byStatus,
              byStage,
              ageing,
              cycles,
              List.copyOf(throughput.values()),
              breaches,
              workload);
        });
  }

  /**
   * The process heat map: per place of export-licence.bpmn (ProcessPlace) the cases there now, how
   * many are overdue, and over the window (the {@code weeks} ISO weeks ending this week, cut at
   * now) how many passed it and the p50/p90 of their time there.
   */
  public ProcessHeatmap heatmap(DashboardFilter filter) {
    requireManager();
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, zone);
    LocalDate lastWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    Instant windowStart = lastWeek.minusWeeks(filter.weeks() - 1L).atStartOfDay(zone).toInstant();

    return queries.inSnapshot(
        connection -> {
          var openTasks = heatmapQueries.openTasks(connection, filter, zone, now);
          var doneTasks = heatmapQueries.completedTasks(connection, filter, zone, windowStart, now);
          var openRequests = heatmapQueries.openRequests(connection, filter, zone, now);
          var answered =
              heatmapQueries.answeredRequests(connection, filter, zone, windowStart, now);
          var screeningNow = heatmapQueries.screeningNow(connection, filter, zone, now);
          var screeningDone =
              heatmapQueries.screeningDone(connection, filter, zone, windowStart, now);
          var endedNow = heatmapQueries.endedNow(connection, filter, zone);

          List<ElementFigures> elements = new ArrayList<>();
          Figures none = new Figures(0, 0, null, null);
          for (ProcessPlace place : ProcessPlace.values()) {
            Figures current;
            Figures passed;
            switch (place.kind()) {
              case USER_TASK -> {
                current = openTasks.getOrDefault(place.elementId(), none);
                passed = doneTasks.getOrDefault(place.elementId(), none);
              }
              case AWAITING_ANSWER -> {
                current = openRequests.getOrDefault(place.rfiStage(), none);
                passed = answered.getOrDefault(place.rfiStage(), none);
              }
              case SCREENING -> {
                current = screeningNow;
                passed = screeningDone;
              }
              case END -> {
                current = endedNow.getOrDefault(place.finalStatus().name(), none);
                passed = null; // nobody spends time at an end event
              }
              default -> throw new IllegalStateException("unknown place kind " + place.kind());
            }
            elements.add(
                new ElementFigures(
                    place,
                    current.cases(),
                    current.overdue(),
                    passed == null ? null : passed.cases(),
                    passed == null ? null : passed.p50Hours(),
                    passed == null ? null : passed.p90Hours()));
          }
          return new ProcessHeatmap(now, filter, windowStart, now, List.copyOf(elements));
        });
  }
}
