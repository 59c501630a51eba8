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
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.command.Tenants;
import org.clearance.engine.db.Db;
import org.clearance.engine.db.Json;
import org.clearance.engine.db.KeyGenerator;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.RecordBatch;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.CommitEffects;
import org.clearance.engine.runtime.Execution;
import org.clearance.engine.timer.EngineClock;
import org.jboss.logging.Logger;

/**
 * PublishMessage. Publication (one transaction, under the advisory lock of name + correlation key)
 * stores the message, starts instances at message start events and notes which waiting instances it
 * must reach; each of those is then correlated in its own transaction holding that instance's lock
 * ({@link MessageService#correlatePending}). A message reaches each process instance at most once;
 * with a time-to-live it stays buffered for subscriptions opened later.
 *
 * <p>Returns the message key.
 */
@ApplicationScoped
public class PublishMessageCommand implements CommandHandler<PublishMessageCommand.Request, Long> {

  private static final Logger LOG = Logger.getLogger(PublishMessageCommand.class);

  /**
   * @param timeToLive milliseconds the message stays buffered (0: correlates only now)
   * @param messageId empty or null: none (no de-duplication)
   */
  public record Request(
      String name,
      String correlationKey,
      long timeToLive,
      String messageId,
      Map<String, JsonNode> variables,
      String tenantId) {}

  private record Published(
      long key, List<Long> waitingInstances, List<Execution> startedInstances) {}

  private final Db db;
  private final KeyGenerator keys;
  private final CommitEffects effects;
  private final EngineClock clock;
  private final MessageStartEvents starts;
  private final MessageService correlations;
  private final Counter published;

  PublishMessageCommand(
      Db db,
      KeyGenerator keys,
      CommitEffects effects,
      EngineClock clock,
      MessageStartEvents starts,
      MessageService correlations,
      MeterRegistry registry) {
    this.db = db;
    this.keys = keys;
    this.effects = effects;
    this.clock = clock;
    this.starts = starts;
    this.correlations = correlations;
    this.published =
        Counter.builder("engine.messages.published")
            .description("Messages published")
            .register(registry);
  }

  /** A publication's message key and the first process instance it started or reached (0: none). */
  record Publication(long messageKey, long firstProcessInstanceKey) {}

  @Override
  public Long execute(Request request) {
    return publish(request).messageKey();
  }

  /** Publishes and correlates; {@link CorrelateMessageCommand} needs to know what it reached. */
  Publication publish(Request request) {
    // a message correlates only to subscriptions of its tenant's instances and starts only that
    // tenant's processes
    String tenantId = Tenants.of(request.tenantId());
    String name = request.name();
    String correlationKey = request.correlationKey();
    long timeToLive = request.timeToLive();
    String messageId = request.messageId();
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
    Map<String, JsonNode> variables = request.variables();
    Published result =
        db.inTransaction(
            connection -> {
              long now = clock.now();
              MessageBuffer.lock(connection, name, key);
              if (id != null && isBuffered(connection, tenantId, name, key, id, now)) {
                throw Rejection.alreadyExists(
                    "Expected to publish a new message with id '%s', but a message with that id was already published"
                        .formatted(id));
              }
              long messageKey = keys.nextKey(connection);
              store(connection, messageKey, tenantId, name, key, id, variables, now, timeToLive);
              var records = new RecordBatch();
              ObjectNode value = Json.object();
              value.put("name", name);
              value.put("correlationKey", key);
              value.put("timeToLive", timeToLive);
              value.put("messageId", id == null ? "" : id);
              value.put("variables", Json.toDocument(variables));
              value.put("tenantId", tenantId);
              records.add(messageKey, ValueType.MESSAGE, Intent.PUBLISHED, null, value);
              records.flush(connection);
              List<Long> waiting =
                  notePendingCorrelations(connection, messageKey, tenantId, name, key);
              List<Execution> started =
                  starts.startAtMessageStartEvents(
                      connection, messageKey, tenantId, name, key, variables);
              return new Published(messageKey, waiting, started);
            });
    published.increment();
    result.startedInstances().forEach(effects::afterCommit);
    long first =
        result.startedInstances().isEmpty()
            ? 0
            : result.startedInstances().get(0).state().processInstanceKey();
    for (long processInstanceKey : result.waitingInstances()) {
      if (correlations.correlatePending(result.key(), processInstanceKey) && first == 0) {
        first = processInstanceKey;
      }
    }
    LOG.debugf(
        "Published message '%s' (%s): %d waiting, %d started",
        name, key, result.waitingInstances().size(), result.startedInstances().size());
    return new Publication(result.key(), first);
  }

  private static boolean isBuffered(
      Connection connection,
      String tenantId,
      String name,
      String correlationKey,
      String messageId,
      long now)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT 1 FROM engine.message WHERE name = ? AND correlation_key = ? AND tenant_id = ?"
                + " AND message_id = ? AND expires_at > ?")) {
      statement.setString(1, name);
      statement.setString(2, correlationKey);
      statement.setString(3, tenantId);
      statement.setString(4, messageId);
      statement.setLong(5, now);
      try (var rs = statement.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void store(
      Connection connection,
      long messageKey,
      String tenantId,
      String name,
      String correlationKey,
      String messageId,
      Map<String, JsonNode> variables,
      long now,
      long timeToLive)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO engine.message (key, name, correlation_key, message_id, variables,"
                + " published_at, expires_at, tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      statement.setLong(1, messageKey);
      statement.setString(2, name);
      statement.setString(3, correlationKey);
      statement.setString(4, messageId);
      statement.setString(5, Json.toDocument(variables));
      statement.setLong(6, now);
      statement.setLong(7, now + timeToLive);
      statement.setString(8, tenantId);
      statement.executeUpdate();
    }
  }

  private static List<Long> notePendingCorrelations(
      Connection connection, long messageKey, String tenantId, String name, String correlationKey)
      throws SQLException {
    var waiting = new ArrayList<Long>();
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO engine.message_pending (message_key, process_instance_key)"
                + " SELECT DISTINCT ?::bigint, process_instance_key FROM engine.message_subscription"
                + " WHERE name = ? AND correlation_key = ? AND tenant_id = ?"
                + " RETURNING process_instance_key")) {
      statement.setLong(1, messageKey);
      statement.setString(2, name);
      statement.setString(3, correlationKey);
      statement.setString(4, tenantId);
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          waiting.add(rs.getLong(1));
        }
      }
    }
    waiting.sort(null);
    return waiting;
  }
}
