package org.clearance.api.sla.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clearance.api.sla.domain.SlaStage;
import org.clearance.api.sla.domain.SlaState;
import org.junit.jupiter.api.Test;

class SlaPlannerTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  // Friday 18 December 2026, 10:00 in London; Christmas and Boxing Day (observed 28th) are
  // holidays.
  static final Instant FRIDAY_BEFORE_CHRISTMAS = Instant.parse("2026-12-18T10:00:00Z");
  static final WorkingCalendar CALENDAR =
      new WorkingCalendar(LONDON, List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));

  static Map<SlaStage, String> targets(String review) {
    Map<SlaStage, String> targets = new EnumMap<>(SlaStage.class);
    targets.put(SlaStage.ADJUDICATION, "2 working days");
    targets.put(SlaStage.TECHNICAL_AUDIT, review);
    targets.put(SlaStage.LEGAL_REVIEW, review);
    targets.put(SlaStage.APPROVAL, "1 working day");
    targets.put(SlaStage.COUNTERSIGN, "1 working day");
    targets.put(SlaStage.TOTAL, "90 calendar days");
    return targets;
  }

  @Test
  void shouldSkipWeekendsAndHolidaysWhenCountingWorkingDays() {
    // Friday + 1 working day = Monday 21st; + 5 = Monday 28th is a holiday, so Tuesday 29th...
    // 21,22,23,24,29
    assertThat(CALENDAR.plusWorkingDays(FRIDAY_BEFORE_CHRISTMAS, 1))
        .isEqualTo(Instant.parse("2026-12-21T10:00:00Z"));
    assertThat(CALENDAR.plusWorkingDays(FRIDAY_BEFORE_CHRISTMAS, 5))
        .isEqualTo(Instant.parse("2026-12-29T10:00:00Z"));
  }

  @Test
  void shouldCountFromTheNextWorkingDayWhenStartedOnAWeekend() {
    Instant saturday = Instant.parse("2026-12-19T15:30:00Z");
    assertThat(CALENDAR.plusWorkingDays(saturday, 1))
        .isEqualTo(Instant.parse("2026-12-22T00:00:00Z"));
  }

  @Test
  void shouldPlanStagesOneAfterAnotherFromSubmission() {
    // given
    SlaPlanner planner = new SlaPlanner(targets("3 working days"), CALENDAR, "10 calendar days");

    // when
    SlaPlan plan = planner.plan(FRIDAY_BEFORE_CHRISTMAS);

    // then adjudication: 21, 22 -> Tue 22nd; review: 23, 24, 29 -> Tue 29th; approval -> Wed 30th
    assertThat(plan.dueAt(SlaStage.ADJUDICATION)).isEqualTo(Instant.parse("2026-12-22T10:00:00Z"));
    assertThat(plan.dueAt(SlaStage.TECHNICAL_AUDIT))
        .isEqualTo(Instant.parse("2026-12-29T10:00:00Z"));
    assertThat(plan.dueAt(SlaStage.LEGAL_REVIEW)).isEqualTo(Instant.parse("2026-12-29T10:00:00Z"));
    assertThat(plan.dueAt(SlaStage.APPROVAL)).isEqualTo(Instant.parse("2026-12-30T10:00:00Z"));
    assertThat(plan.dueAt(SlaStage.COUNTERSIGN)).isEqualTo(Instant.parse("2026-12-31T10:00:00Z"));
    assertThat(plan.dueAt(SlaStage.TOTAL)).isEqualTo(Instant.parse("2027-03-18T10:00:00Z"));
    assertThat(plan.toProcessVariables())
        .containsEntry("auditDueAt", "2026-12-29T10:00:00Z")
        .containsEntry("rfiTimeout", "PT240H");
  }

  @Test
  void shouldMoveStagesNotYetDueByThePausedWorkingDays() {
    // given a plan, and a request for information open from Mon 21st to Thu 24th (3 working days)
    SlaPlanner planner = new SlaPlanner(targets("3 working days"), CALENDAR, "10 calendar days");
    SlaPlan plan = planner.plan(FRIDAY_BEFORE_CHRISTMAS);

    // when
    SlaPlan resumed =
        planner.resume(
            plan, Instant.parse("2026-12-21T09:00:00Z"), Instant.parse("2026-12-24T09:00:00Z"));

    // then the audit (due 29th) moves 3 working days (30, 31, Jan 1 is not a holiday here) ...
    assertThat(resumed.dueAt(SlaStage.TECHNICAL_AUDIT))
        .isEqualTo(Instant.parse("2027-01-01T10:00:00Z"));
    // ... and the calendar-day total moves by the exact paused time
    assertThat(resumed.dueAt(SlaStage.TOTAL)).isEqualTo(Instant.parse("2027-03-21T10:00:00Z"));
  }

  @Test
  void shouldAcceptExactDurationsSoADemoCanUseMinutes() {
    SlaPlanner planner = new SlaPlanner(targets("PT5M"), CALENDAR, "PT10M");
    SlaPlan plan = planner.plan(FRIDAY_BEFORE_CHRISTMAS);
    assertThat(plan.dueAt(SlaStage.TECHNICAL_AUDIT))
        .isEqualTo(plan.dueAt(SlaStage.ADJUDICATION).plusSeconds(300));
    assertThat(plan.requestForInformationTimeout()).isEqualTo("PT10M");
  }

  @Test
  void shouldRejectATargetItCannotRead() {
    assertThatThrownBy(() -> new SlaPlanner(targets("twenty days"), CALENDAR, "P10D"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twenty days");
  }

  @Test
  void shouldReportAtRiskAfterThreeQuartersAndBreachedAtTheDueTime() {
    SlaPlanner planner = new SlaPlanner(targets("PT100M"), CALENDAR, "P10D");
    Instant start = Instant.parse("2026-12-21T10:00:00Z");
    Instant due = start.plusSeconds(6000);
    assertThat(planner.state(start, due, start.plusSeconds(4400), 0.75))
        .isEqualTo(SlaState.ON_TRACK);
    assertThat(planner.state(start, due, start.plusSeconds(4500), 0.75))
        .isEqualTo(SlaState.AT_RISK);
    assertThat(planner.state(start, due, due, 0.75)).isEqualTo(SlaState.BREACHED);
  }
}
