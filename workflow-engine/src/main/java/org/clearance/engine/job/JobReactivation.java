package org.clearance.engine.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.runtime.Execution;
import org.clearance.engine.runtime.JobRow;

/** Moves a failed job back into the hot table when its incident is resolved. */
@ApplicationScoped
public class JobReactivation {

  public void reactivate(Execution execution, long jobKey, long incidentKey) throws SQLException {
    var connection = execution.connection();
    JobRow job = JobLock.find(connection, "engine.failed_job", jobKey, true);
    if (job == null) {
      return;
    }
    if (job.retries() <= 0) {
      throw Rejection.invalidState(
          ("Expected to resolve incident with key '%d', but job with key '%d' has no retries left;"
                  + " update the job's retries first")
              .formatted(incidentKey, jobKey));
    }
    try (var statement =
        connection.prepareStatement("DELETE FROM engine.failed_job WHERE key = ?")) {
      statement.setLong(1, jobKey);
      statement.executeUpdate();
    }
    execution.recreateJob(job.with(JobRow.ACTIVATABLE, 0, job.retries(), null, job.errorMessage()));
  }
}
