package org.clearance.engine.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Tells waiting requests that work appeared: at once in this process, and through PostgreSQL NOTIFY
 * (coalesced, outside the command's transaction) in the other replicas.
 */
@ApplicationScoped
public class JobSignals {

  private volatile Consumer<String> jobListener = type -> {};
  private volatile LongConsumer resultListener = key -> {};
  private volatile Consumer<String> remote = payload -> {};
  private volatile LongConsumer timerListener = dueAt -> {};

  public void onTimerScheduled(LongConsumer listener) {
    this.timerListener = listener;
  }

  /** A timer due at this time (engine clock) was created; other replicas may sleep past it. */
  public void timerScheduled(long dueAt) {
    remote.accept("t" + dueAt);
  }

  public void onJobsAvailable(Consumer<String> listener) {
    this.jobListener = listener;
  }

  public void onResultAvailable(LongConsumer listener) {
    this.resultListener = listener;
  }

  void publishRemotelyWith(Consumer<String> publisher) {
    this.remote = publisher;
  }

  public void jobsAvailable(String type) {
    jobListener.accept(type);
    remote.accept("j" + type);
  }

  public void resultAvailable(long processInstanceKey) {
    resultListener.accept(processInstanceKey);
    remote.accept("r" + processInstanceKey);
  }

  /** A notification from another replica. */
  void received(String payload) {
    if (payload.startsWith("j")) {
      jobListener.accept(payload.substring(1));
    } else if (payload.startsWith("r")) {
      resultListener.accept(Long.parseLong(payload.substring(1)));
    } else if (payload.startsWith("t")) {
      timerListener.accept(Long.parseLong(payload.substring(1)));
    }
  }
}
