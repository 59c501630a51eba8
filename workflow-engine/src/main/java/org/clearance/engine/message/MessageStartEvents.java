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
import org.clearance.engine.command.EngineSignals;
import org.clearance.engine.command.EngineSignals.MessageStartedInstanceEnded;
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
import org.clearance.engine.timer.EngineClock;

/**
 * Message start events: a published message starts an instance of the latest version of every
 * process with a matching message start event; with a correlation key at most one such instance per
 * process and key runs at a time, and when it ends (the engine signals it after commit) a buffered
 * message may start the next one.
 */
@ApplicationScoped
public class MessageStartEvents {

  private final Db db;
  private final KeyGenerator keys;
  private final InstanceRepository instances;
  private final ProcessCache processes;
  private final CommitEffects effects;
  private final EngineClock clock;
  private final EngineSignals signals;
  private final Counter correlated;

  MessageStartEvents(
      Db db,
      KeyGenerator keys,
      InstanceRepository instances,
      ProcessCache processes,
      CommitEffects effects,
      EngineClock clock,
      EngineSignals signals,
      MeterRegistry registry) {
    this.db = db;
    this.keys = keys;
    this.instances = instances;
    this.processes = processes;
    this.effects = effects;
    this.clock = clock;
    this.signals = signals;
    this.correlated = MessageService.correlatedCounter(registry);
  }

  void start(@Observes StartupEvent event) {
    signals.onMessageStartedInstanceEnded(this::afterMessageStartedInstanceEnded);
  }

  /** Starts instances at the message start events named by a message just published. */
  List<Execution> startAtMessageStartEvents(
      Connection connection,
      long messageKey,
      String tenantId,
      String name,
      String correlationKey,
      Map<String, JsonNode> variables)
      throws SQLException {
    var started = new ArrayList<Execution>();
    var starts = new ArrayList<String[]>();
    try (var statement =
        connection.prepareStatement(
            "SELECT bpmn_process_id, process_definition_key, element_id"
                + " FROM engine.message_start_subscription WHERE message_name = ? AND tenant_id = ?")) {
      statement.setString(1, name);
      statement.setString(2, tenantId);
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          starts.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
    }
    for (String[] start : starts) {
      Execution execution =
          startInstance(
              connection,
              messageKey,
              Long.parseLong(start[1]),
              start[2],
              name,
              correlationKey,
              variables);
      if (execution != null) {
        started.add(execution);
      }
    }
    return started;
  }

  /**
   * Starts an instance at a message start event, unless an instance of the process started by a
   * message with the same (non-empty) correlation key is still running: then the message stays
   * buffered and starts the next instance once that one ends.
   */
  private Execution startInstance(
      Connection connection,
      long messageKey,
      long processDefinitionKey,
      String startEventId,
      String name,
      String correlationKey,
      Map<String, JsonNode> variables)
      throws SQLException {
    ExecutableProcess process = processes.byKey(connection, processDefinitionKey);
    Execution started = instances.start(connection, process);
    long processInstanceKey = started.state().processInstanceKey();
    if (!correlationKey.isEmpty()) {
      try (var statement =
          connection.prepareStatement(
              "INSERT INTO engine.message_start_instance"
                  + " (bpmn_process_id, correlation_key, process_instance_key, tenant_id)"
                  + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        statement.setString(1, process.bpmnProcessId());
        statement.setString(2, correlationKey);
        statement.setLong(3, processInstanceKey);
        statement.setString(4, process.tenantId());
        if (statement.executeUpdate() == 0) {
          return null;
        }
      }
      started.state().startedByMessage(correlationKey);
    }
    MessageBuffer.markCorrelated(
        connection, messageKey, processInstanceKey, process.bpmnProcessId());
    ObjectNode value = Json.object();
    value.put("bpmnProcessId", process.bpmnProcessId());
    value.put("processDefinitionKey", process.key());
    value.put("startEventId", startEventId);
    value.put("messageName", name);
    value.put("correlationKey", correlationKey);
    value.put("messageKey", messageKey);
    value.put("processInstanceKey", processInstanceKey);
    started.record(
        keys.nextKey(connection),
        ValueType.MESSAGE_START_EVENT_SUBSCRIPTION,
        Intent.CORRELATED,
        value);
    new BpmnProcessor(started).startProcessAt(startEventId, variables);
    effects.flush(started);
    correlated.increment();
    return started;
  }

  /** An instance a message started has ended: a buffered message may start the next one. */
  public void afterMessageStartedInstanceEnded(MessageStartedInstanceEnded ended) {
    List<Execution> started =
        db.inTransaction(
            connection -> {
              var names = new ArrayList<String[]>();
              try (var statement =
                  connection.prepareStatement(
                      "SELECT message_name, process_definition_key, element_id"
                          + " FROM engine.message_start_subscription WHERE bpmn_process_id = ?"
                          + " AND tenant_id = ?")) {
                statement.setString(1, ended.bpmnProcessId());
                statement.setString(2, ended.tenantId());
                try (var rs = statement.executeQuery()) {
                  while (rs.next()) {
                    names.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                  }
                }
              }
              long now = clock.now();
              for (String[] start : names) {
                MessageBuffer.lock(connection, start[0], ended.correlationKey());
                try (var statement =
                    connection.prepareStatement(
                        "SELECT m.key, m.variables FROM engine.message m WHERE m.name = ?"
                            + " AND m.correlation_key = ? AND m.tenant_id = ? AND m.expires_at > ?"
                            + " AND NOT EXISTS (SELECT 1 FROM engine.message_correlation c"
                            + " WHERE c.message_key = m.key AND c.bpmn_process_id = ?)"
                            + " ORDER BY m.key LIMIT 1")) {
                  statement.setString(1, start[0]);
                  statement.setString(2, ended.correlationKey());
                  statement.setString(3, ended.tenantId());
                  statement.setLong(4, now);
                  statement.setString(5, ended.bpmnProcessId());
                  try (var rs = statement.executeQuery()) {
                    if (rs.next()) {
                      long messageKey = rs.getLong(1);
                      var variables = Json.parseVariables(rs.getString(2), "the message variables");
                      rs.close();
                      Execution execution =
                          startInstance(
                              connection,
                              messageKey,
                              Long.parseLong(start[1]),
                              start[2],
                              start[0],
                              ended.correlationKey(),
                              variables);
                      return execution == null ? List.<Execution>of() : List.of(execution);
                    }
                  }
                }
              }
              return List.<Execution>of();
            });
    started.forEach(effects::afterCommit);
  }
}
