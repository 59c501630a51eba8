package org.clearance.engine.command;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The engine's after-commit signals: what a committed command tells the parts of the engine that
 * wait for work (long polls and job streams, clients waiting for a result, the timer scheduler, the
 * message-start bookkeeping). A signal is raised only after the transaction committed, so nobody is
 * woken for work that may still roll back. Job, result and timer signals also reach the other
 * replicas through PostgreSQL NOTIFY (coalesced, outside the command's transaction).
 *
 * <p>Producers raise signals; the observers register at start-up. Neither side imports the other,
 * which is what keeps the engine's packages free of import cycles.
 */
@ApplicationScoped
public class EngineSignals {

  /** An instance a message with a correlation key started has ended. */
  public record MessageStartedInstanceEnded(
      String bpmnProcessId, String correlationKey, String tenantId) {}

  private volatile Consumer<String> jobListener = type -> {};
  private volatile LongConsumer resultListener = key -> {};
  private volatile Consumer<String> remote = payload -> {};
  private volatile LongConsumer timerListener = dueAt -> {};
  private final List<Consumer<MessageStartedInstanceEnded>> messageStartListeners =
      new CopyOnWriteArrayList<>();

  // ---------------------------------------------------------------- observers

  public void onJobsAvailable(Consumer<String> listener) {
    this.jobListener = listener;
  }

  public void onResultAvailable(LongConsumer listener) {
    this.resultListener = listener;
  }

  /** The timer scheduler: a timer due at this time (engine clock) exists now. */
  public void onTimerScheduled(LongConsumer listener) {
    this.timerListener = listener;
  }

  public void onMessageStartedInstanceEnded(Consumer<MessageStartedInstanceEnded> listener) {
    messageStartListeners.add(listener);
  }

  /** How signals reach the other replicas (set by the NOTIFY transport). */
  public void publishRemotelyWith(Consumer<String> publisher) {
    this.remote = publisher;
  }

  // ---------------------------------------------------------------- signals

  /** Jobs of this type became activatable. */
  public void jobsAvailable(String type) {
    jobListener.accept(type);
    remote.accept("j" + type);
  }

  /** A process instance a client may wait for (with result) completed. */
  public void resultAvailable(long processInstanceKey) {
    resultListener.accept(processInstanceKey);
    remote.accept("r" + processInstanceKey);
  }

  /** A timer due at this time (engine clock) was created; be awake for it, here and elsewhere. */
  public void timerScheduled(long dueAt) {
    timerListener.accept(dueAt);
    remote.accept("t" + dueAt);
  }

  /** This replica only: the instance's message start may let a buffered message start the next. */
  public void messageStartedInstanceEnded(MessageStartedInstanceEnded ended) {
    for (var listener : messageStartListeners) {
      listener.accept(ended);
    }
  }

  /** A notification from another replica. */
  public void received(String payload) {
    if (payload.startsWith("j")) {
      jobListener.accept(payload.substring(1));
    } else if (payload.startsWith("r")) {
      resultListener.accept(Long.parseLong(payload.substring(1)));
    } else if (payload.startsWith("t")) {
      timerListener.accept(Long.parseLong(payload.substring(1)));
    }
  }
}
