package org.clearance.engine.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.clearance.engine.db.Json;

/**
 * Buffered messages as seen from a subscription that opens. Publishing and opening a subscription
 * both take a transaction-scoped advisory lock on (name, correlation key): whichever commits first
 * is seen by the other, so a message and a subscription never miss each other.
 */
public final class MessageBuffer {

  public record Buffered(long key, Map<String, JsonNode> variables) {}

  private MessageBuffer() {}

  public static void lock(Connection connection, String name, String correlationKey)
      throws SQLException {
    try (var statement =
        connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 17))")) {
      statement.setString(1, name + '\u001f' + correlationKey);
      statement.execute();
    }
  }

  /**
   * The oldest buffered message for a subscription that has not reached this instance yet; it is
   * marked as correlated to the instance.
   */
  public static Buffered claim(
      Connection connection,
      String tenantId,
      String name,
      String correlationKey,
      long processInstanceKey,
      long now)
      throws SQLException {
    lock(connection, name, correlationKey);
    try (var statement =
        connection.prepareStatement(
            "SELECT m.key, m.variables FROM engine.message m WHERE m.name = ? AND m.correlation_key = ?"
                + " AND m.tenant_id = ? AND m.expires_at > ? AND NOT EXISTS (SELECT 1 FROM engine.message_correlation c"
                + " WHERE c.message_key = m.key AND c.process_instance_key = ?)"
                + " ORDER BY m.key LIMIT 1")) {
      statement.setString(1, name);
      statement.setString(2, correlationKey);
      statement.setString(3, tenantId);
      statement.setLong(4, now);
      statement.setLong(5, processInstanceKey);
      try (var rs = statement.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        var buffered =
            new Buffered(
                rs.getLong(1), Json.parseVariables(rs.getString(2), "the message variables"));
        markCorrelated(connection, buffered.key(), processInstanceKey, null);
        return buffered;
      }
    }
  }

  /**
   * @return false if the message already reached this instance
   */
  public static boolean markCorrelated(
      Connection connection, long messageKey, long processInstanceKey, String bpmnProcessId)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO engine.message_correlation (message_key, process_instance_key, bpmn_process_id)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      statement.setLong(1, messageKey);
      statement.setLong(2, processInstanceKey);
      statement.setString(3, bpmnProcessId);
      return statement.executeUpdate() == 1;
    }
  }
}
