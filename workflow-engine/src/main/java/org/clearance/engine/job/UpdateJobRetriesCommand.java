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

/**
 * UpdateJobRetries: also for a failed job (the retries its incident's resolution will need); the
 * job row alone is updated, its instance is not locked.
 */
@ApplicationScoped
public class UpdateJobRetriesCommand
    implements CommandHandler<UpdateJobRetriesCommand.Request, Void> {

  public record Request(long jobKey, int retries, AuthorizedTenants tenants) {
    /** A job of a tenant the caller may not use is NOT_FOUND, as if it did not exist. */
    public Request(long jobKey, int retries) {
      this(jobKey, retries, AuthorizedTenants.ALL);
    }
  }

  private final Db db;

  UpdateJobRetriesCommand(Db db) {
    this.db = db;
  }

  @Override
  public Void execute(Request request) {
    long jobKey = request.jobKey();
    int retries = request.retries();
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
          if (job == null || !request.tenants().allows(job.tenantId())) {
            // another tenant's job: the update rolls back with the rejection
            throw JobLock.notFound(jobKey, "update retries of");
          }
          var records = new RecordBatch();
          records.add(
              jobKey,
              ValueType.JOB,
              Intent.RETRIES_UPDATED,
              job.processInstanceKey(),
              JobActivator.jobValue(job));
          records.flush(connection);
          return null;
        });
    return null;
  }
}
