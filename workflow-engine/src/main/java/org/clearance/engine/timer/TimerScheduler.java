package org.clearance.engine.timer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearance.engine.command.EngineSignals;
import org.clearance.engine.db.Db;
import org.clearance.engine.db.Json;
import org.clearance.engine.db.KeyGenerator;
import org.clearance.engine.deployment.ExecutableProcess;
import org.clearance.engine.deployment.ProcessCache;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.BpmnProcessor;
import org.clearance.engine.runtime.CommitEffects;
import org.clearance.engine.runtime.Execution;
import org.clearance.engine.runtime.InstanceRepository;
import org.jboss.logging.Logger;

/**
 * Fires due timers. One thread per replica sleeps until the earliest due timer (at most {@code
 * clearance.engine.timer-max-idle} ms, which bounds how late a timer created by another replica can
 * be seen) and is woken early when a nearer timer is created here or, via NOTIFY, elsewhere. A
 * timer fires in the transaction that locks its instance first and then claims the timer row with
 * SKIP LOCKED, so with any number of replicas each timer fires exactly once; timers that fell due
 * while no engine ran fire at start-up. It learns of new timers from the engine's after-commit
 * signal ({@code EngineSignals#timerScheduled}), here and from other replicas.
 */
@ApplicationScoped
public class TimerScheduler {

  private static final Logger LOG = Logger.getLogger(TimerScheduler.class);
  private static final int BATCH = 100;

  private final Db db;
  private final KeyGenerator keys;
  private final InstanceRepository instances;
  private final ProcessCache processes;
  private final CommitEffects effects;
  private final EngineClock clock;
  private final EngineSignals signals;
  private final long maxIdle;
  private final Counter triggered;
  private final Object monitor = new Object();
  private long plannedWakeUp = Long.MAX_VALUE;
  private long requestedWakeUp = Long.MAX_VALUE;
  private volatile boolean running;
  private Thread thread;

  TimerScheduler(
      Db db,
      KeyGenerator keys,
      InstanceRepository instances,
      ProcessCache processes,
      CommitEffects effects,
      EngineClock clock,
      EngineSignals signals,
      MeterRegistry registry,
      org.clearance.engine.config.EngineConfig config) {
    this.db = db;
    this.keys = keys;
    this.instances = instances;
    this.processes = processes;
    this.effects = effects;
    this.clock = clock;
    this.signals = signals;
    this.maxIdle = config.timerMaxIdle();
    this.triggered =
        Counter.builder("engine.timers.triggered")
            .description("Timers that fired")
            .register(registry);
  }

  void start(@Observes StartupEvent event) {
    signals.onTimerScheduled(this::scheduleWakeUp);
    running = true;
    thread = Thread.ofPlatform().daemon().name("engine-timers").start(this::loop);
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** A timer due at this time (engine clock) exists or will exist shortly: be awake for it. */
  public void scheduleWakeUp(long dueAt) {
    synchronized (monitor) {
      requestedWakeUp = Math.min(requestedWakeUp, dueAt);
      if (dueAt < plannedWakeUp) {
        monitor.notifyAll();
      }
    }
  }

  private void loop() {
    while (running) {
      try {
        fireDueTimers();
      } catch (RuntimeException e) {
        LOG.warnf("Timer scheduling failed: %s", e.getMessage());
      }
      try {
        long next = nextDueAt();
        synchronized (monitor) {
          long now = clock.now();
          long wakeUp = Math.min(Math.min(next, requestedWakeUp), now + maxIdle);
          requestedWakeUp = Long.MAX_VALUE;
          if (wakeUp > now) {
            plannedWakeUp = wakeUp;
            monitor.wait(wakeUp - now);
          }
          plannedWakeUp = Long.MAX_VALUE;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warnf("Timer scheduling failed: %s", e.getMessage());
        pause();
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private long nextDueAt() {
    return db.inTransaction(
        connection -> {
          try (var statement = connection.createStatement();
              var rs = statement.executeQuery("SELECT min(due_at) FROM engine.timer")) {
            rs.next();
            long next = rs.getLong(1);
            return rs.wasNull() ? Long.MAX_VALUE : next;
          }
        });
  }

  /**
   * Fires every timer that is due now (engine clock). Safe to call from any thread and any replica
   * at once; tests call it after moving the clock.
   *
   * @return how many timers fired here
   */
  public int fireDueTimers() {
    int fired = 0;
    while (true) {
      long now = clock.now();
      List<long[]> due =
          db.inTransaction(
              connection -> {
                var rows = new ArrayList<long[]>();
                try (var statement =
                    connection.prepareStatement(
                        "SELECT key, coalesce(process_instance_key, 0) FROM engine.timer"
                            + " WHERE due_at <= ? ORDER BY due_at, key LIMIT ?")) {
                  statement.setLong(1, now);
                  statement.setInt(2, BATCH);
                  try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                      rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                  }
                }
                return rows;
              });
      int before = fired;
      for (long[] timer : due) {
        try {
          if (fire(timer[0], timer[1])) {
            fired++;
          }
        } catch (RuntimeException e) {
          LOG.warnf("Timer %d could not fire: %s", timer[0], e.getMessage());
        }
      }
      if (due.size() < BATCH || fired == before) {
        return fired;
      }
    }
  }

  private boolean fire(long timerKey, long processInstanceKey) {
    Execution execution =
        db.inTransaction(
            connection -> {
              Execution locked = null;
              if (processInstanceKey != 0) {
                locked = instances.lock(connection, processInstanceKey);
              }
              TimerRow timer = claim(connection, timerKey);
              if (timer == null) {
                return null; // fired or cancelled meanwhile, maybe by another replica
              }
              long now = clock.now();
              if (processInstanceKey == 0) {
                return startInstance(connection, timer, now);
              }
              if (locked == null) {
                return null; // the instance is gone; the claimed row is deleted with this commit
              }
              locked.record(
                  timer.key(),
                  ValueType.TIMER,
                  Intent.TRIGGERED,
                  timerValue(timer, locked.state().processInstanceKey()));
              var processor = new BpmnProcessor(locked);
              long owner = timer.elementInstanceKey();
              processor.triggerEvent(owner, timer.elementId(), Map.of());
              if (timer.repeats() && processor.isWaitingFor(owner, timer.elementId())) {
                TimerRow next = timer.next(locked.nextKey(), now);
                locked.events().addTimer(next);
                locked.record(
                    next.key(),
                    ValueType.TIMER,
                    Intent.CREATED,
                    timerValue(next, timer.processInstanceKey()));
              }
              effects.flush(locked);
              return locked;
            });
    if (execution == null) {
      return false;
    }
    triggered.increment();
    effects.afterCommit(execution);
    return true;
  }

  private Execution startInstance(Connection connection, TimerRow timer, long now)
      throws SQLException {
    ExecutableProcess process = processes.byKey(connection, timer.processDefinitionKey());
    Execution started = instances.start(connection, process);
    started.record(
        timer.key(),
        ValueType.TIMER,
        Intent.TRIGGERED,
        timerValue(timer, started.state().processInstanceKey()));
    new BpmnProcessor(started).startProcessAt(timer.elementId(), Map.of());
    if (timer.repeats()) {
      TimerRow next = timer.next(keys.nextKey(connection), now);
      started.record(next.key(), ValueType.TIMER, Intent.CREATED, timerValue(next, null));
      started.events().addTimer(next);
    }
    effects.flush(started);
    LOG.debugf(
        "Timer start event %s started an instance of %s", timer.elementId(), timer.bpmnProcessId());
    return started;
  }

  private static TimerRow claim(Connection connection, long timerKey) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "DELETE FROM engine.timer WHERE key = (SELECT key FROM engine.timer WHERE key = ?"
                + " FOR UPDATE SKIP LOCKED) RETURNING "
                + TimerRow.COLUMNS)) {
      statement.setLong(1, timerKey);
      try (var rs = statement.executeQuery()) {
        return rs.next() ? TimerRow.read(rs) : null;
      }
    }
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode timerValue(
      TimerRow timer, Long processInstanceKey) {
    var value = Json.object();
    value.put("targetElementId", timer.elementId());
    value.put("dueDate", timer.dueAt());
    value.put("repetitions", timer.repetitions());
    value.put("bpmnProcessId", timer.bpmnProcessId());
    value.put("processDefinitionKey", timer.processDefinitionKey());
    if (processInstanceKey != null) {
      value.put("processInstanceKey", processInstanceKey);
    }
    if (timer.elementInstanceKey() != null) {
      value.put("elementInstanceKey", timer.elementInstanceKey());
    }
    return value;
  }
}
