package org.clearance.engine.job;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.clearance.engine.command.EngineScheduler;
import org.clearance.engine.command.EngineSignals;
import org.clearance.engine.config.EngineConfig;
import org.clearance.engine.db.Db;
import org.clearance.engine.db.Json;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.RecordBatch;
import org.clearance.engine.record.ValueType;
import org.jboss.logging.Logger;

/**
 * Periodic housekeeping, safe to run in every replica at once (SKIP LOCKED): releases activated
 * jobs whose deadline passed (they become activatable again), wakes parked requests whose jobs
 * became due (timeouts, back-offs, missed notifications), refreshes the gauges and drops results
 * nobody collected.
 */
@ApplicationScoped
public class JobSweeper {

  private static final Logger LOG = Logger.getLogger(JobSweeper.class);

  private final Db db;
  private final EngineSignals signals;
  private final ActivationLongPoll longPoll;
  private final EngineScheduler scheduler;
  private final EngineConfig config;
  private final AtomicLong activeInstances = new AtomicLong();
  private final AtomicLong openIncidents = new AtomicLong();
  private long sweeps;

  JobSweeper(
      Db db,
      EngineSignals signals,
      ActivationLongPoll longPoll,
      EngineScheduler scheduler,
      EngineConfig config,
      MeterRegistry registry) {
    this.db = db;
    this.signals = signals;
    this.longPoll = longPoll;
    this.scheduler = scheduler;
    this.config = config;
    Gauge.builder("engine.process.instances.active", activeInstances, AtomicLong::get)
        .description("Running process instances")
        .register(registry);
    Gauge.builder("engine.incidents.open", openIncidents, AtomicLong::get)
        .description("Unresolved incidents")
        .register(registry);
  }

  void start(@Observes StartupEvent event) {
    scheduler
        .executor()
        .scheduleWithFixedDelay(
            this::sweepSafely,
            config.sweepInterval(),
            config.sweepInterval(),
            TimeUnit.MILLISECONDS);
  }

  private void sweepSafely() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warnf("Sweep failed: %s", e.getMessage());
    }
  }

  public void sweep() {
    long now = System.currentTimeMillis();
    Set<String> released = releaseTimedOutJobs(now);
    released.forEach(signals::jobsAvailable);
    Set<String> waiting = longPoll.waitingTypes();
    if (!waiting.isEmpty()) {
      Set<String> due = dueTypes(waiting, now);
      due.forEach(longPoll::jobsAvailable);
    }
    if (sweeps++ % 5 == 0) {
      refreshGauges();
    }
  }

  private Set<String> releaseTimedOutJobs(long now) {
    return db.inTransaction(
        connection -> {
          var types = new LinkedHashSet<String>();
          var records = new RecordBatch();
          try (var statement =
              connection.prepareStatement(
                  "UPDATE engine.job j SET state = 0, worker = NULL FROM (SELECT key FROM engine.job"
                      + " WHERE state = 1 AND due_at <= ? LIMIT 1000 FOR UPDATE SKIP LOCKED) due"
                      + " WHERE j.key = due.key RETURNING j.key, j.type, j.process_instance_key,"
                      + " j.element_id, j.retries")) {
            statement.setLong(1, now);
            try (var rs = statement.executeQuery()) {
              while (rs.next()) {
                types.add(rs.getString(2));
                var value = Json.object();
                value.put("type", rs.getString(2));
                value.put("elementId", rs.getString(4));
                value.put("retries", rs.getInt(5));
                records.add(rs.getLong(1), ValueType.JOB, Intent.TIMED_OUT, rs.getLong(3), value);
              }
            }
          }
          records.flush(connection);
          if (sweeps % 60 == 0) {
            try (var statement =
                connection.prepareStatement(
                    "DELETE FROM engine.instance_result WHERE completed_at < now() - interval '10 minutes'")) {
              statement.executeUpdate();
            }
          }
          return types;
        });
  }

  private Set<String> dueTypes(Set<String> types, long now) {
    return db.inTransaction(
        connection -> {
          var due = new LinkedHashSet<String>();
          try (var statement =
              connection.prepareStatement(
                  "SELECT DISTINCT type FROM engine.job WHERE type = ANY(?) AND due_at <= ?")) {
            statement.setArray(1, connection.createArrayOf("text", types.toArray()));
            statement.setLong(2, now);
            try (var rs = statement.executeQuery()) {
              while (rs.next()) {
                due.add(rs.getString(1));
              }
            }
          }
          return due;
        });
  }

  private void refreshGauges() {
    db.inTransaction(
        connection -> {
          try (var statement = connection.createStatement();
              var rs =
                  statement.executeQuery(
                      "SELECT (SELECT count(*) FROM engine.process_instance),"
                          + " (SELECT count(*) FROM engine.incident)")) {
            rs.next();
            activeInstances.set(rs.getLong(1));
            openIncidents.set(rs.getLong(2));
          }
          return null;
        });
  }
}
