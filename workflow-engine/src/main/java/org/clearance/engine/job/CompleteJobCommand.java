package org.clearance.engine.job;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.clearance.engine.command.AuthorizedTenants;
import org.clearance.engine.command.CommandExecutor;
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.db.Db;
import org.clearance.engine.job.JobLock.LockedJob;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.BpmnProcessor;
import org.clearance.engine.runtime.CommitEffects;
import org.clearance.engine.runtime.Execution;

/** CompleteJob: the job goes, its task completes with the job's variables. */
@ApplicationScoped
public class CompleteJobCommand implements CommandHandler<CompleteJobCommand.Request, Void> {

  /** A job of a tenant the caller may not use is NOT_FOUND, as if it did not exist. */
  public record Request(long jobKey, Map<String, JsonNode> variables, AuthorizedTenants tenants) {
    public Request(long jobKey, Map<String, JsonNode> variables) {
      this(jobKey, variables, AuthorizedTenants.ALL);
    }
  }

  private final Db db;
  private final JobLock jobs;
  private final CommitEffects effects;

  CompleteJobCommand(Db db, JobLock jobs, CommitEffects effects) {
    this.db = db;
    this.jobs = jobs;
    this.effects = effects;
  }

  @Override
  public CommandExecutor.Lane lane() {
    return CommandExecutor.Lane.JOB_RESULT;
  }

  /** Lock order: the job's instance, then the job (see {@link JobLock}). */
  @Override
  public Void execute(Request request) {
    long jobKey = request.jobKey();
    Execution execution =
        db.inTransaction(
            connection -> {
              LockedJob job = jobs.lock(connection, jobKey, "complete", request.tenants());
              if (job.failed()) {
                throw Rejection.invalidState(
                    "Expected to complete job with key '%d', but it is in state 'FAILED'; resolve its incident first"
                        .formatted(jobKey));
              }
              Execution locked = job.execution();
              locked.deleteJob(jobKey);
              locked.record(
                  jobKey, ValueType.JOB, Intent.COMPLETED, JobActivator.jobValue(job.job()));
              new BpmnProcessor(locked).completeJobTask(job.element(), request.variables());
              effects.flush(locked);
              return locked;
            });
    effects.afterCommit(execution);
    return null;
  }
}
