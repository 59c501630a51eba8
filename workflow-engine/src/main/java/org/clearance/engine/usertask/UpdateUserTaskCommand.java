package org.clearance.engine.usertask;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.db.Db;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.CommitEffects;
import org.clearance.engine.runtime.UserTaskRow;
import org.clearance.engine.usertask.UserTaskLock.LockedUserTask;

/**
 * Changes an open user task's candidate groups and users, due and follow-up dates and priority. An
 * attribute left null keeps its value; an empty list or date clears it. The assignee is changed
 * only by {@link AssignUserTaskCommand}.
 */
@ApplicationScoped
public class UpdateUserTaskCommand implements CommandHandler<UpdateUserTaskCommand.Request, Void> {

  /**
   * @param dueDate null keeps the due date, "" clears it, else an ISO 8601 date-time with offset
   * @param priority null keeps the priority, else 0 to 100
   */
  public record Request(
      long userTaskKey,
      List<String> candidateGroups,
      List<String> candidateUsers,
      String dueDate,
      String followUpDate,
      Integer priority,
      String action) {}

  private final Db db;
  private final UserTaskLock tasks;
  private final CommitEffects effects;

  UpdateUserTaskCommand(Db db, UserTaskLock tasks, CommitEffects effects) {
    this.db = db;
    this.tasks = tasks;
    this.effects = effects;
  }

  @Override
  public Void execute(Request request) {
    long key = request.userTaskKey();
    String due = date(request.dueDate(), "dueDate", key);
    String followUp = date(request.followUpDate(), "followUpDate", key);
    if (request.priority() != null && (request.priority() < 0 || request.priority() > 100)) {
      throw Rejection.invalidArgument(
          "Expected to update user task with key '%d' with a priority between 0 and 100, but got %d"
              .formatted(key, request.priority()));
    }
    String action =
        request.action() == null || request.action().isBlank() ? "update" : request.action();
    db.inTransaction(
        connection -> {
          LockedUserTask locked = tasks.lock(connection, key, "update");
          UserTaskRow task = locked.task();
          var changed = new ArrayList<String>();
          List<String> groups = task.candidateGroups();
          if (request.candidateGroups() != null) {
            groups = List.copyOf(request.candidateGroups());
            changed.add("candidateGroupsList");
          }
          List<String> users = task.candidateUsers();
          if (request.candidateUsers() != null) {
            users = List.copyOf(request.candidateUsers());
            changed.add("candidateUsersList");
          }
          String newDue = task.dueDate();
          if (request.dueDate() != null) {
            newDue = due;
            changed.add("dueDate");
          }
          String newFollowUp = task.followUpDate();
          if (request.followUpDate() != null) {
            newFollowUp = followUp;
            changed.add("followUpDate");
          }
          int priority = task.priority();
          if (request.priority() != null) {
            priority = request.priority();
            changed.add("priority");
          }
          UserTaskRow updated = task.withChanges(groups, users, newDue, newFollowUp, priority);
          updated.update(connection);
          var execution = locked.execution();
          execution.record(
              key, ValueType.USER_TASK, Intent.UPDATING, value(updated, action, changed));
          execution.record(
              key, ValueType.USER_TASK, Intent.UPDATED, value(updated, action, changed));
          effects.flush(execution);
          return null;
        });
    return null;
  }

  private static ObjectNode value(UserTaskRow task, String action, List<String> changed) {
    ObjectNode value = task.recordValue(action);
    changed.forEach(value.putArray("changedAttributes")::add);
    return value;
  }

  /** The date-time, normalised; null when absent (unchanged) or empty (cleared). */
  private static String date(String value, String name, long key) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toString();
    } catch (DateTimeParseException e) {
      throw Rejection.invalidArgument(
          "Expected to update user task with key '%d' with %s as an ISO 8601 date-time with offset (2025-03-01T12:00:00+01:00), but got '%s'"
              .formatted(key, name, value));
    }
  }
}
