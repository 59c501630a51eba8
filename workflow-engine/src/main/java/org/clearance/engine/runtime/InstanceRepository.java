package org.clearance.engine.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.clearance.engine.command.AuthorizedTenants;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.db.Json;
import org.clearance.engine.db.KeyGenerator;
import org.clearance.engine.deployment.DecisionRepository;
import org.clearance.engine.deployment.ExecutableProcess;
import org.clearance.engine.deployment.ProcessCache;
import org.clearance.engine.timer.EngineClock;

/** Loads a process instance under its row lock, or starts a new one. */
@ApplicationScoped
public class InstanceRepository {

  private final KeyGenerator keys;
  private final ProcessCache processes;
  private final DecisionRepository decisions;

  private final EngineClock clock;

  InstanceRepository(
      KeyGenerator keys, ProcessCache processes, DecisionRepository decisions, EngineClock clock) {
    this.clock = clock;
    this.keys = keys;
    this.processes = processes;
    this.decisions = decisions;
  }

  ProcessCache processes() {
    return processes;
  }

  DecisionRepository decisions() {
    return decisions;
  }

  private long now() {
    return clock.now();
  }

  /** Locks the instance row until the transaction ends; null if there is no such instance. */
  public Execution lock(Connection connection, long processInstanceKey) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT process_definition_key, state FROM engine.process_instance"
                + " WHERE key = ? FOR UPDATE")) {
      statement.setLong(1, processInstanceKey);
      try (var rs = statement.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        ExecutableProcess process = processes.byKey(connection, rs.getLong(1));
        InstanceState state = Json.read(rs.getString(2), InstanceState.class);
        var execution = new Execution(connection, keys, process, state, true, now());
        execution.instances = this;
        return execution;
      }
    }
  }

  public Execution lockOrReject(Connection connection, long processInstanceKey, String action)
      throws SQLException {
    return lockOrReject(connection, processInstanceKey, action, AuthorizedTenants.ALL);
  }

  /** As {@link #lockOrReject(Connection, long, String)}; another tenant's instance is NOT_FOUND. */
  public Execution lockOrReject(
      Connection connection, long processInstanceKey, String action, AuthorizedTenants tenants)
      throws SQLException {
    Execution execution = lock(connection, processInstanceKey);
    if (execution == null || !tenants.allows(execution.process().tenantId())) {
      throw Rejection.notFound(
          "Expected to %s process instance with key '%d', but no such process instance was found"
              .formatted(action, processInstanceKey));
    }
    return execution;
  }

  public Execution start(Connection connection, ExecutableProcess process) {
    var state = new InstanceState();
    state.processInstanceKey = keys.nextKey(connection);
    state.processDefinitionKey = process.key();
    var execution = new Execution(connection, keys, process, state, false, now());
    execution.instances = this;
    return execution;
  }

  /** Reads an instance without locking it (job activation reads variables this way). */
  public InstanceState read(Connection connection, long processInstanceKey) throws SQLException {
    try (var statement =
        connection.prepareStatement("SELECT state FROM engine.process_instance WHERE key = ?")) {
      statement.setLong(1, processInstanceKey);
      try (var rs = statement.executeQuery()) {
        return rs.next() ? Json.read(rs.getString(1), InstanceState.class) : null;
      }
    }
  }

  /**
   * Reads several instances without locking them, in one round trip (activation of a batch of
   * jobs). Instances that no longer exist are absent from the map.
   */
  public java.util.Map<Long, InstanceState> readAll(
      Connection connection, java.util.Collection<Long> processInstanceKeys) throws SQLException {
    var states = new java.util.HashMap<Long, InstanceState>();
    if (processInstanceKeys.isEmpty()) {
      return states;
    }
    try (var statement =
        connection.prepareStatement(
            "SELECT key, state FROM engine.process_instance WHERE key = ANY(?)")) {
      statement.setArray(1, connection.createArrayOf("bigint", processInstanceKeys.toArray()));
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          states.put(rs.getLong(1), Json.read(rs.getString(2), InstanceState.class));
        }
      }
    }
    return states;
  }

  /** The instance that holds an element instance, or 0 if none does. */
  public long instanceOfElement(Connection connection, long elementInstanceKey)
      throws SQLException {
    for (String sql :
        new String[] {
          "SELECT key FROM engine.process_instance WHERE key = ?",
          "SELECT process_instance_key FROM engine.job WHERE element_instance_key = ? LIMIT 1",
          "SELECT process_instance_key FROM engine.failed_job WHERE element_instance_key = ? LIMIT 1",
          "SELECT process_instance_key FROM engine.user_task WHERE element_instance_key = ?"
              + " AND state = 'CREATED' LIMIT 1",
          // rare: a scope without a job (a sub-process); this scans the running instances
          "SELECT key FROM engine.process_instance WHERE state -> 'elements' @> jsonb_build_array(jsonb_build_object('key', ?::bigint)) LIMIT 1"
        }) {
      try (var statement = connection.prepareStatement(sql)) {
        statement.setLong(1, elementInstanceKey);
        try (var rs = statement.executeQuery()) {
          if (rs.next()) {
            return rs.getLong(1);
          }
        }
      }
    }
    return 0;
  }
}
