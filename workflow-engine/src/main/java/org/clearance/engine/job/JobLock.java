package org.clearance.engine.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.clearance.engine.command.AuthorizedTenants;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.runtime.ElementInstance;
import org.clearance.engine.runtime.Execution;
import org.clearance.engine.runtime.InstanceRepository;
import org.clearance.engine.runtime.JobRow;

/**
 * Locks a job for a command in the one order every command uses: the job's process instance row
 * first, then the job row. Shared by the job result commands (complete, fail, throw error).
 */
@ApplicationScoped
public class JobLock {

  /**
   * A job locked for one command: the instance it belongs to (locked too), the job row as read
   * under the lock, and the element instance waiting for it.
   *
   * @param failed whether the job sits in {@code engine.failed_job} (an incident holds it)
   */
  public record LockedJob(
      Execution execution, JobRow job, ElementInstance element, boolean failed) {

    public long key() {
      return job.key();
    }

    /** Rejects the command unless the job is activated (and not failed). */
    public void requireActivated(String action) {
      if (failed) {
        throw Rejection.invalidState(
            "Expected to %s job with key '%d', but it is in state 'FAILED'"
                .formatted(action, job.key()));
      }
      if (job.state() != JobRow.ACTIVATED) {
        throw Rejection.invalidState(
            "Expected to %s job with key '%d', but it is not activated"
                .formatted(action, job.key()));
      }
    }
  }

  private final InstanceRepository instances;

  JobLock(InstanceRepository instances) {
    this.instances = instances;
  }

  /**
   * @param action what the command does, for the rejection ("complete", "fail", ...)
   * @throws Rejection NOT_FOUND if there is no such job (or its instance is gone)
   */
  public LockedJob lock(Connection connection, long jobKey, String action) throws SQLException {
    return lock(connection, jobKey, action, AuthorizedTenants.ALL);
  }

  /**
   * @param tenants the tenants the caller may use: another tenant's job is NOT_FOUND, as if it did
   *     not exist (and its instance is not locked)
   */
  public LockedJob lock(
      Connection connection, long jobKey, String action, AuthorizedTenants tenants)
      throws SQLException {
    boolean failed = false;
    JobRow job = find(connection, "engine.job", jobKey, false);
    if (job == null) {
      job = find(connection, "engine.failed_job", jobKey, false);
      failed = job != null;
    }
    if (job == null || !tenants.allows(job.tenantId())) {
      throw notFound(jobKey, action);
    }
    Execution execution = instances.lock(connection, job.processInstanceKey());
    job = find(connection, failed ? "engine.failed_job" : "engine.job", jobKey, true);
    if (execution == null || job == null) {
      throw notFound(jobKey, action);
    }
    ElementInstance element = execution.state().element(job.elementInstanceKey());
    if (element == null) {
      throw notFound(jobKey, action);
    }
    return new LockedJob(execution, job, element, failed);
  }

  static Rejection notFound(long jobKey, String action) {
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

  /** Writes a job's changed state, due time, retries, worker and error message. */
  static void update(Connection connection, JobRow job) throws SQLException {
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
}
