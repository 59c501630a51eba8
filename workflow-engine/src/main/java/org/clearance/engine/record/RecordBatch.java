package org.clearance.engine.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The records one command produces, written with a single INSERT at the end of its transaction:
 * they become visible exactly when the state change they describe commits.
 */
public final class RecordBatch {

  private final List<Long> keys = new ArrayList<>();
  private final List<String> valueTypes = new ArrayList<>();
  private final List<String> intents = new ArrayList<>();
  private final List<Long> instanceKeys = new ArrayList<>();
  private final List<String> values = new ArrayList<>();

  public void add(
      long key, ValueType valueType, Intent intent, Long processInstanceKey, ObjectNode value) {
    keys.add(key);
    valueTypes.add(valueType.name());
    intents.add(intent.name());
    instanceKeys.add(processInstanceKey);
    values.add(value.toString());
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  public int size() {
    return keys.size();
  }

  public void flush(Connection connection) throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO engine.record (key, value_type, intent, process_instance_key, value)"
                + " SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::jsonb[])")) {
      statement.setArray(1, connection.createArrayOf("bigint", keys.toArray()));
      statement.setArray(2, connection.createArrayOf("text", valueTypes.toArray()));
      statement.setArray(3, connection.createArrayOf("text", intents.toArray()));
      statement.setArray(4, connection.createArrayOf("bigint", instanceKeys.toArray()));
      statement.setArray(5, connection.createArrayOf("text", values.toArray()));
      statement.executeUpdate();
    }
    keys.clear();
    valueTypes.clear();
    intents.clear();
    instanceKeys.clear();
    values.clear();
  }
}
