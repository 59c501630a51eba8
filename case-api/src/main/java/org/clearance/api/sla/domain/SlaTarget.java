package org.clearance.api.sla.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a stage may take: a number of working days (skipping weekends and holidays), a number of
 * calendar days, or an exact ISO-8601 duration (so a demo can use minutes).
 *
 * <p>Written in configuration as {@code 20 working days}, {@code 90 calendar days} or {@code PT5M}.
 */
public sealed interface SlaTarget {

  record WorkingDays(int days) implements SlaTarget {}

  record CalendarDays(int days) implements SlaTarget {}

  record Exact(Duration duration) implements SlaTarget {}

  Pattern DAYS = Pattern.compile("(\\d+)\\s+(working|calendar)\\s+days?");

  static SlaTarget parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    Matcher days = DAYS.matcher(value);
    if (days.matches()) {
      int count = Integer.parseInt(days.group(1));
      return days.group(2).equals("working") ? new WorkingDays(count) : new CalendarDays(count);
    }
    try {
      Duration duration = Duration.parse(text.trim());
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("an SLA target must be positive: " + text);
      }
      return new Exact(duration);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "an SLA target is 'N working days', 'N calendar days' or an ISO-8601 duration such as"
              + " PT5M, not '"
              + text
              + "'",
          e);
    }
  }
}
