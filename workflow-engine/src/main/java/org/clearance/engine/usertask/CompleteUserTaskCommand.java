package org.clearance.engine.usertask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.clearance.engine.command.CommandExecutor;
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.db.Db;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.BpmnProcessor;
import org.clearance.engine.runtime.CommitEffects;
import org.clearance.engine.runtime.Execution;
import org.clearance.engine.runtime.UserTaskRow;
import org.clearance.engine.usertask.UserTaskLock.LockedUserTask;
import org.jboss.logging.Logger;

/**
 * Completes an open user task: the task is COMPLETED and its element completes with the given
 * variables (merged like a job's: into the task's scope through output mappings, else propagated).
 * Like job completions it finishes work already in flight, so it runs in the job-result lane.
 */
@ApplicationScoped
public class CompleteUserTaskCommand
    implements CommandHandler<CompleteUserTaskCommand.Request, Void> {

  private static final Logger LOG = Logger.getLogger(CompleteUserTaskCommand.class);

  public record Request(long userTaskKey, Map<String, JsonNode> variables, String action) {}

  private final Db db;
  private final UserTaskLock tasks;
  private final CommitEffects effects;

  CompleteUserTaskCommand(Db db, UserTaskLock tasks, CommitEffects effects) {
    this.db = db;
    this.tasks = tasks;
    this.effects = effects;
  }

  @Override
  public CommandExecutor.Lane lane() {
    return CommandExecutor.Lane.JOB_RESULT;
  }

  /** Lock order: the task's instance, then the task (see {@link UserTaskLock}). */
  @Override
  public Void execute(Request request) {
    long key = request.userTaskKey();
    String action =
        request.action() == null || request.action().isBlank() ? "complete" : request.action();
    Execution execution =
        db.inTransaction(
            connection -> {
              LockedUserTask locked = tasks.lock(connection, key, "complete");
              Execution instance = locked.execution();
              UserTaskRow.finish(connection, List.of(key), UserTaskRow.COMPLETED, instance.now());
              ObjectNode value = locked.task().recordValue(action);
              ObjectNode variables = value.putObject("variables");
              request.variables().forEach(variables::set);
              instance.record(key, ValueType.USER_TASK, Intent.COMPLETING, value);
              instance.record(key, ValueType.USER_TASK, Intent.COMPLETED, value);
              new BpmnProcessor(instance).completeUserTask(locked.element(), request.variables());
              effects.flush(instance);
              return instance;
            });
    effects.afterCommit(execution);
    LOG.debugf("Completed user task %d", key);
    return null;
  }
}
