package org.clearance.engine.timer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** A row of engine.timer. Instance-less rows (processInstanceKey null) belong to start events. */
public record TimerRow(
    long key,
    long dueAt,
    long processDefinitionKey,
    String bpmnProcessId,
    Long processInstanceKey,
    Long elementInstanceKey,
    String elementId,
    int repetitions,
    String interval) {

  public static final String COLUMNS =
      "key, due_at, process_definition_key, bpmn_process_id, process_instance_key,"
          + " element_instance_key, element_id, repetitions, cycle_interval";

  /** The next timer of a cycle, due one interval after this one (or after now, if later). */
  public TimerRow next(long newKey, long now) {
    long due = TimerSpec.next(interval, Math.max(dueAt, now - 1));
    return new TimerRow(
        newKey,
        due,
        processDefinitionKey,
        bpmnProcessId,
        processInstanceKey,
        elementInstanceKey,
        elementId,
        repetitions < 0 ? -1 : repetitions - 1,
        interval);
  }

  public boolean repeats() {
    return repetitions != 0 && interval != null;
  }

  public static TimerRow read(java.sql.ResultSet rs) throws SQLException {
    return new TimerRow(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        (Long) rs.getObject(5),
        (Long) rs.getObject(6),
        rs.getString(7),
        rs.getInt(8),
        rs.getString(9));
  }

  public static void insert(Connection connection, List<TimerRow> timers) throws SQLException {
    if (timers.isEmpty()) {
      return;
    }
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO engine.timer (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (TimerRow timer : timers) {
        statement.setLong(1, timer.key);
        statement.setLong(2, timer.dueAt);
        statement.setLong(3, timer.processDefinitionKey);
        statement.setString(4, timer.bpmnProcessId);
        statement.setObject(5, timer.processInstanceKey, Types.BIGINT);
        statement.setObject(6, timer.elementInstanceKey, Types.BIGINT);
        statement.setString(7, timer.elementId);
        statement.setInt(8, timer.repetitions);
        statement.setString(9, timer.interval);
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }
}
