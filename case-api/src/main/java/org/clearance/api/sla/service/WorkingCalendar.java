package org.clearance.api.sla.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;

/** Working days: Monday to Friday, except holidays, in one time zone. */
public final class WorkingCalendar {

  private final ZoneId zone;
  private final Set<LocalDate> holidays;

  public WorkingCalendar(ZoneId zone, Collection<LocalDate> holidays) {
    this.zone = zone;
    this.holidays = Set.copyOf(holidays);
  }

  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
  }

  /**
   * The moment {@code days} working days after {@code start}, at the same local time. A start on a
   * non-working day counts from the start of the next working day.
   */
  public Instant plusWorkingDays(Instant start, int days) {
    ZonedDateTime at = start.atZone(zone);
    if (!isWorkingDay(at.toLocalDate())) {
      LocalDate next = at.toLocalDate();
      while (!isWorkingDay(next)) {
        next = next.plusDays(1);
      }
      at = next.atStartOfDay(zone);
    }
    LocalDate day = at.toLocalDate();
    int added = 0;
    while (added < days) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        added++;
      }
    }
    return ZonedDateTime.of(day, at.toLocalTime(), zone).toInstant();
  }

  /** Whole working days that begin in [from, to): how far an SLA clock moved in that interval. */
  public int workingDaysBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    LocalDate day = from.atZone(zone).toLocalDate().plusDays(1);
    LocalDate last = to.atZone(zone).toLocalDate();
    int count = 0;
    while (!day.isAfter(last)) {
      if (isWorkingDay(day)) {
        count++;
      }
      day = day.plusDays(1);
    }
    return count;
  }
}
