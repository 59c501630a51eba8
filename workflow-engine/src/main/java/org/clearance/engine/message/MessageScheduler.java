package org.clearance.engine.message;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import org.clearance.engine.command.EngineScheduler;
import org.clearance.engine.config.EngineConfig;
import org.jboss.logging.Logger;

/**
 * The message side of the schedulers: every {@code timer-max-idle} it deletes messages whose
 * time-to-live passed and runs correlations that a stopped replica left pending, and finishes the
 * signal broadcasts and deliveries a stopped replica left behind.
 */
@ApplicationScoped
public class MessageScheduler {

  private static final Logger LOG = Logger.getLogger(MessageScheduler.class);

  private final MessageService messages;
  private final SignalBroadcasts signals;
  private final EngineScheduler scheduler;
  private final EngineConfig config;

  MessageScheduler(
      MessageService messages,
      SignalBroadcasts signals,
      EngineScheduler scheduler,
      EngineConfig config) {
    this.messages = messages;
    this.signals = signals;
    this.scheduler = scheduler;
    this.config = config;
  }

  void start(@Observes StartupEvent event) {
    scheduler
        .executor()
        .scheduleWithFixedDelay(
            this::run, config.timerMaxIdle(), config.timerMaxIdle(), TimeUnit.MILLISECONDS);
  }

  private void run() {
    try {
      messages.expireMessages();
      messages.retryPendingCorrelations();
      signals.finishLeftBehind();
    } catch (RuntimeException e) {
      LOG.warnf("Message scheduling failed: %s", e.getMessage());
    }
  }
}
