package org.clearance.engine.timer;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.clearance.engine.deployment.EventTrigger.TimerKind;

/**
 * When a timer fires: an ISO 8601 duration ({@code PT15M}, {@code P1DT2H}, {@code P1M}), a date
 * with offset or zone ({@code 2026-12-01T09:00:00+01:00}), or a repeating cycle ({@code R5/PT10S},
 * {@code R/P1D}, {@code R3/2026-12-01T09:00Z/PT1H}).
 *
 * @param dueAt the first due time (epoch ms)
 * @param repetitions fires left after the first one; -1 for an unbounded cycle
 * @param interval the cycle's ISO duration, null for single timers
 */
public record TimerSpec(long dueAt, int repetitions, String interval) {

  /**
   * @throws IllegalArgumentException with a readable message if the text is not a valid timer
   */
  public static TimerSpec evaluate(TimerKind kind, String text, long now) {
    String value = text == null ? "" : text.trim();
    return switch (kind) {
      case DURATION -> new TimerSpec(plus(value, now), 0, null);
      case DATE -> new TimerSpec(date(value), 0, null);
      case CYCLE -> cycle(value, now);
    };
  }

  /** The next due time of a cycle after one fired at {@code from}. */
  public static long next(String interval, long from) {
    return plus(interval, from);
  }

  public boolean repeats() {
    return repetitions != 0;
  }

  private static TimerSpec cycle(String value, long now) {
    String[] parts = value.split("/");
    if (!value.startsWith("R") || parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException(
          "Invalid timer cycle expression ('%s'): expected 'R<n>/<duration>' or 'R<n>/<start>/<duration>' (cron is not supported)"
              .formatted(value));
    }
    int total;
    String count = parts[0].substring(1);
    try {
      total = count.isEmpty() ? -1 : Integer.parseInt(count);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid timer cycle expression ('%s'): the repetitions '%s' are not a number"
              .formatted(value, parts[0]));
    }
    if (total == 0 || total < -1) {
      throw new IllegalArgumentException(
          "Invalid timer cycle expression ('%s'): repetitions must be at least 1".formatted(value));
    }
    String interval = parts[parts.length - 1];
    long first = parts.length == 3 ? date(parts[1]) : plus(interval, now);
    plus(interval, now); // validates the interval
    return new TimerSpec(first, total < 0 ? -1 : total - 1, interval);
  }

  private static long plus(String duration, long from) {
    ZonedDateTime start = ZonedDateTime.ofInstant(Instant.ofEpochMilli(from), ZoneOffset.UTC);
    try {
      String upper = duration.toUpperCase();
      if (!upper.startsWith("P") && !upper.startsWith("-P")) {
        throw new DateTimeParseException("not a duration", duration, 0);
      }
      int t = upper.indexOf('T');
      String datePart = t < 0 ? upper : upper.substring(0, t);
      String timePart = t < 0 ? null : "PT" + upper.substring(t + 1);
      ZonedDateTime due = start;
      if (datePart.length() > 1) {
        due = due.plus(Period.parse(datePart));
      }
      if (timePart != null) {
        due = due.plus(Duration.parse(timePart));
      }
      if (!due.isAfter(start) && !due.equals(start)) {
        throw new DateTimeParseException("negative duration", duration, 0);
      }
      return due.toInstant().toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "Invalid timer duration expression ('%s'): expected an ISO 8601 duration like 'PT15M' or 'P1D'"
              .formatted(duration));
    }
  }

  private static long date(String value) {
    try {
      return ZonedDateTime.parse(value).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Invalid timer date expression ('%s'): expected an ISO 8601 date-time with offset, like '2026-12-01T09:00:00+01:00'"
              .formatted(value));
    }
  }
}
