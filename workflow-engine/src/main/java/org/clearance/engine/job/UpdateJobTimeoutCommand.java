package org.clearance.engine.job;

import jakarta.enterprise.context.ApplicationScoped;
import org.clearance.engine.command.AuthorizedTenants;
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.db.Db;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.RecordBatch;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.JobRow;

/** UpdateJobTimeout: an activated job's deadline becomes now + the new timeout. */
@ApplicationScoped
public class UpdateJobTimeoutCommand
    implements CommandHandler<UpdateJobTimeoutCommand.Request, Void> {

  /**
   * @param timeout milliseconds from now
   */
  public record Request(long jobKey, long timeout, AuthorizedTenants tenants) {
    /** A job of a tenant the caller may not use is NOT_FOUND, as if it did not exist. */
    public Request(long jobKey, long timeout) {
      this(jobKey, timeout, AuthorizedTenants.ALL);
    }
  }

  private final Db db;

  UpdateJobTimeoutCommand(Db db) {
    this.db = db;
  }

  @Override
  public Void execute(Request request) {
    long jobKey = request.jobKey();
    db.inTransaction(
        connection -> {
          JobRow job = JobLock.find(connection, "engine.job", jobKey, true);
          if (job != null && !request.tenants().allows(job.tenantId())) {
            throw JobLock.notFound(jobKey, "update the timeout of");
          }
          if (job == null) {
            JobRow failed = JobLock.find(connection, "engine.failed_job", jobKey, false);
            if (failed != null && request.tenants().allows(failed.tenantId())) {
              throw Rejection.invalidState(
                  "Expected to update the timeout of job with key '%d', but it is failed"
                      .formatted(jobKey));
            }
            throw JobLock.notFound(jobKey, "update the timeout of");
          }
          if (job.state() != JobRow.ACTIVATED) {
            throw Rejection.invalidState(
                "Expected to update the timeout of job with key '%d', but it is not activated"
                    .formatted(jobKey));
          }
          JobRow updated =
              job.with(
                  JobRow.ACTIVATED,
                  System.currentTimeMillis() + request.timeout(),
                  job.retries(),
                  job.worker(),
                  job.errorMessage());
          JobLock.update(connection, updated);
          var records = new RecordBatch();
          records.add(
              jobKey,
              ValueType.JOB,
              Intent.TIMEOUT_UPDATED,
              job.processInstanceKey(),
              JobActivator.jobValue(updated));
          records.flush(connection);
          return null;
        });
    return null;
  }
}
