package org.clearance.engine.job;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.clearance.engine.command.AuthorizedTenants;
import org.clearance.engine.command.CommandExecutor;
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.command.EngineScheduler;
import org.clearance.engine.command.EngineSignals;
import org.clearance.engine.db.Db;
import org.clearance.engine.job.JobLock.LockedJob;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.BpmnProcessor;
import org.clearance.engine.runtime.CommitEffects;
import org.clearance.engine.runtime.Execution;
import org.clearance.engine.runtime.JobRow;

/**
 * FailJob: with retries left the job becomes activatable again (after its back-off); without, it
 * moves to {@code failed_job} and a JOB_NO_RETRIES incident holds its task.
 */
@ApplicationScoped
public class FailJobCommand implements CommandHandler<FailJobCommand.Request, Void> {

  public record Request(
      long jobKey,
      int retries,
      String errorMessage,
      long retryBackOff,
      Map<String, JsonNode> variables,
      AuthorizedTenants tenants) {
    /** A job of a tenant the caller may not use is NOT_FOUND, as if it did not exist. */
    public Request(
        long jobKey,
        int retries,
        String errorMessage,
        long retryBackOff,
        Map<String, JsonNode> variables) {
      this(jobKey, retries, errorMessage, retryBackOff, variables, AuthorizedTenants.ALL);
    }
  }

  private final Db db;
  private final JobLock jobs;
  private final CommitEffects effects;
  private final EngineSignals signals;
  private final ScheduledExecutorService scheduler;

  FailJobCommand(
      Db db,
      JobLock jobs,
      CommitEffects effects,
      EngineSignals signals,
      EngineScheduler scheduler) {
    this.db = db;
    this.jobs = jobs;
    this.effects = effects;
    this.signals = signals;
    this.scheduler = scheduler.executor();
  }

  @Override
  public CommandExecutor.Lane lane() {
    return CommandExecutor.Lane.JOB_RESULT;
  }

  @Override
  public Void execute(Request request) {
    long jobKey = request.jobKey();
    int retries = request.retries();
    Map<String, JsonNode> variables = request.variables();
    String message = request.errorMessage() == null ? "" : request.errorMessage();
    long[] dueAt = {0};
    String[] type = {null};
    Execution execution =
        db.inTransaction(
            connection -> {
              LockedJob job = jobs.lock(connection, jobKey, "fail", request.tenants());
              job.requireActivated("fail");
              Execution locked = job.execution();
              var processor = new BpmnProcessor(locked);
              if (!variables.isEmpty()) {
                processor.setVariables(job.element().key(), variables, true);
              }
              JobRow row = job.job();
              if (retries > 0) {
                long due = request.retryBackOff() > 0 ? locked.now() + request.retryBackOff() : 0;
                JobRow failed = row.with(JobRow.ACTIVATABLE, due, retries, null, message);
                JobLock.update(connection, failed);
                locked.record(jobKey, ValueType.JOB, Intent.FAILED, JobActivator.jobValue(failed));
                dueAt[0] = due;
                type[0] = row.type();
              } else {
                JobRow failed = row.with(JobRow.FAILED, 0, 0, row.worker(), message);
                locked.record(jobKey, ValueType.JOB, Intent.FAILED, JobActivator.jobValue(failed));
                String text = message.isBlank() ? "No more retries left." : message;
                long incident =
                    processor.raiseJobIncident(job.element(), "JOB_NO_RETRIES", text, jobKey);
                locked.moveJobToFailed(failed, incident);
              }
              effects.flush(locked);
              return locked;
            });
    effects.afterCommit(execution);
    if (type[0] != null) {
      wakeAt(type[0], dueAt[0]);
    }
    return null;
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
}
