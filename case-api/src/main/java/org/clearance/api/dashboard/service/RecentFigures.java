package org.clearance.api.dashboard.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Figures made at most {@code maxAge} ago, per key. Callers that miss at the same moment wait for
 * one computation instead of each running the queries; a failed computation is not kept. A zero
 * {@code maxAge} keeps nothing: every call computes. At most {@code capacity} keys are kept (a
 * dashboard filter is user input); beyond that the expired go first, then all.
 */
final class RecentFigures<K, V> {

  private record Entry<V>(CompletableFuture<V> value, Instant madeAt) {}

  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration maxAge;
  private final int capacity;

  RecentFigures(Clock clock, Duration maxAge, int capacity) {
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must not be negative: " + maxAge);
    }
    this.clock = clock;
    this.maxAge = maxAge;
    this.capacity = capacity;
  }

  Duration maxAge() {
    return maxAge;
  }

  /** The figures for {@code key}, computed now unless they were made within {@code maxAge}. */
  V get(K key, Supplier<V> compute) {
    if (maxAge.isZero()) {
      return compute.get();
    }
    Instant now = clock.instant();
    Entry<V> mine = new Entry<>(new CompletableFuture<>(), now);
    Entry<V> entry = entries.compute(key, (k, old) -> old != null && fresh(old, now) ? old : mine);
    if (entry != mine) {
      return await(entry.value());
    }
    return computeInto(key, mine, compute);
  }

  /**
   * Computes {@code key}'s figures now and keeps them, whatever their age (a scheduled refresh).
   */
  V refresh(K key, Supplier<V> compute) {
    if (maxAge.isZero()) {
      return compute.get();
    }
    Entry<V> mine = new Entry<>(new CompletableFuture<>(), clock.instant());
    // callers keep reading the figures in place until the new ones are there
    V value = compute.get();
    mine.value().complete(value);
    entries.put(key, mine);
    trim();
    return value;
  }

  int size() {
    return entries.size();
  }

  private V computeInto(K key, Entry<V> mine, Supplier<V> compute) {
    try {
      V value = compute.get();
      mine.value().complete(value);
      trim();
      return value;
    } catch (RuntimeException | Error e) {
      entries.remove(key, mine);
      mine.value().completeExceptionally(e);
      throw e;
    }
  }

  private boolean fresh(Entry<V> entry, Instant now) {
    // an entry still being computed is fresh: its callers wait for it
    return !entry.value().isDone()
        || (!entry.value().isCompletedExceptionally() && entry.madeAt().plus(maxAge).isAfter(now));
  }

  private void trim() {
    if (entries.size() <= capacity) {
      return;
    }
    Instant now = clock.instant();
    entries.values().removeIf(e -> !fresh(e, now));
    if (entries.size() > capacity) {
      entries.values().removeIf(e -> e.value().isDone());
    }
  }

  private static <V> V await(CompletableFuture<V> value) {
    try {
      return value.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
