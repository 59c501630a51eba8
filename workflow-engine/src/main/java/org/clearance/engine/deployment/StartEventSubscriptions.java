package org.clearance.engine.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import org.clearance.engine.db.KeyGenerator;
import org.clearance.engine.expression.Feel;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.RecordBatch;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.timer.EngineClock;
import org.clearance.engine.timer.TimerRow;
import org.clearance.engine.timer.TimerSpec;

/**
 * Message and timer start events belong to the latest version of a process: deploying a new version
 * replaces the previous version's message start subscriptions and start timers (a version without
 * such start events just closes them), as Zeebe does.
 */
@ApplicationScoped
public class StartEventSubscriptions {

  private final KeyGenerator keys;
  private final EngineClock clock;

  StartEventSubscriptions(KeyGenerator keys, EngineClock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Called in the deployment's transaction for every newly stored process version.
   *
   * @return the earliest due time of the start timers created, or Long.MAX_VALUE (the deployment
   *     signals it to the timer scheduler after commit)
   */
  long onDeployed(Connection connection, ExecutableProcess process, RecordBatch records)
      throws SQLException {
    String processId = process.bpmnProcessId();
    try (var statement =
        connection.prepareStatement(
            "DELETE FROM engine.message_start_subscription WHERE bpmn_process_id = ?"
                + " AND tenant_id = ?")) {
      statement.setString(1, processId);
      statement.setString(2, process.tenantId());
      statement.executeUpdate();
    }
    try (var statement =
        connection.prepareStatement(
            "DELETE FROM engine.timer WHERE bpmn_process_id = ? AND process_instance_key IS NULL"
                + " AND process_definition_key IN"
                + " (SELECT key FROM engine.process_definition WHERE tenant_id = ?)"
                + " RETURNING key, element_id")) {
      statement.setString(1, processId);
      statement.setString(2, process.tenantId());
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          var value = org.clearance.engine.db.Json.object();
          value.put("targetElementId", rs.getString(2));
          value.put("bpmnProcessId", processId);
          records.add(rs.getLong(1), ValueType.TIMER, Intent.CANCELED, null, value);
        }
      }
    }
    var newTimers = new ArrayList<TimerRow>();
    long now = clock.now();
    for (ExecutableElement start : process.root().processStartEvents()) {
      if (start.kind() == ElementKind.MESSAGE_START_EVENT) {
        String name = start.trigger().messageName().text();
        try (var statement =
            connection.prepareStatement(
                "INSERT INTO engine.message_start_subscription"
                    + " (bpmn_process_id, message_name, process_definition_key, element_id,"
                    + " tenant_id) VALUES (?, ?, ?, ?, ?)")) {
          statement.setString(1, processId);
          statement.setString(2, name);
          statement.setLong(3, process.key());
          statement.setString(4, start.id());
          statement.setString(5, process.tenantId());
          statement.executeUpdate();
        }
        var value = org.clearance.engine.db.Json.object();
        value.put("bpmnProcessId", processId);
        value.put("processDefinitionKey", process.key());
        value.put("startEventId", start.id());
        value.put("messageName", name);
        records.add(
            keys.nextKey(connection),
            ValueType.MESSAGE_START_EVENT_SUBSCRIPTION,
            Intent.CREATED,
            null,
            value);
      } else {
        String text = Feel.evaluate(start.trigger().timer(), name -> null).asText();
        TimerSpec spec = TimerSpec.evaluate(start.trigger().timerKind(), text, now);
        var timer =
            new TimerRow(
                keys.nextKey(connection),
                spec.dueAt(),
                process.key(),
                processId,
                null,
                null,
                start.id(),
                spec.interval() == null ? 0 : spec.repetitions(),
                spec.interval());
        newTimers.add(timer);
        var value = org.clearance.engine.db.Json.object();
        value.put("bpmnProcessId", processId);
        value.put("processDefinitionKey", process.key());
        value.put("targetElementId", start.id());
        value.put("dueDate", spec.dueAt());
        value.put("repetitions", spec.repetitions());
        records.add(timer.key(), ValueType.TIMER, Intent.CREATED, null, value);
      }
    }
    TimerRow.insert(connection, newTimers);
    long earliest = Long.MAX_VALUE;
    for (TimerRow timer : newTimers) {
      earliest = Math.min(earliest, timer.dueAt());
    }
    return earliest;
  }
}
