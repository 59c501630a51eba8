package org.clearance.engine.command;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** One small scheduler for timeouts of parked requests, back-offs and the periodic sweep. */
@ApplicationScoped
public class EngineScheduler {

  private final ScheduledExecutorService executor =
      Executors.newScheduledThreadPool(
          1, Thread.ofPlatform().daemon().name("engine-scheduler-", 0).factory());

  public ScheduledExecutorService executor() {
    return executor;
  }

  void stop(@Observes ShutdownEvent event) {
    executor.shutdownNow();
  }
}
