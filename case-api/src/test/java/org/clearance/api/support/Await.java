package org.clearance.api.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds: the engine works asynchronously, tests never sleep blindly. */
public final class Await {

  private static final Duration POLL = Duration.ofMillis(100);

  private Await() {}

  public static <T> T until(String what, Supplier<T> probe, Predicate<T> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      last = probe.get();
      if (done.test(last)) {
        return last;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(
        "timed out after " + timeout + " waiting for " + what + "; last: " + last);
  }

  public static <T> T until(String what, Supplier<T> probe, Predicate<T> done) {
    return until(what, probe, done, Duration.ofSeconds(20));
  }
}
