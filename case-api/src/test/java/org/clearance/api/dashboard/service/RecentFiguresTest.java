package org.clearance.api.dashboard.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentFiguresTest {

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovableClock clock = new MovableClock();
  private final AtomicInteger computed = new AtomicInteger();

  private String compute(String key) {
    return key + "#" + computed.incrementAndGet();
  }

  @Test
  void keepsFiguresForTheirMaxAgeThenComputesAgain() {
    var figures = new RecentFigures<String, String>(clock, Duration.ofSeconds(30), 10);
    assertEquals("a#1", figures.get("a", () -> compute("a")));
    clock.advance(Duration.ofSeconds(29));
    assertEquals("a#1", figures.get("a", () -> compute("a")));
    assertEquals("b#2", figures.get("b", () -> compute("b")), "each key has its own figures");
    clock.advance(Duration.ofSeconds(1));
    assertEquals("a#3", figures.get("a", () -> compute("a")), "30 s old is too old");
  }

  @Test
  void aZeroMaxAgeKeepsNothing() {
    var figures = new RecentFigures<String, String>(clock, Duration.ZERO, 10);
    assertEquals("a#1", figures.get("a", () -> compute("a")));
    assertEquals("a#2", figures.get("a", () -> compute("a")));
    assertEquals("a#3", figures.refresh("a", () -> compute("a")));
    assertEquals(0, figures.size());
  }

  @Test
  void aFailureIsNotKept() {
    var figures = new RecentFigures<String, String>(clock, Duration.ofSeconds(30), 10);
    var failure = new IllegalStateException("database down");
    assertSame(
        failure,
        assertThrows(
            IllegalStateException.class,
            () ->
                figures.get(
                    "a",
                    () -> {
                      throw failure;
                    })));
    assertEquals("a#1", figures.get("a", () -> compute("a")));
  }

  @Test
  void aRefreshReplacesFiguresWhateverTheirAge() {
    var figures = new RecentFigures<String, String>(clock, Duration.ofSeconds(30), 10);
    assertEquals("a#1", figures.get("a", () -> compute("a")));
    clock.advance(Duration.ofSeconds(20));
    assertEquals("a#2", figures.refresh("a", () -> compute("a")));
    clock.advance(Duration.ofSeconds(20));
    assertEquals("a#2", figures.get("a", () -> compute("a")), "refreshed 20 s ago");
  }

  @Test
  void callersMissingAtOnceWaitForOneComputation() throws Exception {
    var figures = new RecentFigures<String, String>(clock, Duration.ofSeconds(30), 10);
    var started = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<String> first =
          pool.submit(
              () ->
                  figures.get(
                      "a",
                      () -> {
                        started.countDown();
                        try {
                          release.await();
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return compute("a");
                      }));
      assertTrue(started.await(5, TimeUnit.SECONDS));
      Future<String> second = pool.submit(() -> figures.get("a", () -> compute("a")));
      Future<String> third = pool.submit(() -> figures.get("a", () -> compute("a")));
      Thread.sleep(100); // both are waiting on the first computation by now
      release.countDown();
      assertEquals("a#1", first.get(5, TimeUnit.SECONDS));
      assertEquals("a#1", second.get(5, TimeUnit.SECONDS));
      assertEquals("a#1", third.get(5, TimeUnit.SECONDS));
      assertEquals(1, computed.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keepsAtMostItsCapacity() {
    var figures = new RecentFigures<String, String>(clock, Duration.ofSeconds(30), 3);
    for (int i = 0; i < 3; i++) {
      String key = "k" + i;
      figures.get(key, () -> compute(key));
    }
    clock.advance(Duration.ofSeconds(31));
    figures.get("k3", () -> compute("k3"));
    assertEquals(1, figures.size(), "the expired go first");
    for (int i = 4; i < 8; i++) {
      String key = "k" + i;
      figures.get(key, () -> compute(key));
    }
    assertTrue(figures.size() <= 3, "then all: " + figures.size());
  }
}
