package org.clearance.api.sla.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clearance.api.sla.domain.SlaStage;
import org.clearance.api.sla.domain.SlaState;
import org.clearance.api.sla.domain.SlaTarget;

/**
 * Plans a case's SLA at submission and moves the plan when the clock was stopped (a request for
 * information was open). Stage targets count one after another from submission: the technical audit
 * and the legal review run in parallel, so both are due one review target after the screening stage
 * (adjudication); approval follows the later of the two; countersigning follows approval. The total
 * target counts from submission on its own.
 */
@ApplicationScoped
public class SlaPlanner {

  private final Map<SlaStage, SlaTarget> targets = new EnumMap<>(SlaStage.class);
  private final WorkingCalendar calendar;
  private final String rfiTimeout;
  private double atRiskFraction = 0.75;

  @Inject
  SlaPlanner(SlaConfig config) {
    this(
        config.targets(),
        new WorkingCalendar(config.zone(), config.holidays().orElse(List.of())),
        config.requestForInformationTimeout());
    this.atRiskFraction = config.atRiskFraction();
  }

  SlaPlanner(Map<SlaStage, String> targetsByStage, WorkingCalendar calendar, String rfiTimeout) {
    for (SlaStage stage : SlaStage.values()) {
      String target = targetsByStage.get(stage);
      if (target == null) {
        throw new IllegalStateException(
            "clearance.sla.targets."
                + stage.name().toLowerCase().replace('_', '-')
                + " is not set");
      }
      targets.put(stage, SlaTarget.parse(target));
    }
    this.calendar = calendar;
    this.rfiTimeout = asDuration(SlaTarget.parse(rfiTimeout));
  }

  public WorkingCalendar calendar() {
    return calendar;
  }

  public SlaPlan plan(Instant submittedAt) {
    Map<SlaStage, Instant> due = new EnumMap<>(SlaStage.class);
    Instant screened = after(submittedAt, SlaStage.ADJUDICATION);
    due.put(SlaStage.ADJUDICATION, screened);
    due.put(SlaStage.TECHNICAL_AUDIT, after(screened, SlaStage.TECHNICAL_AUDIT));
    due.put(SlaStage.LEGAL_REVIEW, after(screened, SlaStage.LEGAL_REVIEW));
    Instant reviewed = latest(due.get(SlaStage.TECHNICAL_AUDIT), due.get(SlaStage.LEGAL_REVIEW));
    Instant approved = after(reviewed, SlaStage.APPROVAL);
    due.put(SlaStage.APPROVAL, approved);
    due.put(SlaStage.COUNTERSIGN, after(approved, SlaStage.COUNTERSIGN));
    due.put(SlaStage.TOTAL, after(submittedAt, SlaStage.TOTAL));
    return new SlaPlan(due, rfiTimeout);
  }

  /**
   * The plan after the SLA clock stood still from {@code pausedFrom} to {@code pausedTo}: every
   * stage not yet due when the pause began moves by the time the pause took (working days for
   * working-day targets, exact time otherwise).
   */
  public SlaPlan resume(SlaPlan plan, Instant pausedFrom, Instant pausedTo) {
    Map<SlaStage, Instant> due = new EnumMap<>(SlaStage.class);
    int pausedWorkingDays = calendar.workingDaysBetween(pausedFrom, pausedTo);
    Duration pausedTime = Duration.between(pausedFrom, pausedTo);
    for (var entry : plan.dueAt().entrySet()) {
      Instant at = entry.getValue();
      if (at.isBefore(pausedFrom)) {
        due.put(entry.getKey(), at);
      } else if (targets.get(entry.getKey()) instanceof SlaTarget.WorkingDays) {
        due.put(entry.getKey(), calendar.plusWorkingDays(at, pausedWorkingDays));
      } else {
        due.put(entry.getKey(), at.plus(pausedTime));
      }
    }
    return new SlaPlan(due, plan.requestForInformationTimeout());
  }

  /** Where a stage that is due at {@code dueAt} and began at {@code startedAt} stands now. */
  public SlaState state(Instant startedAt, Instant dueAt, Instant now, double atRiskFraction) {
    if (!now.isBefore(dueAt)) {
      return SlaState.BREACHED;
    }
    long total = Duration.between(startedAt, dueAt).toMillis();
    long elapsed = Duration.between(startedAt, now).toMillis();
    return total > 0 && elapsed >= total * atRiskFraction ? SlaState.AT_RISK : SlaState.ON_TRACK;
  }

  /** Like {@link #state(Instant, Instant, Instant, double)} with the configured at-risk share. */
  public SlaState state(Instant startedAt, Instant dueAt, Instant now) {
    return state(startedAt, dueAt, now, atRiskFraction);
  }

  /** How long a request for information may stay unanswered, as an ISO-8601 duration. */
  public Duration requestForInformationTimeout() {
    return Duration.parse(rfiTimeout);
  }

  private Instant after(Instant start, SlaStage stage) {
    return switch (targets.get(stage)) {
      case SlaTarget.WorkingDays w -> calendar.plusWorkingDays(start, w.days());
      case SlaTarget.CalendarDays c -> start.plus(Duration.ofDays(c.days()));
      case SlaTarget.Exact e -> start.plus(e.duration());
    };
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static String asDuration(SlaTarget target) {
    return switch (target) {
      case SlaTarget.CalendarDays c -> Duration.ofDays(c.days()).toString();
      case SlaTarget.Exact e -> e.duration().toString();
      case SlaTarget.WorkingDays w ->
          throw new IllegalStateException(
              "the request-for-information timeout is a timer: give calendar days or a duration,"
                  + " not working days");
    };
  }
}
