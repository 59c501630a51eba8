package org.clearance.engine.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clearance.engine.command.EngineScheduler;
import org.clearance.engine.command.EngineSignals;
import org.clearance.engine.db.Db;
import org.clearance.engine.db.Json;
import org.clearance.engine.db.KeyGenerator;
import org.clearance.engine.deployment.ExecutableProcess;
import org.clearance.engine.deployment.ProcessCache;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.RecordBatch;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.BpmnProcessor;
import org.clearance.engine.runtime.CommitEffects;
import org.clearance.engine.runtime.Execution;
import org.clearance.engine.runtime.InstanceRepository;
import org.jboss.logging.Logger;

/**
 * Signals, as Zeebe documents them: a broadcast starts one instance of every process whose latest
 * version has a signal start event of that name, and reaches every signal catch event
 * (intermediate, boundary, event sub-process start) that waits for it, in the signal's tenant only.
 * Unlike a message, a signal has no correlation key, is not buffered (only what waits at the
 * broadcast is reached) and triggers every waiting catch event of an instance, not just one.
 *
 * <p>The broadcast notes, in one transaction, the subscriptions it must reach ({@code
 * engine.signal_pending}) and starts the instances; each waiting instance is then reached in its
 * own transaction holding its lock, as messages are. A signal thrown by a process instance is
 * written in that instance's transaction and broadcast after its commit ({@link EngineSignals});
 * the message scheduler finishes broadcasts and deliveries a stopped replica left behind.
 */
@ApplicationScoped
public class SignalBroadcasts {

  private static final Logger LOG = Logger.getLogger(SignalBroadcasts.class);

  private record Broadcast(long key, List<Long> waiting, List<Execution> started) {}

  private final Db db;
  private final KeyGenerator keys;
  private final InstanceRepository instances;
  private final ProcessCache processes;
  private final CommitEffects effects;
  private final EngineSignals signals;
  private final EngineScheduler scheduler;
  private final Counter broadcasts;

  SignalBroadcasts(
      Db db,
      KeyGenerator keys,
      InstanceRepository instances,
      ProcessCache processes,
      CommitEffects effects,
      EngineSignals signals,
      EngineScheduler scheduler,
      MeterRegistry registry) {
    this.scheduler = scheduler;
    this.db = db;
    this.keys = keys;
    this.instances = instances;
    this.processes = processes;
    this.effects = effects;
    this.signals = signals;
    this.broadcasts =
        Counter.builder("engine.signals.broadcast")
            .description("Signals broadcast (by BroadcastSignal or a throw event)")
            .register(registry);
  }

  void start(@Observes StartupEvent event) {
    // off the thrower's command thread: a broadcast may reach many instances, and an instance it
    // reaches may throw again
    signals.onSignalThrown(
        key ->
            scheduler
                .executor()
                .execute(
                    () -> {
                      try {
                        broadcastThrown(key);
                      } catch (RuntimeException e) {
                        LOG.warnf(
                            "Broadcasting signal %d failed, the scheduler retries it: %s",
                            key, e.getMessage());
                      }
                    }));
  }

  /** BroadcastSignal: stores, reaches and starts; returns the signal's key. */
  long broadcast(String tenantId, String name, Map<String, JsonNode> variables) {
    Broadcast broadcast =
        db.inTransaction(
            connection -> {
              long key = keys.nextKey(connection);
              try (var statement =
                  connection.prepareStatement(
                      "INSERT INTO engine.signal (key, name, variables, tenant_id, broadcast)"
                          + " VALUES (?, ?, ?, ?, true)")) {
                statement.setLong(1, key);
                statement.setString(2, name);
                statement.setString(3, Json.toDocument(variables));
                statement.setString(4, tenantId);
                statement.executeUpdate();
              }
              var records = new RecordBatch();
              ObjectNode value = Json.object();
              value.put("signalName", name);
              value.put("variables", Json.toDocument(variables));
              value.put("tenantId", tenantId);
              records.add(key, ValueType.SIGNAL, Intent.BROADCASTED, null, value);
              records.flush(connection);
              return reach(connection, key, tenantId, name, variables);
            });
    deliver(broadcast);
    return broadcast.key();
  }

  /** A signal a process instance threw (committed with it): broadcast it, once. */
  public void broadcastThrown(long signalKey) {
    Broadcast broadcast =
        db.inTransaction(
            connection -> {
              String name;
              String tenantId;
              Map<String, JsonNode> variables;
              try (var statement =
                  connection.prepareStatement(
                      "SELECT name, tenant_id, variables FROM engine.signal WHERE key = ?"
                          + " AND NOT broadcast FOR UPDATE SKIP LOCKED")) {
                statement.setLong(1, signalKey);
                try (var rs = statement.executeQuery()) {
                  if (!rs.next()) {
                    return null; // broadcast already (here or by another replica)
                  }
                  name = rs.getString(1);
                  tenantId = rs.getString(2);
                  variables = Json.parseVariables(rs.getString(3), "the signal variables");
                }
              }
              try (var statement =
                  connection.prepareStatement(
                      "UPDATE engine.signal SET broadcast = true WHERE key = ?")) {
                statement.setLong(1, signalKey);
                statement.executeUpdate();
              }
              return reach(connection, signalKey, tenantId, name, variables);
            });
    if (broadcast != null) {
      deliver(broadcast);
    }
  }

  /** In the broadcast's transaction: notes what waits for the signal, starts what it starts. */
  private Broadcast reach(
      Connection connection,
      long signalKey,
      String tenantId,
      String name,
      Map<String, JsonNode> variables)
      throws SQLException {
    var waiting = new java.util.TreeSet<Long>();
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO engine.signal_pending (signal_key, process_instance_key, subscription_key)"
                + " SELECT ?, process_instance_key, key FROM engine.message_subscription"
                + " WHERE signal AND name = ? AND tenant_id = ? RETURNING process_instance_key")) {
      statement.setLong(1, signalKey);
      statement.setString(2, name);
      statement.setString(3, tenantId);
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          waiting.add(rs.getLong(1));
        }
      }
    }
    List<Execution> started =
        startAtSignalStartEvents(connection, signalKey, tenantId, name, variables);
    broadcasts.increment();
    LOG.debugf(
        "Broadcast signal '%s' (%s): %d waiting instances, %d started",
        name, tenantId, waiting.size(), started.size());
    return new Broadcast(signalKey, List.copyOf(waiting), started);
  }

  private List<Execution> startAtSignalStartEvents(
      Connection connection,
      long signalKey,
      String tenantId,
      String name,
      Map<String, JsonNode> variables)
      throws SQLException {
    var starts = new TreeMap<Long, String>();
    try (var statement =
        connection.prepareStatement(
            "SELECT process_definition_key, element_id FROM engine.signal_start_subscription"
                + " WHERE signal_name = ? AND tenant_id = ?")) {
      statement.setString(1, name);
      statement.setString(2, tenantId);
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          starts.put(rs.getLong(1), rs.getString(2));
        }
      }
    }
    var started = new ArrayList<Execution>();
    for (var start : starts.entrySet()) {
      ExecutableProcess process = processes.byKey(connection, start.getKey());
      Execution execution = instances.start(connection, process);
      ObjectNode value = Json.object();
      value.put("bpmnProcessId", process.bpmnProcessId());
      value.put("processDefinitionKey", process.key());
      value.put("catchEventId", start.getValue());
      value.put("signalName", name);
      value.put("signalKey", signalKey);
      value.put("processInstanceKey", execution.state().processInstanceKey());
      value.put("tenantId", tenantId);
      execution.record(
          keys.nextKey(connection), ValueType.SIGNAL_SUBSCRIPTION, Intent.CORRELATED, value);
      new BpmnProcessor(execution).startProcessAt(start.getValue(), variables);
      effects.flush(execution);
      started.add(execution);
    }
    return started;
  }

  private void deliver(Broadcast broadcast) {
    broadcast.started().forEach(effects::afterCommit);
    for (long processInstanceKey : broadcast.waiting()) {
      correlatePending(broadcast.key(), processInstanceKey);
    }
    forgetIfDelivered(broadcast.key());
  }

  /**
   * Triggers, in the instance's transaction, every catch event of one instance the signal found
   * waiting at its broadcast (those that closed meanwhile are skipped).
   *
   * @return whether the instance was reached now (false: done elsewhere, or it is gone)
   */
  boolean correlatePending(long signalKey, long processInstanceKey) {
    Execution execution =
        db.inTransaction(
            connection -> {
              Execution locked = instances.lock(connection, processInstanceKey);
              var subscriptions = new ArrayList<Long>();
              try (var statement =
                  connection.prepareStatement(
                      "DELETE FROM engine.signal_pending WHERE signal_key = ?"
                          + " AND process_instance_key = ? RETURNING subscription_key")) {
                statement.setLong(1, signalKey);
                statement.setLong(2, processInstanceKey);
                try (var rs = statement.executeQuery()) {
                  while (rs.next()) {
                    subscriptions.add(rs.getLong(1));
                  }
                }
              }
              if (subscriptions.isEmpty() || locked == null) {
                return null; // reached by another replica, or the instance is gone
              }
              String name;
              Map<String, JsonNode> variables;
              try (var statement =
                  connection.prepareStatement(
                      "SELECT name, variables FROM engine.signal WHERE key = ?")) {
                statement.setLong(1, signalKey);
                try (var rs = statement.executeQuery()) {
                  if (!rs.next()) {
                    return null;
                  }
                  name = rs.getString(1);
                  variables = Json.parseVariables(rs.getString(2), "the signal variables");
                }
              }
              var processor = new BpmnProcessor(locked);
              try (var statement =
                  connection.prepareStatement(
                      "SELECT key, element_instance_key, element_id FROM engine.message_subscription"
                          + " WHERE key = ANY(?) ORDER BY key")) {
                statement.setArray(1, connection.createArrayOf("bigint", subscriptions.toArray()));
                var found = new ArrayList<Object[]>();
                try (var rs = statement.executeQuery()) {
                  while (rs.next()) {
                    found.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)});
                  }
                }
                for (Object[] subscription : found) {
                  long ownerKey = (Long) subscription[1];
                  String catchEventId = (String) subscription[2];
                  // an earlier catch of this signal may have closed it (an interrupting event)
                  if (!processor.isWaitingFor(ownerKey, catchEventId)) {
                    continue;
                  }
                  ObjectNode value = Json.object();
                  value.put("processInstanceKey", processInstanceKey);
                  value.put("elementInstanceKey", ownerKey);
                  value.put("catchEventId", catchEventId);
                  value.put("signalName", name);
                  value.put("signalKey", signalKey);
                  locked.record(
                      (Long) subscription[0],
                      ValueType.SIGNAL_SUBSCRIPTION,
                      Intent.CORRELATED,
                      value);
                  processor.triggerEvent(ownerKey, catchEventId, variables);
                }
              }
              effects.flush(locked);
              return locked;
            });
    if (execution != null) {
      effects.afterCommit(execution);
    }
    return execution != null;
  }

  /** A broadcast signal with no instance left to reach is forgotten. */
  private void forgetIfDelivered(long signalKey) {
    db.inTransaction(
        connection -> {
          try (var statement =
              connection.prepareStatement(
                  "DELETE FROM engine.signal s WHERE s.key = ? AND s.broadcast AND NOT EXISTS"
                      + " (SELECT 1 FROM engine.signal_pending p WHERE p.signal_key = s.key)")) {
            statement.setLong(1, signalKey);
            statement.executeUpdate();
          }
          return null;
        });
  }

  /** Broadcasts and deliveries a stopped replica left behind (run by the message scheduler). */
  public void finishLeftBehind() {
    List<Long> thrown =
        keys("SELECT key FROM engine.signal WHERE NOT broadcast ORDER BY key LIMIT 100");
    thrown.forEach(this::broadcastThrown);
    List<long[]> pending =
        db.inTransaction(
            connection -> {
              var rows = new ArrayList<long[]>();
              try (var statement =
                      connection.prepareStatement(
                          "SELECT DISTINCT signal_key, process_instance_key FROM engine.signal_pending"
                              + " ORDER BY signal_key LIMIT 100");
                  var rs = statement.executeQuery()) {
                while (rs.next()) {
                  rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
              }
              return rows;
            });
    for (long[] row : pending) {
      correlatePending(row[0], row[1]);
    }
    pending.stream().mapToLong(row -> row[0]).distinct().forEach(this::forgetIfDelivered);
  }

  private List<Long> keys(String sql) {
    return db.inTransaction(
        connection -> {
          var found = new ArrayList<Long>();
          try (var statement = connection.prepareStatement(sql);
              var rs = statement.executeQuery()) {
            while (rs.next()) {
              found.add(rs.getLong(1));
            }
          }
          return found;
        });
  }
}
