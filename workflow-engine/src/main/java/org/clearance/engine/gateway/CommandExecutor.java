package org.clearance.engine.gateway;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.clearance.engine.config.EngineConfig;

/**
 * The threads that run commands against the database, off the gRPC event loop. The queue is
 * bounded: when it is full the gateway answers RESOURCE_EXHAUSTED instead of queueing without
 * limit.
 */
@ApplicationScoped
public class CommandExecutor {

  private final ThreadPoolExecutor executor;

  CommandExecutor(EngineConfig config) {
    executor =
        new ThreadPoolExecutor(
            config.commandThreads(),
            config.commandThreads(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(config.commandQueueCapacity()),
            Thread.ofPlatform().daemon().name("engine-command-", 0).factory(),
            new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * @throws Rejection of type RESOURCE_EXHAUSTED when the engine is saturated
   */
  public void submit(Runnable command) {
    try {
      executor.execute(command);
    } catch (RejectedExecutionException e) {
      throw new Rejection(
          Rejection.Type.RESOURCE_EXHAUSTED,
          "The engine is saturated (%d commands queued); retry later"
              .formatted(executor.getQueue().size()));
    }
  }

  /** For internal work (long-poll wake-ups) that must not be refused. */
  public void submitInternal(Runnable work) {
    try {
      executor.execute(work);
    } catch (RejectedExecutionException e) {
      // saturated: the periodic sweep wakes parked requests again shortly
    }
  }

  void stop(@Observes ShutdownEvent event) {
    executor.shutdown();
  }
}
