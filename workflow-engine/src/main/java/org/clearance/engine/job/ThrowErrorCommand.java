package org.clearance.engine.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.clearance.engine.runtime.JobRow;

/**
 * ThrowError: a BPMN error from the job's task. Caught, the job goes and the catching event takes
 * over; uncaught, the job moves to {@code failed_job} under an UNHANDLED_ERROR_EVENT incident.
 */
@ApplicationScoped
public class ThrowErrorCommand implements CommandHandler<ThrowErrorCommand.Request, Void> {

  public record Request(
      long jobKey,
      String errorCode,
      String errorMessage,
      Map<String, JsonNode> variables,
      AuthorizedTenants tenants) {
    /** A job of a tenant the caller may not use is NOT_FOUND, as if it did not exist. */
    public Request(
        long jobKey, String errorCode, String errorMessage, Map<String, JsonNode> variables) {
      this(jobKey, errorCode, errorMessage, variables, AuthorizedTenants.ALL);
    }
  }

  private final Db db;
  private final JobLock jobs;
  private final CommitEffects effects;

  ThrowErrorCommand(Db db, JobLock jobs, CommitEffects effects) {
    this.db = db;
    this.jobs = jobs;
    this.effects = effects;
  }

  @Override
  public CommandExecutor.Lane lane() {
    return CommandExecutor.Lane.JOB_RESULT;
  }

  @Override
  public Void execute(Request request) {
    long jobKey = request.jobKey();
    String errorCode = request.errorCode();
    if (errorCode == null || errorCode.isBlank()) {
      throw Rejection.invalidArgument("Expected an error code, but none was given");
    }
    Execution execution =
        db.inTransaction(
            connection -> {
              LockedJob job =
                  jobs.lock(connection, jobKey, "throw an error for", request.tenants());
              job.requireActivated("throw an error for");
              Execution locked = job.execution();
              JobRow row =
                  job.job()
                      .with(
                          JobRow.ERROR_THROWN,
                          0,
                          job.job().retries(),
                          job.job().worker(),
                          request.errorMessage());
              ObjectNode value = JobActivator.jobValue(row);
              value.put("errorCode", errorCode);
              locked.record(jobKey, ValueType.JOB, Intent.ERROR_THROWN, value);
              long incident =
                  new BpmnProcessor(locked)
                      .throwErrorFromJob(
                          job.element(),
                          jobKey,
                          errorCode,
                          request.errorMessage(),
                          request.variables());
              if (incident == 0) {
                locked.deleteJob(jobKey);
              } else {
                locked.moveJobToFailed(row, incident);
              }
              effects.flush(locked);
              return locked;
            });
    effects.afterCommit(execution);
    return null;
  }
}
