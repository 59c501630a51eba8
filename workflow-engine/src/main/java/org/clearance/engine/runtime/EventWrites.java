package org.clearance.engine.runtime;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearance.engine.command.EngineSignals.MessageStartedInstanceEnded;
import org.clearance.engine.db.Json;
import org.clearance.engine.message.SubscriptionRow;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.timer.TimerRow;

/**
 * The message subscriptions and timers one command opens and closes. Subscriptions belong to a
 * waiting element instance (an "event owner"); they are closed when the owner leaves the instance
 * (completed or terminated) or explicitly (an interrupting event sub-process closes its scope's).
 */
public final class EventWrites {

  final List<SubscriptionRow> subscriptions = new ArrayList<>();
  final List<TimerRow> timers = new ArrayList<>();
  final Set<Long> closedOwners = new LinkedHashSet<>();
  final Map<Long, Set<String>> closedCatches = new LinkedHashMap<>();
  MessageStartedInstanceEnded endedMessageStart;

  public void addTimer(TimerRow timer) {
    timers.add(timer);
  }

  public List<TimerRow> timers() {
    return timers;
  }

  public MessageStartedInstanceEnded endedMessageStart() {
    return endedMessageStart;
  }

  /** Earliest due time of the timers created, or Long.MAX_VALUE. */
  public long earliestTimer() {
    long earliest = Long.MAX_VALUE;
    for (TimerRow timer : timers) {
      earliest = Math.min(earliest, timer.dueAt());
    }
    return earliest;
  }

  /**
   * Closes some of an owner's subscriptions and timers only (an interrupting event sub-process
   * closes the event sub-process starts of its scope, not the scope's boundary events).
   */
  void closeCatches(long owner, Collection<String> catchElementIds) {
    closedCatches.computeIfAbsent(owner, k -> new LinkedHashSet<>()).addAll(catchElementIds);
  }

  boolean isClosed(long owner, String catchElementId) {
    Set<String> closed = closedCatches.get(owner);
    return closedOwners.contains(owner) || (closed != null && closed.contains(catchElementId));
  }

  private static void close(Execution execution, List<Long> owners, Set<String> catchElementIds)
      throws SQLException {
    var connection = execution.connection;
    Object[] keys = owners.toArray();
    String only = catchElementIds == null ? "" : " AND element_id = ANY(?)";
    try (var statement =
        connection.prepareStatement(
            "DELETE FROM engine.message_subscription WHERE element_instance_key = ANY(?)"
                + only
                + " RETURNING key, name, correlation_key, element_instance_key, element_id")) {
      statement.setArray(1, connection.createArrayOf("bigint", keys));
      if (catchElementIds != null) {
        statement.setArray(2, connection.createArrayOf("text", catchElementIds.toArray()));
      }
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          var value = Json.object();
          value.put("messageName", rs.getString(2));
          value.put("correlationKey", rs.getString(3));
          value.put("elementInstanceKey", rs.getLong(4));
          value.put("elementId", rs.getString(5));
          value.put("processInstanceKey", execution.state.processInstanceKey);
          execution.record(rs.getLong(1), ValueType.MESSAGE_SUBSCRIPTION, Intent.DELETED, value);
        }
      }
    }
    try (var statement =
        connection.prepareStatement(
            "DELETE FROM engine.timer WHERE element_instance_key = ANY(?)"
                + only
                + " RETURNING key, element_instance_key, element_id, due_at")) {
      statement.setArray(1, connection.createArrayOf("bigint", keys));
      if (catchElementIds != null) {
        statement.setArray(2, connection.createArrayOf("text", catchElementIds.toArray()));
      }
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          var value = Json.object();
          value.put("elementInstanceKey", rs.getLong(2));
          value.put("targetElementId", rs.getString(3));
          value.put("dueDate", rs.getLong(4));
          value.put("processInstanceKey", execution.state.processInstanceKey);
          execution.record(rs.getLong(1), ValueType.TIMER, Intent.CANCELED, value);
        }
      }
    }
  }

  void flush(Execution execution) throws SQLException {
    var connection = execution.connection;
    InstanceState state = execution.state;
    SubscriptionRow.insert(connection, subscriptions);
    TimerRow.insert(connection, timers);
    var closing = new ArrayList<Long>();
    for (Long owner : state.eventOwners) {
      if (execution.ended || state.element(owner) == null || closedOwners.contains(owner)) {
        closing.add(owner);
      }
    }
    if (!closing.isEmpty()) {
      state.eventOwners.removeAll(closing);
      close(execution, closing, null);
    }
    for (var entry : closedCatches.entrySet()) {
      if (!closing.contains(entry.getKey())) {
        close(execution, List.of(entry.getKey()), entry.getValue());
      }
    }
    if (execution.ended && state.messageStartCorrelationKey != null) {
      try (var statement =
          connection.prepareStatement(
              "DELETE FROM engine.message_start_instance WHERE process_instance_key = ?")) {
        statement.setLong(1, state.processInstanceKey);
        statement.executeUpdate();
      }
      endedMessageStart =
          new MessageStartedInstanceEnded(
              execution.process.bpmnProcessId(),
              state.messageStartCorrelationKey,
              execution.process.tenantId());
    }
  }
}
