package org.clearance.engine.message;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** An open message subscription of a waiting element instance (engine.message_subscription). */
public record SubscriptionRow(
    long key,
    String name,
    String correlationKey,
    long processInstanceKey,
    long elementInstanceKey,
    String elementId,
    boolean interrupting,
    String tenantId) {

  public static void insert(Connection connection, List<SubscriptionRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO engine.message_subscription (key, name, correlation_key,"
                + " process_instance_key, element_instance_key, element_id, interrupting, tenant_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (SubscriptionRow row : rows) {
        statement.setLong(1, row.key);
        statement.setString(2, row.name);
        statement.setString(3, row.correlationKey);
        statement.setLong(4, row.processInstanceKey);
        statement.setLong(5, row.elementInstanceKey);
        statement.setString(6, row.elementId);
        statement.setBoolean(7, row.interrupting);
        statement.setString(8, row.tenantId);
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }
}
