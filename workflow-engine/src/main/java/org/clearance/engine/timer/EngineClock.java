package org.clearance.engine.timer;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The engine's notion of "now" for timers and message time-to-live (epoch ms). Production uses the
 * system clock; tests replace this bean with a clock they can move forward (a CDI alternative that
 * exists only in the test sources), so no test waits real minutes.
 */
@ApplicationScoped
public class EngineClock {

  public long now() {
    return System.currentTimeMillis();
  }
}
