package org.clearance.engine.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.clearance.engine.db.Db;
import org.clearance.engine.db.Json;
import org.clearance.engine.gateway.Rejection;
import org.clearance.engine.record.RecordBatch;
import org.clearance.engine.runtime.BpmnProcessor;
import org.clearance.engine.runtime.CommitEffects;
import org.clearance.engine.runtime.ElementInstance;
import org.clearance.engine.runtime.Execution;
import org.clearance.engine.runtime.InstanceRepository;
import org.clearance.engine.runtime.InstanceState;
import org.clearance.engine.runtime.JobRow;
import org.jboss.logging.Logger;

/** Job commands: activate, complete, fail, throw error, update retries and timeout. */
@ApplicationScoped
public class JobService {

  private static final Logger LOG = Logger.getLogger(JobService.class);

  public record Activation(
      String type,
      String worker,
      long timeout,
      int maxJobs,
      List<String> fetchVariables,
      List<String> tenantIds) {}

  private final Db db;
  private final InstanceRepository instances;
  private final CommitEffects effects;
  private final JobSignals signals;
  private final Timer activationLatency;
  private final ScheduledExecutorService scheduler;

  JobService(
      Db db,
      InstanceRepository instances,
      CommitEffects effects,
      JobSignals signals,
      MeterRegistry registry,
      EngineScheduler scheduler) {
    this.db = db;
    this.instances = instances;
    this.effects = effects;
    this.signals = signals;
    this.scheduler = scheduler.executor();
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
              records.add(job.key(), "JOB", "TIMED_OUT", job.processInstanceKey(), jobValue(job));
            }
            records.add(job.key(), "JOB", "ACTIVATED", job.processInstanceKey(), jobValue(job));
            activationLatency.record(Math.max(0, now - job.createdAt()), TimeUnit.MILLISECONDS);
            activated.add(toProto(job, variables));
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

  private static ActivatedJob toProto(JobRow job, Map<String, JsonNode> variables) {
    return ActivatedJob.newBuilder()
        .setKey(job.key())
        .setType(job.type())
        .setProcessInstanceKey(job.processInstanceKey())
        .setBpmnProcessId(job.bpmnProcessId())
        .setProcessDefinitionVersion(job.processVersion())
        .setProcessDefinitionKey(job.processDefinitionKey())
        .setElementId(job.elementId())
        .setElementInstanceKey(job.elementInstanceKey())
        .setCustomHeaders(job.customHeaders())
        .setWorker(job.worker() == null ? "" : job.worker())
        .setRetries(job.retries())
        .setDeadline(job.dueAt())
        .setVariables(Json.toDocument(variables))
        .setTenantId(job.tenantId())
        .setKind(ActivatedJob.JobKind.BPMN_ELEMENT)
        .setListenerEventType(ActivatedJob.ListenerEventType.UNSPECIFIED)
        .build();
  }

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
                        job.key(), "JOB", "YIELDED", job.processInstanceKey(), jobValue(job));
                  }
                }
              }
              records.flush(connection);
              return yielded;
            });
    types.forEach(signals::jobsAvailable);
  }

  // ---------------------------------------------------------------- complete, fail, throw

  public void complete(long jobKey, String variablesDocument) {
    Map<String, JsonNode> variables = Json.parseVariables(variablesDocument, "job variables");
    Execution execution =
        db.inTransaction(
            connection -> {
              JobCommand command = lockJob(connection, jobKey, "complete");
              if (command.failed) {
                throw Rejection.invalidState(
                    "Expected to complete job with key '%d', but it is in state 'FAILED'; resolve its incident first"
                        .formatted(jobKey));
              }
              Execution locked = command.execution;
              locked.deleteJob(jobKey);
              locked.record(jobKey, "JOB", "COMPLETED", jobValue(command.job));
              new BpmnProcessor(locked).completeJobTask(command.element, variables);
              effects.flush(locked);
              return locked;
            });
    effects.afterCommit(execution);
  }

  public void fail(
      long jobKey, int retries, String errorMessage, long retryBackOff, String variablesDocument) {
    Map<String, JsonNode> variables = Json.parseVariables(variablesDocument, "job variables");
    String message = errorMessage == null ? "" : errorMessage;
    long[] dueAt = {0};
    String[] type = {null};
    Execution execution =
        db.inTransaction(
            connection -> {
              JobCommand command = lockJob(connection, jobKey, "fail");
              requireActivated(command, "fail");
              Execution locked = command.execution;
              var processor = new BpmnProcessor(locked);
              if (!variables.isEmpty()) {
                processor.setVariables(command.element.key, variables, true);
              }
              JobRow job = command.job;
              if (retries > 0) {
                long due = retryBackOff > 0 ? locked.now() + retryBackOff : 0;
                JobRow failed = job.with(JobRow.ACTIVATABLE, due, retries, null, message);
                update(connection, failed);
                locked.record(jobKey, "JOB", "FAILED", jobValue(failed));
                dueAt[0] = due;
                type[0] = job.type();
              } else {
                JobRow failed = job.with(JobRow.FAILED, 0, 0, job.worker(), message);
                locked.record(jobKey, "JOB", "FAILED", jobValue(failed));
                String text = message.isBlank() ? "No more retries left." : message;
                long incident =
                    processor.raiseIncident(
                        command.element, "JOB_NO_RETRIES", text, ElementInstance.Step.JOB, jobKey);
                moveToFailed(locked, failed, incident);
              }
              effects.flush(locked);
              return locked;
            });
    effects.afterCommit(execution);
    if (type[0] != null) {
      wakeAt(type[0], dueAt[0]);
    }
  }

  public void throwError(
      long jobKey, String errorCode, String errorMessage, String variablesDocument) {
    Map<String, JsonNode> variables = Json.parseVariables(variablesDocument, "error variables");
    if (errorCode == null || errorCode.isBlank()) {
      throw Rejection.invalidArgument("Expected an error code, but none was given");
    }
    Execution execution =
        db.inTransaction(
            connection -> {
              JobCommand command = lockJob(connection, jobKey, "throw an error for");
              requireActivated(command, "throw an error for");
              Execution locked = command.execution;
              JobRow job =
                  command.job.with(
                      JobRow.ERROR_THROWN,
                      0,
                      command.job.retries(),
                      command.job.worker(),
                      errorMessage);
              ObjectNode value = jobValue(job);
              value.put("errorCode", errorCode);
              locked.record(jobKey, "JOB", "ERROR_THROWN", value);
              command.element.jobKey = 0;
              var processor = new BpmnProcessor(locked);
              if (processor.throwError(command.element, errorCode, variables)) {
                locked.deleteJob(jobKey);
              } else {
                command.element.jobKey = jobKey;
                long incident =
                    processor.raiseUncaughtErrorIncident(
                        command.element, errorCode, errorMessage, jobKey);
                moveToFailed(locked, job, incident);
              }
              effects.flush(locked);
              return locked;
            });
    effects.afterCommit(execution);
  }

  // ---------------------------------------------------------------- updates

  public void updateRetries(long jobKey, int retries) {
    if (retries < 1) {
      throw Rejection.invalidArgument(
          "Expected to update job with key '%d' with a positive amount of retries, but got %d"
              .formatted(jobKey, retries));
    }
    db.inTransaction(
        connection -> {
          JobRow job = null;
          for (String table : new String[] {"engine.job", "engine.failed_job"}) {
            try (var statement =
                connection.prepareStatement(
                    "UPDATE "
                        + table
                        + " SET retries = ? WHERE key = ? RETURNING "
                        + JobRow.COLUMNS)) {
              statement.setInt(1, retries);
              statement.setLong(2, jobKey);
              try (var rs = statement.executeQuery()) {
                if (rs.next()) {
                  job = JobRow.read(rs);
                  break;
                }
              }
            }
          }
          if (job == null) {
            throw notFound(jobKey, "update retries of");
          }
          var records = new RecordBatch();
          records.add(jobKey, "JOB", "RETRIES_UPDATED", job.processInstanceKey(), jobValue(job));
          records.flush(connection);
          return null;
        });
  }

  public void updateTimeout(long jobKey, long timeout) {
    db.inTransaction(
        connection -> {
          JobRow job = find(connection, "engine.job", jobKey, true);
          if (job == null) {
            if (find(connection, "engine.failed_job", jobKey, false) != null) {
              throw Rejection.invalidState(
                  "Expected to update the timeout of job with key '%d', but it is failed"
                      .formatted(jobKey));
            }
            throw notFound(jobKey, "update the timeout of");
          }
          if (job.state() != JobRow.ACTIVATED) {
            throw Rejection.invalidState(
                "Expected to update the timeout of job with key '%d', but it is not activated"
                    .formatted(jobKey));
          }
          JobRow updated =
              job.with(
                  JobRow.ACTIVATED,
                  System.currentTimeMillis() + timeout,
                  job.retries(),
                  job.worker(),
                  job.errorMessage());
          update(connection, updated);
          var records = new RecordBatch();
          records.add(
              jobKey, "JOB", "TIMEOUT_UPDATED", job.processInstanceKey(), jobValue(updated));
          records.flush(connection);
          return null;
        });
  }

  // ---------------------------------------------------------------- helpers

  private static final class JobCommand {
    Execution execution;
    JobRow job;
    ElementInstance element;
    boolean failed;
  }

  /** Locks the job's instance first, then the job: the order every command uses. */
  private JobCommand lockJob(Connection connection, long jobKey, String action)
      throws SQLException {
    var command = new JobCommand();
    JobRow job = find(connection, "engine.job", jobKey, false);
    if (job == null) {
      job = find(connection, "engine.failed_job", jobKey, false);
      command.failed = job != null;
    }
    if (job == null) {
      throw notFound(jobKey, action);
    }
    command.execution = instances.lock(connection, job.processInstanceKey());
    job = find(connection, command.failed ? "engine.failed_job" : "engine.job", jobKey, true);
    if (command.execution == null || job == null) {
      throw notFound(jobKey, action);
    }
    command.job = job;
    command.element = command.execution.state().element(job.elementInstanceKey());
    if (command.element == null) {
      throw notFound(jobKey, action);
    }
    return command;
  }

  private static void requireActivated(JobCommand command, String action) {
    if (command.failed) {
      throw Rejection.invalidState(
          "Expected to %s job with key '%d', but it is in state 'FAILED'"
              .formatted(action, command.job.key()));
    }
    if (command.job.state() != JobRow.ACTIVATED) {
      throw Rejection.invalidState(
          "Expected to %s job with key '%d', but it is not activated"
              .formatted(action, command.job.key()));
    }
  }

  private static Rejection notFound(long jobKey, String action) {
    return Rejection.notFound(
        "Expected to %s job with key '%d', but no such job was found".formatted(action, jobKey));
  }

  static JobRow find(Connection connection, String table, long jobKey, boolean forUpdate)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT "
                + JobRow.COLUMNS
                + " FROM "
                + table
                + " WHERE key = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
      statement.setLong(1, jobKey);
      try (var rs = statement.executeQuery()) {
        return rs.next() ? JobRow.read(rs) : null;
      }
    }
  }

  private static void update(Connection connection, JobRow job) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "UPDATE engine.job SET state = ?, due_at = ?, retries = ?, worker = ?, error_message = ?"
                + " WHERE key = ?")) {
      statement.setInt(1, job.state());
      statement.setLong(2, job.dueAt());
      statement.setInt(3, job.retries());
      statement.setString(4, job.worker());
      statement.setString(5, job.errorMessage());
      statement.setLong(6, job.key());
      statement.executeUpdate();
    }
  }

  private static void moveToFailed(Execution execution, JobRow job, long incidentKey) {
    execution.moveJobToFailed(job, incidentKey);
  }

  /** Wakes long polls when a job becomes activatable, now or after its back-off. */
  private void wakeAt(String type, long dueAt) {
    long delay = dueAt - System.currentTimeMillis();
    if (delay <= 0) {
      signals.jobsAvailable(type);
    } else {
      scheduler.schedule(() -> signals.jobsAvailable(type), delay, TimeUnit.MILLISECONDS);
    }
  }

  static Logger log() {
    return LOG;
  }
}
