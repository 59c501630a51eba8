package org.clearance.engine.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearance.engine.db.Db;
import org.clearance.engine.db.Json;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.RecordBatch;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.BpmnProcessor;
import org.clearance.engine.runtime.CommitEffects;
import org.clearance.engine.runtime.Execution;
import org.clearance.engine.runtime.InstanceRepository;
import org.clearance.engine.timer.EngineClock;

/**
 * What follows a publication ({@link PublishMessageCommand}): correlation to each waiting instance
 * in that instance's own transaction, correlations a stopped replica left pending, and the expiry
 * of buffered messages (the message scheduler runs the last two).
 */
@ApplicationScoped
public class MessageService {

  private final Db db;
  private final InstanceRepository instances;
  private final CommitEffects effects;
  private final EngineClock clock;
  private final Counter correlated;

  MessageService(
      Db db,
      InstanceRepository instances,
      CommitEffects effects,
      EngineClock clock,
      MeterRegistry registry) {
    this.db = db;
    this.instances = instances;
    this.effects = effects;
    this.clock = clock;
    this.correlated = correlatedCounter(registry);
  }

  static Counter correlatedCounter(MeterRegistry registry) {
    return Counter.builder("engine.messages.correlated")
        .description("Messages correlated to process instances")
        .register(registry);
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
                          + " AND NOT signal ORDER BY key LIMIT 1")) {
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
              locked.record(
                  subscriptionKey, ValueType.MESSAGE_SUBSCRIPTION, Intent.CORRELATED, value);
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
                  records.add(rs.getLong(1), ValueType.MESSAGE, Intent.EXPIRED, null, value);
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
