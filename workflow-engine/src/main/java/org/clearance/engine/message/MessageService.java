package org.clearance.engine.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearance.engine.db.Db;
import org.clearance.engine.db.Json;
import org.clearance.engine.db.KeyGenerator;
import org.clearance.engine.deployment.ExecutableProcess;
import org.clearance.engine.deployment.ProcessCache;
import org.clearance.engine.gateway.Rejection;
import org.clearance.engine.record.RecordBatch;
import org.clearance.engine.runtime.BpmnProcessor;
import org.clearance.engine.runtime.CommitEffects;
import org.clearance.engine.runtime.EventWrites.EndedMessageStart;
import org.clearance.engine.runtime.Execution;
import org.clearance.engine.runtime.InstanceRepository;
import org.clearance.engine.timer.EngineClock;
import org.jboss.logging.Logger;

/**
 * PublishMessage and everything that follows from it. Publication (one transaction, under the
 * advisory lock of name + correlation key) stores the message, starts instances at message start
 * events and notes which waiting instances it must reach; each of those is then correlated in its
 * own transaction holding that instance's lock. A message reaches each process instance at most
 * once; with a time-to-live it stays buffered for subscriptions opened later.
 */
@ApplicationScoped
public class MessageService {

  private static final Logger LOG = Logger.getLogger(MessageService.class);

  private record Published(
      long key, List<Long> waitingInstances, List<Execution> startedInstances) {}

  private final Db db;
  private final KeyGenerator keys;
  private final InstanceRepository instances;
  private final ProcessCache processes;
  private final CommitEffects effects;
  private final EngineClock clock;
  private final Counter published;
  private final Counter correlated;

  MessageService(
      Db db,
      KeyGenerator keys,
      InstanceRepository instances,
      ProcessCache processes,
      CommitEffects effects,
      EngineClock clock,
      MeterRegistry registry) {
    this.db = db;
    this.keys = keys;
    this.instances = instances;
    this.processes = processes;
    this.effects = effects;
    this.clock = clock;
    this.published =
        Counter.builder("engine.messages.published")
            .description("Messages published")
            .register(registry);
    this.correlated =
        Counter.builder("engine.messages.correlated")
            .description("Messages correlated to process instances")
            .register(registry);
  }

  /** A message published to be correlated at once: its key and the first instance it reached. */
  public record Correlation(long messageKey, long processInstanceKey) {}

  /**
   * @return the message key
   */
  public long publish(
      String name, String correlationKey, long timeToLive, String messageId, String document) {
    return publishAndCorrelate(name, correlationKey, timeToLive, messageId, document).messageKey();
  }

  /**
   * Publishes a message that is not buffered (time to live 0) and says which process instance it
   * reached first: a started one, else the first waiting one it correlated to.
   *
   * @throws Rejection NOT_FOUND when no subscription or message start event took it
   */
  public Correlation correlate(String name, String correlationKey, String document) {
    Correlation correlation = publishAndCorrelate(name, correlationKey, 0, null, document);
    if (correlation.processInstanceKey() == 0) {
      throw Rejection.notFound(
          "Expected to find subscription for message with name '%s' and correlation key '%s', but none was found."
              .formatted(name, correlationKey == null ? "" : correlationKey));
    }
    return correlation;
  }

  private Correlation publishAndCorrelate(
      String name, String correlationKey, long timeToLive, String messageId, String document) {
    if (name == null || name.isBlank()) {
      throw Rejection.invalidArgument(
          "Expected to publish a message with a name, but it was empty");
    }
    if (timeToLive < 0) {
      throw Rejection.invalidArgument(
          "Expected to publish a message with a time to live of at least 0 ms, but got %d"
              .formatted(timeToLive));
    }
    String key = correlationKey == null ? "" : correlationKey;
    String id = messageId == null || messageId.isEmpty() ? null : messageId;
    Map<String, JsonNode> variables = Json.parseVariables(document, "the message variables");
    Published result =
        db.inTransaction(
            connection -> {
              long now = clock.now();
              MessageBuffer.lock(connection, name, key);
              if (id != null && isBuffered(connection, name, key, id, now)) {
                throw new Rejection(
                    Rejection.Type.ALREADY_EXISTS,
                    "Expected to publish a new message with id '%s', but a message with that id was already published"
                        .formatted(id));
              }
              long messageKey = keys.nextKey(connection);
              store(connection, messageKey, name, key, id, document, variables, now, timeToLive);
              var records = new RecordBatch();
              ObjectNode value = Json.object();
              value.put("name", name);
              value.put("correlationKey", key);
              value.put("timeToLive", timeToLive);
              value.put("messageId", id == null ? "" : id);
              value.put("variables", Json.toDocument(variables));
              records.add(messageKey, "MESSAGE", "PUBLISHED", null, value);
              records.flush(connection);
              List<Long> waiting = notePendingCorrelations(connection, messageKey, name, key);
              List<Execution> started =
                  startAtMessageStartEvents(connection, messageKey, name, key, variables);
              return new Published(messageKey, waiting, started);
            });
    published.increment();
    result.startedInstances().forEach(effects::afterCommit);
    long first =
        result.startedInstances().isEmpty()
            ? 0
            : result.startedInstances().get(0).state().processInstanceKey;
    for (long processInstanceKey : result.waitingInstances()) {
      if (correlatePending(result.key(), processInstanceKey) && first == 0) {
        first = processInstanceKey;
      }
    }
    LOG.debugf(
        "Published message '%s' (%s): %d waiting, %d started",
        name, key, result.waitingInstances().size(), result.startedInstances().size());
    return new Correlation(result.key(), first);
  }

  private static boolean isBuffered(
      Connection connection, String name, String correlationKey, String messageId, long now)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT 1 FROM engine.message WHERE name = ? AND correlation_key = ? AND message_id = ?"
                + " AND expires_at > ?")) {
      statement.setString(1, name);
      statement.setString(2, correlationKey);
      statement.setString(3, messageId);
      statement.setLong(4, now);
      try (var rs = statement.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void store(
      Connection connection,
      long messageKey,
      String name,
      String correlationKey,
      String messageId,
      String document,
      Map<String, JsonNode> variables,
      long now,
      long timeToLive)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO engine.message (key, name, correlation_key, message_id, variables,"
                + " published_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      statement.setLong(1, messageKey);
      statement.setString(2, name);
      statement.setString(3, correlationKey);
      statement.setString(4, messageId);
      statement.setString(5, Json.toDocument(variables));
      statement.setLong(6, now);
      statement.setLong(7, now + timeToLive);
      statement.executeUpdate();
    }
  }

  private static List<Long> notePendingCorrelations(
      Connection connection, long messageKey, String name, String correlationKey)
      throws SQLException {
    var waiting = new ArrayList<Long>();
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO engine.message_pending (message_key, process_instance_key)"
                + " SELECT DISTINCT ?::bigint, process_instance_key FROM engine.message_subscription"
                + " WHERE name = ? AND correlation_key = ? RETURNING process_instance_key")) {
      statement.setLong(1, messageKey);
      statement.setString(2, name);
      statement.setString(3, correlationKey);
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          waiting.add(rs.getLong(1));
        }
      }
    }
    waiting.sort(null);
    return waiting;
  }

  // ---------------------------------------------------------------- message start events

  private List<Execution> startAtMessageStartEvents(
      Connection connection,
      long messageKey,
      String name,
      String correlationKey,
      Map<String, JsonNode> variables)
      throws SQLException {
    var started = new ArrayList<Execution>();
    var starts = new ArrayList<String[]>();
    try (var statement =
        connection.prepareStatement(
            "SELECT bpmn_process_id, process_definition_key, element_id"
                + " FROM engine.message_start_subscription WHERE message_name = ?")) {
      statement.setString(1, name);
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
    long processInstanceKey = started.state().processInstanceKey;
    if (!correlationKey.isEmpty()) {
      try (var statement =
          connection.prepareStatement(
              "INSERT INTO engine.message_start_instance"
                  + " (bpmn_process_id, correlation_key, process_instance_key) VALUES (?, ?, ?)"
                  + " ON CONFLICT DO NOTHING")) {
        statement.setString(1, process.bpmnProcessId());
        statement.setString(2, correlationKey);
        statement.setLong(3, processInstanceKey);
        if (statement.executeUpdate() == 0) {
          return null;
        }
      }
      started.state().messageStartCorrelationKey = correlationKey;
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
        keys.nextKey(connection), "MESSAGE_START_EVENT_SUBSCRIPTION", "CORRELATED", value);
    new BpmnProcessor(started).startProcessAt(startEventId, variables);
    effects.flush(started);
    correlated.increment();
    return started;
  }

  /** An instance a message started has ended: a buffered message may start the next one. */
  public void afterMessageStartedInstanceEnded(EndedMessageStart ended) {
    List<Execution> started =
        db.inTransaction(
            connection -> {
              var names = new ArrayList<String[]>();
              try (var statement =
                  connection.prepareStatement(
                      "SELECT message_name, process_definition_key, element_id"
                          + " FROM engine.message_start_subscription WHERE bpmn_process_id = ?")) {
                statement.setString(1, ended.bpmnProcessId());
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
                            + " AND m.correlation_key = ? AND m.expires_at > ? AND NOT EXISTS"
                            + " (SELECT 1 FROM engine.message_correlation c WHERE c.message_key = m.key"
                            + " AND c.bpmn_process_id = ?) ORDER BY m.key LIMIT 1")) {
                  statement.setString(1, start[0]);
                  statement.setString(2, ended.correlationKey());
                  statement.setLong(3, now);
                  statement.setString(4, ended.bpmnProcessId());
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

  // ---------------------------------------------------------------- correlation

  /**
   * Correlates a published message to one waiting instance, in that instance's transaction.
   *
   * @return whether it correlated (false: done elsewhere, or the subscription closed meanwhile)
   */
  public boolean correlatePending(long messageKey, long processInstanceKey) {
    Execution execution =
        db.inTransaction(
            connection -> {
              Execution locked = instances.lock(connection, processInstanceKey);
              try (var statement =
                  connection.prepareStatement(
                      "DELETE FROM engine.message_pending WHERE message_key = ?"
                          + " AND process_instance_key = ?")) {
                statement.setLong(1, messageKey);
                statement.setLong(2, processInstanceKey);
                if (statement.executeUpdate() == 0 || locked == null) {
                  return null; // done by another replica, or the instance is gone
                }
              }
              String name;
              String correlationKey;
              Map<String, JsonNode> variables;
              try (var statement =
                  connection.prepareStatement(
                      "SELECT name, correlation_key, variables FROM engine.message WHERE key = ?")) {
                statement.setLong(1, messageKey);
                try (var rs = statement.executeQuery()) {
                  if (!rs.next()) {
                    return null;
                  }
                  name = rs.getString(1);
                  correlationKey = rs.getString(2);
                  variables = Json.parseVariables(rs.getString(3), "the message variables");
                }
              }
              long subscriptionKey;
              long elementInstanceKey;
              String elementId;
              try (var statement =
                  connection.prepareStatement(
                      "SELECT key, element_instance_key, element_id FROM engine.message_subscription"
                          + " WHERE process_instance_key = ? AND name = ? AND correlation_key = ?"
                          + " ORDER BY key LIMIT 1")) {
                statement.setLong(1, processInstanceKey);
                statement.setString(2, name);
                statement.setString(3, correlationKey);
                try (var rs = statement.executeQuery()) {
                  if (!rs.next()) {
                    return null; // closed meanwhile
                  }
                  subscriptionKey = rs.getLong(1);
                  elementInstanceKey = rs.getLong(2);
                  elementId = rs.getString(3);
                }
              }
              if (!MessageBuffer.markCorrelated(connection, messageKey, processInstanceKey, null)) {
                return null;
              }
              ObjectNode value = Json.object();
              value.put("processInstanceKey", processInstanceKey);
              value.put("elementInstanceKey", elementInstanceKey);
              value.put("elementId", elementId);
              value.put("messageName", name);
              value.put("correlationKey", correlationKey);
              value.put("messageKey", messageKey);
              locked.record(subscriptionKey, "MESSAGE_SUBSCRIPTION", "CORRELATED", value);
              new BpmnProcessor(locked).triggerEvent(elementInstanceKey, elementId, variables);
              effects.flush(locked);
              return locked;
            });
    if (execution != null) {
      correlated.increment();
      effects.afterCommit(execution);
    }
    return execution != null;
  }

  /** Correlations noted at publication that did not run (the publishing replica stopped). */
  public void retryPendingCorrelations() {
    List<long[]> pending =
        db.inTransaction(
            connection -> {
              var rows = new ArrayList<long[]>();
              try (var statement =
                      connection.prepareStatement(
                          "SELECT message_key, process_instance_key FROM engine.message_pending"
                              + " ORDER BY message_key LIMIT 100");
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
  }

  /** Deletes messages whose time-to-live passed (and that no correlation still needs). */
  public void expireMessages() {
    long now = clock.now();
    db.inTransaction(
        connection -> {
          var records = new RecordBatch();
          try (var statement =
              connection.prepareStatement(
                  "DELETE FROM engine.message m WHERE m.key IN (SELECT key FROM engine.message"
                      + " WHERE expires_at <= ? ORDER BY expires_at LIMIT 1000 FOR UPDATE SKIP LOCKED)"
                      + " AND NOT EXISTS (SELECT 1 FROM engine.message_pending p WHERE p.message_key = m.key)"
                      + " RETURNING m.key, m.name, m.correlation_key, m.message_id, m.published_at,"
                      + " m.expires_at")) {
            statement.setLong(1, now);
            try (var rs = statement.executeQuery()) {
              var expired = new ArrayList<Long>();
              while (rs.next()) {
                expired.add(rs.getLong(1));
                if (rs.getLong(6) > rs.getLong(5)) {
                  ObjectNode value = Json.object();
                  value.put("name", rs.getString(2));
                  value.put("correlationKey", rs.getString(3));
                  value.put("messageId", rs.getString(4) == null ? "" : rs.getString(4));
                  records.add(rs.getLong(1), "MESSAGE", "EXPIRED", null, value);
                }
              }
              if (!expired.isEmpty()) {
                try (var delete =
                    connection.prepareStatement(
                        "DELETE FROM engine.message_correlation WHERE message_key = ANY(?)")) {
                  delete.setArray(1, connection.createArrayOf("bigint", expired.toArray()));
                  delete.executeUpdate();
                }
              }
            }
          }
          records.flush(connection);
          return null;
        });
  }
}
