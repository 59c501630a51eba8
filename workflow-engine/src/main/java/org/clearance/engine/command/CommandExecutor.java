package org.clearance.engine.command;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.clearance.engine.config.EngineConfig;
import org.jboss.logging.Logger;

/**
 * The threads that run commands against the database, off the gRPC event loop, with backpressure.
 *
 * <p>Two lanes share the command threads. The <em>job-result</em> lane (CompleteJob, FailJob,
 * ThrowError) is always served first and is never refused for load: finishing work that is already
 * in flight is what drains an overloaded engine, and Zeebe likewise keeps accepting completions and
 * failures under backpressure. Everything else is the <em>normal</em> lane, and a normal command is
 * refused with RESOURCE_EXHAUSTED when
 *
 * <ul>
 *   <li>the oldest queued command (of either lane) has waited longer than {@code max-queue-wait}:
 *       the engine is behind by more than a client should have to wait, so queueing more would only
 *       make every answer later; or
 *   <li>the normal lane holds {@code command-queue-capacity} commands (a memory bound).
 * </ul>
 *
 * The job-result lane has only a large memory bound ({@code job-result-queue-capacity}).
 *
 * <p>Normal commands run on at most {@code normal-command-threads} of the command threads at once.
 * The rest are kept for job results, and the CPU they would take stays with job activation: on a
 * saturated engine, instance creation otherwise crowds out the activations and completions that
 * finish instances, and the backlog of started instances grows while fewer of them complete.
 *
 * <p>ActivateJobs, long-poll wake-ups and job pushes do not run here at all: they run on a separate
 * small activation pool, so parked requests and busy workers never count against the bound and job
 * hand-off is not queued behind instance creation.
 */
@ApplicationScoped
public class CommandExecutor {

  private static final Logger LOG = Logger.getLogger(CommandExecutor.class);

  /** Which lane a command waits in. */
  public enum Lane {
    /** Complete, fail or throw an error for a job: served first, never refused for load. */
    JOB_RESULT,
    /** Everything else (create, cancel, deploy, set variables, ...). */
    NORMAL
  }

  private record Queued(Runnable command, long enqueuedAt) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition available = lock.newCondition();
  private final ArrayDeque<Queued> jobResults = new ArrayDeque<>();
  private final ArrayDeque<Queued> normal = new ArrayDeque<>();
  private final int normalCapacity;
  private final int normalThreads;
  private int runningNormal;
  private final int jobResultCapacity;
  private final long maxQueueWaitNanos;
  private final LongSupplier clock;
  private final List<Thread> threads = new ArrayList<>();
  private final ExecutorService activation;
  private volatile boolean running = true;

  @Inject
  CommandExecutor(EngineConfig config, MeterRegistry registry) {
    this(
        config.commandThreads(),
        Math.max(1, Math.min(config.normalCommandThreads(), config.commandThreads())),
        config.commandQueueCapacity(),
        config.jobResultQueueCapacity(),
        TimeUnit.MILLISECONDS.toNanos(config.maxQueueWait()),
        config.activationThreads(),
        System::nanoTime);
    Gauge.builder("engine.command.queue", normal, q -> size(Lane.NORMAL))
        .description("Commands waiting for a thread")
        .tag("lane", "normal")
        .register(registry);
    Gauge.builder("engine.command.queue", jobResults, q -> size(Lane.JOB_RESULT))
        .description("Commands waiting for a thread")
        .tag("lane", "job-result")
        .register(registry);
  }

  /** For tests: a clock of nanoseconds decides how long commands have waited. */
  CommandExecutor(
      int threadCount,
      int normalThreads,
      int normalCapacity,
      int jobResultCapacity,
      long maxQueueWaitNanos,
      int activationThreads,
      LongSupplier clock) {
    this.normalCapacity = normalCapacity;
    this.normalThreads = normalThreads;
    this.jobResultCapacity = jobResultCapacity;
    this.maxQueueWaitNanos = maxQueueWaitNanos;
    this.clock = clock;
    var factory = Thread.ofPlatform().daemon().name("engine-command-", 0).factory();
    for (int i = 0; i < threadCount; i++) {
      Thread thread = factory.newThread(this::work);
      threads.add(thread);
      thread.start();
    }
    this.activation =
        new ThreadPoolExecutor(
            activationThreads,
            activationThreads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            Thread.ofPlatform().daemon().name("engine-activation-", 0).factory());
  }

  /**
   * Queues a command of the normal lane.
   *
   * @throws Rejection of type RESOURCE_EXHAUSTED when the engine is saturated
   */
  public void submit(Runnable command) {
    submit(Lane.NORMAL, command);
  }

  /**
   * @throws Rejection of type RESOURCE_EXHAUSTED when the engine is saturated
   */
  public void submit(Lane lane, Runnable command) {
    lock.lock();
    try {
      long now = clock.getAsLong();
      if (lane == Lane.JOB_RESULT) {
        if (jobResults.size() >= jobResultCapacity) {
          throw exhausted("%d job results queued".formatted(jobResults.size()));
        }
        jobResults.addLast(new Queued(command, now));
      } else {
        long waited = oldestWait(now);
        if (waited > maxQueueWaitNanos) {
          throw exhausted(
              "the oldest queued command has waited %d ms"
                  .formatted(TimeUnit.NANOSECONDS.toMillis(waited)));
        }
        if (normal.size() >= normalCapacity) {
          throw exhausted("%d commands queued".formatted(normal.size()));
        }
        normal.addLast(new Queued(command, now));
      }
      available.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs a command handler in its lane and completes the answer with its result, or with the {@link
   * Rejection} (or other failure) it threw. A refusal for load completes the answer at once. This
   * is how a front door that answers asynchronously (the REST gateway) runs commands.
   */
  public <Q, R> CompletableFuture<R> call(CommandHandler<Q, R> handler, Supplier<Q> request) {
    var answer = new CompletableFuture<R>();
    try {
      submit(
          handler.lane(),
          () -> {
            try {
              answer.complete(handler.execute(request.get()));
            } catch (RuntimeException | Error e) {
              answer.completeExceptionally(e);
            }
          });
    } catch (Rejection rejection) {
      answer.completeExceptionally(rejection);
    }
    return answer;
  }

  /**
   * Job activation work (ActivateJobs, long-poll wake-ups, job pushes): its own pool, not counted
   * against the command bound. Never refused.
   */
  public void submitActivation(Runnable work) {
    try {
      activation.execute(work);
    } catch (RejectedExecutionException e) {
      LOG.debug("Activation pool stopped; dropping work");
    }
  }

  /** For internal work that must not be refused (long-poll wake-ups). */
  public void submitInternal(Runnable work) {
    submitActivation(work);
  }

  int size(Lane lane) {
    lock.lock();
    try {
      return lane == Lane.NORMAL ? normal.size() : jobResults.size();
    } finally {
      lock.unlock();
    }
  }

  private long oldestWait(long now) {
    long oldest = Long.MAX_VALUE;
    if (!normal.isEmpty()) {
      oldest = normal.peekFirst().enqueuedAt();
    }
    if (!jobResults.isEmpty()) {
      oldest = Math.min(oldest, jobResults.peekFirst().enqueuedAt());
    }
    return oldest == Long.MAX_VALUE ? 0 : now - oldest;
  }

  private static Rejection exhausted(String why) {
    return new Rejection(
        Rejection.Type.RESOURCE_EXHAUSTED,
        "The engine is saturated (%s); retry later".formatted(why));
  }

  private void work() {
    while (running) {
      Runnable next;
      boolean isNormal;
      lock.lock();
      try {
        Queued queued;
        while (true) {
          if (!running) {
            return;
          }
          queued = jobResults.pollFirst();
          if (queued != null) {
            isNormal = false;
            break;
          }
          if (runningNormal < normalThreads && (queued = normal.pollFirst()) != null) {
            isNormal = true;
            runningNormal++;
            break;
          }
          available.await();
        }
        next = queued.command();
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      try {
        next.run();
      } catch (RuntimeException | Error e) {
        LOG.errorf(e, "Command failed outside its own error handling");
      } finally {
        if (isNormal) {
          lock.lock();
          try {
            runningNormal--;
            if (!normal.isEmpty()) {
              available.signal();
            }
          } finally {
            lock.unlock();
          }
        }
      }
    }
  }

  void stop(@Observes ShutdownEvent event) {
    shutdown();
  }

  void shutdown() {
    running = false;
    threads.forEach(Thread::interrupt);
    activation.shutdown();
  }
}
