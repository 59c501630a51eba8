package org.clearance.engine.usertask;

import jakarta.enterprise.context.ApplicationScoped;
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.db.Db;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.CommitEffects;
import org.clearance.engine.runtime.UserTaskRow;
import org.clearance.engine.usertask.UserTaskLock.LockedUserTask;
import org.jboss.logging.Logger;

/**
 * Assigns an open user task, or unassigns it (no assignee). Without {@code allowOverride} an
 * already assigned task is INVALID_STATE: it must be unassigned first, so two users picking from a
 * group's queue cannot take the same task.
 */
@ApplicationScoped
public class AssignUserTaskCommand implements CommandHandler<AssignUserTaskCommand.Request, Void> {

  private static final Logger LOG = Logger.getLogger(AssignUserTaskCommand.class);

  /**
   * @param assignee the new assignee; null to unassign
   * @param action the custom action the records carry ("assign", "unassign" by default)
   */
  public record Request(long userTaskKey, String assignee, boolean allowOverride, String action) {}

  private final Db db;
  private final UserTaskLock tasks;
  private final CommitEffects effects;

  AssignUserTaskCommand(Db db, UserTaskLock tasks, CommitEffects effects) {
    this.db = db;
    this.tasks = tasks;
    this.effects = effects;
  }

  /** Lock order: the task's instance, then the task (see {@link UserTaskLock}). */
  @Override
  public Void execute(Request request) {
    long key = request.userTaskKey();
    boolean unassign = request.assignee() == null;
    if (!unassign && request.assignee().isBlank()) {
      throw Rejection.invalidArgument(
          "Expected to assign user task with key '%d' to a non-empty assignee".formatted(key));
    }
    String action =
        request.action() == null || request.action().isBlank()
            ? (unassign ? "unassign" : "assign")
            : request.action();
    db.inTransaction(
        connection -> {
          LockedUserTask locked = tasks.lock(connection, key, unassign ? "unassign" : "assign");
          UserTaskRow task = locked.task();
          if (!unassign && !request.allowOverride() && task.assignee() != null) {
            throw Rejection.invalidState(
                "Expected to assign user task with key '%d' to '%s', but it is already assigned to '%s'; unassign it first or allow overriding the assignment"
                    .formatted(key, request.assignee(), task.assignee()));
          }
          UserTaskRow changed = task.withAssignee(request.assignee());
          changed.update(connection);
          var execution = locked.execution();
          execution.record(key, ValueType.USER_TASK, Intent.ASSIGNING, changed.recordValue(action));
          execution.record(key, ValueType.USER_TASK, Intent.ASSIGNED, changed.recordValue(action));
          effects.flush(execution);
          return null;
        });
    LOG.debugf(
        "User task %d %s", key, unassign ? "unassigned" : "assigned to " + request.assignee());
    return null;
  }
}
