package org.clearance.api.common.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** One clock for the application, so that time-dependent rules can be tested. */
@ApplicationScoped
public class ClockProducer {

  @Produces
  @Singleton
  Clock clock() {
    // Microsecond ticks: what PostgreSQL keeps, so a saved instant reads back unchanged.
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
