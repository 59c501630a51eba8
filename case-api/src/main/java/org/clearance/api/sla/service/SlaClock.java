package org.clearance.api.sla.service;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.time.Instant;
import org.clearance.api.sla.domain.SlaState;

/**
 * Where a deadline stands for a reader: when it is due, how long is left (negative once passed),
 * the state, and whether the clock stands still because a request for information is open.
 */
public record SlaClock(
    Instant dueAt,
    @JsonFormat(shape = JsonFormat.Shape.STRING) Duration timeLeft,
    SlaState state,
    boolean paused) {

  /** The clock of something started at {@code startedAt}, due at {@code dueAt}; null if no due. */
  public static SlaClock of(
      SlaPlanner planner, Instant startedAt, Instant dueAt, Instant now, Instant pausedAt) {
    if (dueAt == null || startedAt == null) {
      return null;
    }
    Instant reading = pausedAt != null && pausedAt.isBefore(now) ? pausedAt : now;
    return new SlaClock(
        dueAt,
        Duration.between(reading, dueAt),
        planner.state(startedAt, dueAt, reading),
        pausedAt != null);
  }
}
