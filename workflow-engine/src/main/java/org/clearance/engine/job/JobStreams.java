package org.clearance.engine.job;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearance.engine.command.CommandExecutor;
import org.clearance.engine.command.Tenants;
import org.clearance.engine.job.JobActivator.Activation;
import org.jboss.logging.Logger;

/**
 * StreamActivatedJobs: long-lived streams that jobs are pushed to as they become activatable, as
 * Zeebe's job streaming does. A job of a type with an open, ready stream is activated for one of
 * the streams (round robin) and pushed; if no stream can take it (none open, or gRPC flow control
 * says the client is not reading), it stays activatable and polling workers get it. A job whose
 * push fails (the stream went away) is yielded back at once, so it does not wait for its timeout.
 *
 * <p>Streams are registered per replica: a job created on another replica reaches this replica's
 * streams through the NOTIFY that also wakes long polls.
 */
@ApplicationScoped
public class JobStreams {

  private static final Logger LOG = Logger.getLogger(JobStreams.class);
  static final int PUSH_BATCH = 32;

  /** Where a stream's jobs go: the gateway's side of one open stream (a gRPC call). */
  public interface Sink {
    /** Whether the client reads (flow control): jobs are pushed only to ready streams. */
    boolean isReady();

    /** Whether the client went away; a job sent to a cancelled stream counts as undelivered. */
    boolean isCancelled();

    /** Sends one job; throws if it cannot. */
    void send(ActivatedJob job);
  }

  /** One open stream. {@link #close()} removes it (the client cancelled). */
  public final class Stream {
    final Activation activation;
    final Sink observer;
    final AtomicBoolean closed = new AtomicBoolean();

    Stream(Activation activation, Sink observer) {
      this.activation = activation;
      this.observer = observer;
    }

    public void close() {
      remove(this);
    }

    boolean ready() {
      return !closed.get() && observer.isReady() && !observer.isCancelled();
    }
  }

  private final class TypeStreams {
    final String type;
    final CopyOnWriteArrayList<Stream> streams = new CopyOnWriteArrayList<>();
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger wip = new AtomicInteger();

    TypeStreams(String type) {
      this.type = type;
    }

    void schedule() {
      if (wip.getAndIncrement() == 0) {
        executor.submitActivation(this::drain);
      }
    }

    private void drain() {
      int missed = 1;
      do {
        boolean maybeMore;
        try {
          maybeMore = pushOnce();
        } catch (RuntimeException e) {
          LOG.warnf("Pushing jobs of type %s failed: %s", type, e.getMessage());
          maybeMore = true;
        }
        if (maybeMore) {
          leftover.accept(type);
        }
        missed = wip.addAndGet(-missed);
      } while (missed != 0);
    }

    /**
     * Pushes, for each set of tenants the ready streams ask for, until no job or no ready stream is
     * left; true if jobs may be left for polling (also when some tenant's jobs have no stream
     * here).
     */
    private boolean pushOnce() {
      var tenantSets = new LinkedHashSet<List<String>>();
      for (Stream stream : streams) {
        if (stream.ready()) {
          tenantSets.add(stream.activation.tenantIds());
        }
      }
      if (tenantSets.isEmpty()) {
        return true;
      }
      boolean left = false;
      for (List<String> tenants : tenantSets) {
        left |= pushOnce(tenants);
      }
      return left
          || tenantSets.size() > 1
          || !tenantSets.iterator().next().equals(List.of(Tenants.DEFAULT_TENANT));
    }

    private boolean pushOnce(List<String> tenants) {
      while (true) {
        Stream stream = pick(tenants);
        if (stream == null) {
          return true;
        }
        var activation =
            new Activation(
                type,
                stream.activation.worker(),
                stream.activation.timeout(),
                PUSH_BATCH,
                stream.activation.fetchVariables(),
                stream.activation.tenantIds());
        List<ActivatedJob> jobs = jobService.activate(activation);
        var undelivered = new ArrayList<Long>();
        for (ActivatedJob job : jobs) {
          if (!send(stream, job)) {
            undelivered.add(job.key());
            Stream other = pick(tenants);
            if (other != null && send(other, job)) {
              undelivered.remove(job.key());
              stream = other;
            }
          }
        }
        if (!undelivered.isEmpty()) {
          jobService.yieldJobs(undelivered);
        }
        if (jobs.size() < PUSH_BATCH) {
          return !undelivered.isEmpty();
        }
      }
    }

    private Stream pick(List<String> tenants) {
      int size = streams.size();
      for (int i = 0; i < size; i++) {
        int index = Math.floorMod(next.getAndIncrement(), Math.max(1, streams.size()));
        if (index >= streams.size()) {
          continue;
        }
        Stream stream = streams.get(index);
        if (stream.ready() && stream.activation.tenantIds().equals(tenants)) {
          return stream;
        }
      }
      return null;
    }

    private boolean send(Stream stream, ActivatedJob job) {
      if (stream.closed.get()) {
        return false;
      }
      try {
        synchronized (stream) {
          stream.observer.send(job);
        }
        if (stream.observer.isCancelled()) {
          // gRPC drops messages to a cancelled call silently: treat as not delivered
          remove(stream);
          return false;
        }
        pushed.increment();
        return true;
      } catch (RuntimeException e) {
        LOG.debugf("Could not push job %d: %s", job.key(), e.getMessage());
        remove(stream);
        return false;
      }
    }
  }

  private final JobActivator jobService;
  private final CommandExecutor executor;
  private final Map<String, TypeStreams> byType = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();
  private final Counter pushed;
  private volatile java.util.function.Consumer<String> leftover = type -> {};

  JobStreams(JobActivator jobService, CommandExecutor executor, MeterRegistry registry) {
    this.jobService = jobService;
    this.executor = executor;
    this.pushed =
        Counter.builder("engine.jobs.pushed")
            .description("Jobs pushed to StreamActivatedJobs streams")
            .register(registry);
    Gauge.builder("engine.job.streams", open, AtomicInteger::get)
        .description("Open StreamActivatedJobs streams")
        .register(registry);
  }

  /**
   * Registers a stream. The gateway closes it when the client cancels and calls {@link #push} for
   * its type when the client becomes ready again.
   */
  public Stream open(Activation activation, Sink sink) {
    var stream = new Stream(activation, sink);
    TypeStreams streams = byType.computeIfAbsent(activation.type(), TypeStreams::new);
    streams.streams.add(stream);
    open.incrementAndGet();
    LOG.debugf("Job stream opened for type %s by %s", activation.type(), activation.worker());
    // jobs that are already waiting go to the new stream too
    push(activation.type());
    return stream;
  }

  /** Who is told about jobs that no stream took (the long polls). */
  void onLeftover(java.util.function.Consumer<String> listener) {
    this.leftover = listener;
  }

  private void remove(Stream stream) {
    if (stream.closed.compareAndSet(false, true)) {
      TypeStreams streams = byType.get(stream.activation.type());
      if (streams != null) {
        streams.streams.remove(stream);
      }
      open.decrementAndGet();
    }
  }

  public boolean hasStreams(String type) {
    TypeStreams streams = byType.get(type);
    return streams != null && !streams.streams.isEmpty();
  }

  /**
   * Pushes available jobs of a type to its streams, off the caller's thread. Returns false (and
   * does nothing) when no stream is open for the type. Jobs that may remain because no stream took
   * them are offered to the {@link #onLeftover leftover listener}.
   */
  public boolean push(String type) {
    TypeStreams streams = byType.get(type);
    if (streams == null || streams.streams.isEmpty()) {
      return false;
    }
    streams.schedule();
    return true;
  }

  /** Types with an open stream; the sweep re-checks them like parked long polls. */
  public java.util.Set<String> streamedTypes() {
    var types = new java.util.HashSet<String>();
    byType.forEach(
        (type, streams) -> {
          if (!streams.streams.isEmpty()) {
            types.add(type);
          }
        });
    return types;
  }

  /** Open streams (all types); for tests and the gauge. */
  public int openStreams() {
    return open.get();
  }

  /** Jobs pushed so far; for tests. */
  public long pushedJobs() {
    return (long) pushed.count();
  }
}
