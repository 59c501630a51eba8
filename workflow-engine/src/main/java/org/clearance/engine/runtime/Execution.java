package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearance.engine.db.Json;
import org.clearance.engine.db.KeyGenerator;
import org.clearance.engine.deployment.ExecutableProcess;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.RecordBatch;
import org.clearance.engine.record.ValueType;

/**
 * One command's unit of work on one process instance: the locked state, the compiled process, and
 * every write the command produces. {@link #flush()} writes them with a handful of statements at
 * the end of the transaction.
 */
public final class Execution {

  public record Incident(
      long key,
      long processInstanceKey,
      long elementInstanceKey,
      String elementId,
      Long jobKey,
      String errorType,
      String errorMessage) {}

  final Connection connection;
  final KeyGenerator keys;
  final long now;

  /** The engine clock (timers, message time-to-live); a test can move it ahead of wall time. */
  final long clockNow;

  final ExecutableProcess process;
  final InstanceState state;
  final boolean stored;
  final RecordBatch records = new RecordBatch();

  final List<JobRow> newJobs = new ArrayList<>();
  final List<Long> deletedJobs = new ArrayList<>();

  /** Jobs moved from the hot table to failed_job, with the incident that holds them. */
  final List<JobRow> failedJobs = new ArrayList<>();

  final List<Long> failedJobIncidents = new ArrayList<>();
  final List<Incident> newIncidents = new ArrayList<>();
  final List<Long> resolvedIncidents = new ArrayList<>();
  final Set<String> signalledJobTypes = new LinkedHashSet<>();

  final EventWrites events = new EventWrites();

  boolean ended;

  /** Loads and starts other instances (call activities); set by {@link InstanceRepository}. */
  InstanceRepository instances;

  /**
   * Every instance this command touched, by process instance key, this one included: a call
   * activity's child or parent runs in the same transaction and is flushed with it.
   */
  Map<Long, Execution> group;

  /** The processor running on this execution, so related instances can hand it work. */
  BpmnProcessor processor;

  /** The processor of this execution: the one running on it, or a new one. */
  BpmnProcessor processor() {
    return processor != null ? processor : new BpmnProcessor(this);
  }

  /** The element lifecycle of this execution (a related instance terminates a called one). */
  ElementLifecycle lifecycle() {
    return processor().lifecycle;
  }

  /** Set when the instance completed and a client waits for its result. */
  Map<String, com.fasterxml.jackson.databind.JsonNode> result;

  Execution(
      Connection connection,
      KeyGenerator keys,
      ExecutableProcess process,
      InstanceState state,
      boolean stored) {
    this(connection, keys, process, state, stored, System.currentTimeMillis());
  }

  /** With the engine clock's time, which timers and message lifetimes are measured against. */
  Execution(
      Connection connection,
      KeyGenerator keys,
      ExecutableProcess process,
      InstanceState state,
      boolean stored,
      long clockNow) {
    this.connection = connection;
    this.keys = keys;
    this.now = System.currentTimeMillis();
    this.clockNow = clockNow;
    this.process = process;
    this.state = state;
    this.stored = stored;
  }

  /** This execution and every related one the command loaded or started, in load order. */
  public java.util.Collection<Execution> group() {
    return group == null ? List.of(this) : group.values();
  }

  private Map<Long, Execution> groupMap() {
    if (group == null) {
      group = new java.util.LinkedHashMap<>();
      group.put(state.processInstanceKey, this);
    }
    return group;
  }

  /** Another instance in this transaction: already loaded, or locked now; null if it is gone. */
  Execution related(long processInstanceKey) throws SQLException {
    Map<Long, Execution> members = groupMap();
    Execution loaded = members.get(processInstanceKey);
    if (loaded != null) {
      return loaded;
    }
    Execution locked = instances.lock(connection, processInstanceKey);
    if (locked != null) {
      locked.group = members;
      members.put(processInstanceKey, locked);
    }
    return locked;
  }

  /** Starts a new instance in this transaction (a call activity's child). */
  Execution startRelated(ExecutableProcess child) {
    Map<Long, Execution> members = groupMap();
    Execution started = instances.start(connection, child);
    started.group = members;
    members.put(started.state.processInstanceKey, started);
    return started;
  }

  public InstanceState state() {
    return state;
  }

  public ExecutableProcess process() {
    return process;
  }

  public long now() {
    return now;
  }

  public long clockNow() {
    return clockNow;
  }

  public RecordBatch records() {
    return records;
  }

  public Set<String> signalledJobTypes() {
    return signalledJobTypes;
  }

  public boolean ended() {
    return ended;
  }

  public Map<String, com.fasterxml.jackson.databind.JsonNode> result() {
    return result;
  }

  public EventWrites events() {
    return events;
  }

  public Connection connection() {
    return connection;
  }

  public long nextKey() {
    return keys.nextKey(connection);
  }

  public void record(long key, ValueType valueType, Intent intent, ObjectNode value) {
    records.add(key, valueType, intent, state.processInstanceKey, value);
  }

  public void deleteJob(long jobKey) {
    deletedJobs.add(jobKey);
  }

  /** Puts a job (back) into the hot table and wakes workers of its type after commit. */
  public void recreateJob(JobRow job) {
    newJobs.add(job);
    signalledJobTypes.add(job.type());
    ObjectNode value = Json.object().put("type", job.type()).put("retries", job.retries());
    records.add(job.key(), ValueType.JOB, Intent.ACTIVATABLE, state.processInstanceKey, value);
  }

  /** Moves a job out of the hot table; it waits in failed_job until its incident is resolved. */
  public void moveJobToFailed(JobRow job, long incidentKey) {
    failedJobs.add(job);
    failedJobIncidents.add(incidentKey);
  }

  public void flush() throws SQLException {
    if (ended) {
      if (stored) {
        try (var statement =
            connection.prepareStatement("DELETE FROM engine.process_instance WHERE key = ?")) {
          statement.setLong(1, state.processInstanceKey);
          statement.executeUpdate();
        }
      }
    } else if (stored) {
      try (var statement =
          connection.prepareStatement(
              "UPDATE engine.process_instance SET state = ?::jsonb WHERE key = ?")) {
        statement.setString(1, Json.write(state));
        statement.setLong(2, state.processInstanceKey);
        statement.executeUpdate();
      }
    } else {
      try (var statement =
          connection.prepareStatement(
              "INSERT INTO engine.process_instance (key, process_definition_key, state)"
                  + " VALUES (?, ?, ?::jsonb)")) {
        statement.setLong(1, state.processInstanceKey);
        statement.setLong(2, state.processDefinitionKey);
        statement.setString(3, Json.write(state));
        statement.executeUpdate();
      }
    }
    if (!failedJobs.isEmpty()) {
      try (var statement =
          connection.prepareStatement(
              "INSERT INTO engine.failed_job ("
                  + JobRow.COLUMNS
                  + ", incident_key)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < failedJobs.size(); i++) {
          bind(statement, failedJobs.get(i));
          statement.setLong(17, failedJobIncidents.get(i));
          statement.addBatch();
        }
        statement.executeBatch();
      }
      for (JobRow job : failedJobs) {
        deletedJobs.add(job.key());
      }
    }
    if (!deletedJobs.isEmpty()) {
      Object[] keys = deletedJobs.toArray();
      try (var statement =
          connection.prepareStatement("DELETE FROM engine.job WHERE key = ANY(?)")) {
        statement.setArray(1, connection.createArrayOf("bigint", keys));
        statement.executeUpdate();
      }
    }
    if (!newJobs.isEmpty()) {
      try (var statement =
          connection.prepareStatement(
              "INSERT INTO engine.job ("
                  + JobRow.COLUMNS
                  + ")"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (JobRow job : newJobs) {
          bind(statement, job);
          statement.addBatch();
        }
        statement.executeBatch();
      }
    }
    if (!resolvedIncidents.isEmpty()) {
      try (var statement =
          connection.prepareStatement("DELETE FROM engine.incident WHERE key = ANY(?)")) {
        statement.setArray(1, connection.createArrayOf("bigint", resolvedIncidents.toArray()));
        statement.executeUpdate();
      }
    }
    if (!newIncidents.isEmpty()) {
      try (var statement =
          connection.prepareStatement(
              "INSERT INTO engine.incident (key, process_instance_key, element_instance_key,"
                  + " element_id, job_key, error_type, error_message) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (Incident incident : newIncidents) {
          statement.setLong(1, incident.key());
          statement.setLong(2, incident.processInstanceKey());
          statement.setLong(3, incident.elementInstanceKey());
          statement.setString(4, incident.elementId());
          statement.setObject(5, incident.jobKey());
          statement.setString(6, incident.errorType());
          statement.setString(7, incident.errorMessage());
          statement.addBatch();
        }
        statement.executeBatch();
      }
    }
    events.flush(this);
    records.flush(connection);
  }

  /** Deletes a job that may sit in either job table (used when its element is terminated). */
  void deleteAnyJob(long jobKey) throws SQLException {
    deletedJobs.add(jobKey);
    try (var statement =
        connection.prepareStatement("DELETE FROM engine.failed_job WHERE key = ?")) {
      statement.setLong(1, jobKey);
      statement.executeUpdate();
    }
  }

  static void bind(PreparedStatement statement, JobRow job) throws SQLException {
    statement.setLong(1, job.key());
    statement.setString(2, job.type());
    statement.setInt(3, job.state());
    statement.setLong(4, job.dueAt());
    statement.setLong(5, job.createdAt());
    statement.setInt(6, job.retries());
    statement.setString(7, job.worker());
    statement.setString(8, job.errorMessage());
    statement.setLong(9, job.processInstanceKey());
    statement.setLong(10, job.elementInstanceKey());
    statement.setString(11, job.elementId());
    statement.setLong(12, job.processDefinitionKey());
    statement.setString(13, job.bpmnProcessId());
    statement.setInt(14, job.processVersion());
    statement.setString(15, job.customHeaders());
    statement.setString(16, job.tenantId());
  }
}
