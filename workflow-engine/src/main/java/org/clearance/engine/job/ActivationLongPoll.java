package org.clearance.engine.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.clearance.engine.command.CommandExecutor;
import org.clearance.engine.command.EngineScheduler;
import org.clearance.engine.command.EngineSignals;
import org.clearance.engine.job.JobActivator.Activation;
import org.jboss.logging.Logger;

/**
 * ActivateJobs with long polling. A request that finds no job is parked (no thread waits for it);
 * it is answered when a job of its type is signalled (commit in this process, NOTIFY from another)
 * or when its request timeout passes.
 */
@ApplicationScoped
public class ActivationLongPoll {

  private static final Logger LOG = Logger.getLogger(ActivationLongPoll.class);

  private final class Parked {
    final Activation activation;
    final CompletableFuture<List<ActivatedJob>> answer;
    final long deadline;
    final AtomicBoolean claimed = new AtomicBoolean();

    Parked(Activation activation, CompletableFuture<List<ActivatedJob>> answer, long deadline) {
      this.activation = activation;
      this.answer = answer;
      this.deadline = deadline;
    }
  }

  private final class TypeQueue {
    final ConcurrentLinkedDeque<Parked> parked = new ConcurrentLinkedDeque<>();
    final AtomicLong signals = new AtomicLong();
    final AtomicInteger wip = new AtomicInteger();
    final String type;

    TypeQueue(String type) {
      this.type = type;
    }

    void wake() {
      signals.incrementAndGet();
      if (!parked.isEmpty() && wip.getAndIncrement() == 0) {
        executor.submitActivation(this::drain);
      }
    }

    private void drain() {
      int missed = 1;
      do {
        drainOnce();
        missed = wip.addAndGet(-missed);
      } while (missed != 0);
    }

    private void drainOnce() {
      for (Parked request : parked) {
        if (request.answer.isDone() || !request.claimed.compareAndSet(false, true)) {
          parked.remove(request);
          continue;
        }
        List<ActivatedJob> jobs;
        try {
          jobs = jobService.activate(request.activation);
        } catch (RuntimeException e) {
          parked.remove(request);
          request.answer.completeExceptionally(e);
          continue;
        }
        if (!jobs.isEmpty()) {
          parked.remove(request);
          request.answer.complete(jobs);
          continue;
        }
        if (System.currentTimeMillis() >= request.deadline) {
          parked.remove(request);
          request.answer.complete(List.of());
          continue;
        }
        request.claimed.set(false);
        return; // no more jobs of this type right now
      }
    }
  }

  private final JobActivator jobService;
  private final CommandExecutor executor;
  private final ScheduledExecutorService scheduler;
  private final JobStreams streams;
  private final Map<String, TypeQueue> queues = new ConcurrentHashMap<>();

  ActivationLongPoll(
      JobActivator jobService,
      CommandExecutor executor,
      EngineScheduler scheduler,
      EngineSignals signals,
      JobStreams streams) {
    this.jobService = jobService;
    this.executor = executor;
    this.scheduler = scheduler.executor();
    this.streams = streams;
    signals.onJobsAvailable(this::jobsAvailable);
    streams.onLeftover(this::wakeParked);
  }

  /**
   * Jobs of a type became activatable (created or released here, or NOTIFY from another replica).
   * Open job streams get them first (pushed); whatever they do not take wakes parked long polls.
   * Either way the hand-off runs on the activation pool at once, not behind queued commands.
   */
  public void jobsAvailable(String type) {
    if (!streams.push(type)) {
      wakeParked(type);
    }
  }

  private void wakeParked(String type) {
    TypeQueue queue = queues.get(type);
    if (queue != null) {
      queue.wake();
    }
  }

  /** Job types some request or stream is waiting for; the sweep re-checks them. */
  public Set<String> waitingTypes() {
    var types = new java.util.HashSet<String>(streams.streamedTypes());
    queues.forEach(
        (type, queue) -> {
          if (!queue.parked.isEmpty()) {
            types.add(type);
          }
        });
    return types;
  }

  /**
   * Activates jobs now or parks the request until jobs come or the long poll times out. Runs on an
   * activation thread; the answer is completed (with the jobs, possibly none) from whichever thread
   * finds them. A request whose answer is already done (cancelled by the client) is dropped.
   *
   * @param longPollTimeout how long to wait for jobs; negative: answer at once
   */
  public void activate(
      Activation activation, long longPollTimeout, CompletableFuture<List<ActivatedJob>> answer) {
    TypeQueue queue = queues.computeIfAbsent(activation.type(), TypeQueue::new);
    long signalsBefore = queue.signals.get();
    List<ActivatedJob> jobs = jobService.activate(activation);
    if (!jobs.isEmpty() || longPollTimeout < 0) {
      answer.complete(jobs);
      return;
    }
    var request = new Parked(activation, answer, System.currentTimeMillis() + longPollTimeout);
    queue.parked.add(request);
    scheduler.schedule(
        () -> {
          if (request.claimed.compareAndSet(false, true)) {
            queue.parked.remove(request);
            answer.complete(List.of());
          }
        },
        longPollTimeout,
        TimeUnit.MILLISECONDS);
    if (queue.signals.get() != signalsBefore) {
      queue.wake(); // a job arrived between our attempt and parking
    }
  }
}
