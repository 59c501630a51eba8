package org.clearance.engine.timer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine clock in tests: wall time plus an offset that tests move forward, so timers of hours
 * or days fire at once. It lives in the test sources only and replaces {@link EngineClock} as a CDI
 * alternative, so production can never move the engine's time.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ControlledEngineClock extends EngineClock {

  private final AtomicLong offset = new AtomicLong();

  @Override
  public long now() {
    return super.now() + offset.get();
  }

  public void advance(Duration duration) {
    offset.addAndGet(duration.toMillis());
  }
}
