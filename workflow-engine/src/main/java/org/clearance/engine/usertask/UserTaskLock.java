package org.clearance.engine.usertask;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.runtime.ElementInstance;
import org.clearance.engine.runtime.Execution;
import org.clearance.engine.runtime.InstanceRepository;
import org.clearance.engine.runtime.UserTaskRow;

/**
 * Locks an open user task for a command in the order every command uses: the task's process
 * instance row first, then the task row (as {@code job/JobLock} does for jobs). A finished task
 * (completed or canceled) is NOT_FOUND for commands, as in Zeebe; the search still shows it.
 */
@ApplicationScoped
public class UserTaskLock {

  /** An open task locked for one command, with its locked instance and waiting element. */
  public record LockedUserTask(Execution execution, UserTaskRow task, ElementInstance element) {}

  private final InstanceRepository instances;

  UserTaskLock(InstanceRepository instances) {
    this.instances = instances;
  }

  /**
   * @param action what the command does, for the rejection ("assign", "complete", ...)
   * @throws Rejection NOT_FOUND if there is no such open task
   */
  public LockedUserTask lock(Connection connection, long userTaskKey, String action)
      throws SQLException {
    UserTaskRow task = find(connection, userTaskKey, false);
    if (task == null || !task.isOpen()) {
      throw notFound(userTaskKey, action);
    }
    Execution execution = instances.lock(connection, task.processInstanceKey());
    task = find(connection, userTaskKey, true);
    if (execution == null || task == null || !task.isOpen()) {
      throw notFound(userTaskKey, action);
    }
    ElementInstance element = execution.state().element(task.elementInstanceKey());
    if (element == null || element.userTaskKey() != userTaskKey) {
      throw notFound(userTaskKey, action);
    }
    return new LockedUserTask(execution, task, element);
  }

  static Rejection notFound(long userTaskKey, String action) {
    return Rejection.notFound(
        "Expected to %s user task with key '%d', but no such user task was found"
            .formatted(action, userTaskKey));
  }

  static UserTaskRow find(Connection connection, long userTaskKey, boolean forUpdate)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT "
                + UserTaskRow.COLUMNS
                + " FROM engine.user_task WHERE key = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
      statement.setLong(1, userTaskKey);
      try (var rs = statement.executeQuery()) {
        return rs.next() ? UserTaskRow.read(rs) : null;
      }
    }
  }
}
