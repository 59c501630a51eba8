package org.clearance.engine.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.clearance.engine.deployment.EventTrigger.TimerKind;
import org.junit.jupiter.api.Test;

class TimerSpecTest {

  private static final long NOW = Instant.parse("2026-03-01T10:00:00Z").toEpochMilli();

  @Test
  void shouldAddDurationsIncludingCalendarParts() {
    assertThat(TimerSpec.evaluate(TimerKind.DURATION, "PT15M", NOW).dueAt())
        .isEqualTo(NOW + Duration.ofMinutes(15).toMillis());
    assertThat(TimerSpec.evaluate(TimerKind.DURATION, "P1DT2H", NOW).dueAt())
        .isEqualTo(NOW + Duration.ofHours(26).toMillis());
    assertThat(TimerSpec.evaluate(TimerKind.DURATION, "P1M", NOW).dueAt())
        .isEqualTo(Instant.parse("2026-04-01T10:00:00Z").toEpochMilli());
  }

  @Test
  void shouldParseDatesWithOffsetOrZone() {
    assertThat(TimerSpec.evaluate(TimerKind.DATE, "2026-12-01T09:00:00+01:00", NOW).dueAt())
        .isEqualTo(Instant.parse("2026-12-01T08:00:00Z").toEpochMilli());
    assertThat(
            TimerSpec.evaluate(TimerKind.DATE, "2026-12-01T09:00:00+01:00[Europe/Paris]", NOW)
                .dueAt())
        .isEqualTo(Instant.parse("2026-12-01T08:00:00Z").toEpochMilli());
  }

  @Test
  void shouldParseBoundedUnboundedAndStartedCycles() {
    var bounded = TimerSpec.evaluate(TimerKind.CYCLE, "R3/PT10S", NOW);
    assertThat(bounded.dueAt()).isEqualTo(NOW + 10_000);
    assertThat(bounded.repetitions()).isEqualTo(2);
    assertThat(bounded.interval()).isEqualTo("PT10S");

    assertThat(TimerSpec.evaluate(TimerKind.CYCLE, "R/P1D", NOW).repetitions()).isEqualTo(-1);

    var started = TimerSpec.evaluate(TimerKind.CYCLE, "R2/2026-03-02T00:00:00Z/PT1H", NOW);
    assertThat(started.dueAt()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z").toEpochMilli());
    assertThat(started.repetitions()).isEqualTo(1);
  }

  @Test
  void shouldRejectInvalidTimersWithReadableMessages() {
    assertThatThrownBy(() -> TimerSpec.evaluate(TimerKind.DURATION, "15 minutes", NOW))
        .hasMessageContaining("'15 minutes'")
        .hasMessageContaining("ISO 8601 duration");
    assertThatThrownBy(() -> TimerSpec.evaluate(TimerKind.DATE, "2026-12-01T09:00:00", NOW))
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> TimerSpec.evaluate(TimerKind.CYCLE, "0 0 9 * * MON", NOW))
        .hasMessageContaining("cron is not supported");
    assertThatThrownBy(() -> TimerSpec.evaluate(TimerKind.CYCLE, "R0/PT1H", NOW))
        .hasMessageContaining("at least 1");
  }
}
