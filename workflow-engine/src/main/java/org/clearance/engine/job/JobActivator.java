package org.clearance.engine.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.clearance.engine.command.EngineSignals;
import org.clearance.engine.db.Db;
import org.clearance.engine.db.Json;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.RecordBatch;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.InstanceRepository;
import org.clearance.engine.runtime.InstanceState;
import org.clearance.engine.runtime.JobRow;

/**
 * Hands activatable jobs to workers ({@code SKIP LOCKED}, one statement) and takes back jobs a push
 * could not deliver. Used by ActivateJobs (directly and from parked long polls) and by job streams.
 */
@ApplicationScoped
public class JobActivator {

  /** What a worker asks for. */
  public record Activation(
      String type,
      String worker,
      long timeout,
      int maxJobs,
      List<String> fetchVariables,
      List<String> tenantIds) {}

  private final Db db;
  private final InstanceRepository instances;
  private final EngineSignals signals;
  private final Timer activationLatency;

  JobActivator(Db db, InstanceRepository instances, EngineSignals signals, MeterRegistry registry) {
    this.db = db;
    this.instances = instances;
    this.signals = signals;
    this.activationLatency =
        Timer.builder("engine.job.activation.latency")
            .description("Time from job creation (or becoming activatable) to activation")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  // ---------------------------------------------------------------- activation

  public List<ActivatedJob> activate(Activation request) {
    return db.inTransaction(
        connection -> {
          long now = System.currentTimeMillis();
          var jobs = new ArrayList<JobRow>();
          var wasDueAt = new ArrayList<Long>();
          try (var statement =
              connection.prepareStatement(
                  "WITH due AS (SELECT key, due_at, state FROM engine.job WHERE type = ? AND due_at <= ?"
                      + " AND tenant_id = ANY(?) ORDER BY due_at, key LIMIT ? FOR UPDATE SKIP LOCKED)"
                      + " UPDATE engine.job j SET state = 1, due_at = ?, worker = ? FROM due"
                      + " WHERE j.key = due.key RETURNING "
                      + prefixed("j")
                      // SET LOCAL synchronous_commit = off, without a round trip of its own; it
                      // runs only when a job was activated
                      + ", due.due_at, due.state, set_config('synchronous_commit', 'off', true)")) {
            statement.setString(1, request.type());
            statement.setLong(2, now);
            statement.setArray(3, connection.createArrayOf("text", request.tenantIds().toArray()));
            statement.setInt(4, request.maxJobs());
            statement.setLong(5, now + request.timeout());
            statement.setString(6, request.worker());
            try (var rs = statement.executeQuery()) {
              while (rs.next()) {
                jobs.add(JobRow.read(rs));
                wasDueAt.add(rs.getInt(18) == JobRow.ACTIVATED ? rs.getLong(17) : -1L);
              }
            }
          }
          if (jobs.isEmpty()) {
            return List.of();
          }
          // The activation committed with synchronous_commit off (set in the UPDATE above): one
          // lost in a database crash only means the job is handed out again, as after a timeout
          // (at-least-once, as in Zeebe), so it need not wait for the WAL flush. Commands that a
          // client is told succeeded (create, complete, ...) still commit durably.
          var instanceKeys = new java.util.LinkedHashSet<Long>();
          jobs.forEach(job -> instanceKeys.add(job.processInstanceKey()));
          Map<Long, InstanceState> states = instances.readAll(connection, instanceKeys);
          var records = new RecordBatch();
          var activated = new ArrayList<ActivatedJob>();
          for (int i = 0; i < jobs.size(); i++) {
            JobRow job = jobs.get(i);
            InstanceState state = states.get(job.processInstanceKey());
            if (state == null || state.element(job.elementInstanceKey()) == null) {
              continue;
            }
            Map<String, JsonNode> variables = state.allVisible(job.elementInstanceKey());
            if (!request.fetchVariables().isEmpty()) {
              variables.keySet().retainAll(request.fetchVariables());
            }
            if (wasDueAt.get(i) >= 0) {
              records.add(
                  job.key(),
                  ValueType.JOB,
                  Intent.TIMED_OUT,
                  job.processInstanceKey(),
                  jobValue(job));
            }
            records.add(
                job.key(),
                ValueType.JOB,
                Intent.ACTIVATED,
                job.processInstanceKey(),
                jobValue(job));
            activationLatency.record(Math.max(0, now - job.createdAt()), TimeUnit.MILLISECONDS);
            activated.add(ActivatedJob.of(job, variables));
          }
          records.flush(connection);
          return activated;
        });
  }

  private static String prefixed(String alias) {
    var columns = new ArrayList<String>();
    for (String column : JobRow.COLUMNS.split(",")) {
      columns.add(alias + "." + column.trim());
    }
    return String.join(", ", columns);
  }

  /** The value of a JOB record. */
  static ObjectNode jobValue(JobRow job) {
    ObjectNode value = Json.object();
    value.put("type", job.type());
    value.put("worker", job.worker());
    value.put("retries", job.retries());
    value.put("deadline", job.dueAt());
    value.put("processInstanceKey", job.processInstanceKey());
    value.put("elementId", job.elementId());
    value.put("elementInstanceKey", job.elementInstanceKey());
    value.put("bpmnProcessId", job.bpmnProcessId());
    value.put("processDefinitionKey", job.processDefinitionKey());
    if (job.errorMessage() != null) {
      value.put("errorMessage", job.errorMessage());
    }
    return value;
  }

  /**
   * Gives activated jobs back at once (a push to a job stream failed): they become activatable
   * again without waiting for their timeout, and long polls are woken for them.
   */
  public void yieldJobs(List<Long> jobKeys) {
    var types =
        db.inTransaction(
            connection -> {
              var yielded = new java.util.LinkedHashSet<String>();
              var records = new RecordBatch();
              try (var statement =
                  connection.prepareStatement(
                      "UPDATE engine.job SET state = 0, due_at = 0, worker = NULL"
                          + " WHERE key = ANY(?) AND state = 1 RETURNING "
                          + JobRow.COLUMNS)) {
                statement.setArray(1, connection.createArrayOf("bigint", jobKeys.toArray()));
                try (var rs = statement.executeQuery()) {
                  while (rs.next()) {
                    JobRow job = JobRow.read(rs);
                    yielded.add(job.type());
                    records.add(
                        job.key(),
                        ValueType.JOB,
                        Intent.YIELDED,
                        job.processInstanceKey(),
                        jobValue(job));
                  }
                }
              }
              records.flush(connection);
              return yielded;
            });
    types.forEach(signals::jobsAvailable);
  }
}
