package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import org.clearance.engine.db.Json;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.deployment.ExecutableElement.UserTaskDefinition;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.expression.Expression;
import org.clearance.engine.expression.Feel;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.ElementInstance.Step;

/**
 * Camunda user tasks (zeebe:userTask): activation evaluates the assignment, schedule, priority and
 * form reference and creates the task (no job); the element waits until the task is completed
 * through the user-task API (a command in {@code usertask/}). Terminating the element cancels the
 * task. A value that cannot be evaluated is an EXTRACT_VALUE_ERROR incident, as in Zeebe.
 */
final class UserTaskBehavior {

  static final int DEFAULT_PRIORITY = 50;

  private final Execution execution;
  private final InstanceState state;

  UserTaskBehavior(Execution execution) {
    this.execution = execution;
    this.state = execution.state;
  }

  Outcome create(ExecutableElement element, ElementInstance instance) {
    UserTaskDefinition definition = element.userTask();
    Function<String, JsonNode> variables = state.visibleFrom(instance.key);
    String assignee;
    List<String> candidateGroups;
    List<String> candidateUsers;
    String dueDate;
    String followUpDate;
    int priority;
    String externalReference;
    try {
      assignee = optionalString(definition.assignee(), variables);
      candidateGroups = stringList(definition.candidateGroups(), variables);
      candidateUsers = stringList(definition.candidateUsers(), variables);
      dueDate = dateTime(definition.dueDate(), variables);
      followUpDate = dateTime(definition.followUpDate(), variables);
      priority = priority(definition.priority(), variables);
      externalReference = optionalString(definition.externalFormReference(), variables);
    } catch (EvaluationException e) {
      return Outcome.incident(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.ACTIVATE);
    }
    ObjectNode headers = Json.object();
    definition.customHeaders().forEach(headers::put);
    var task =
        new UserTaskRow(
            execution.nextKey(),
            instance.key,
            state.processInstanceKey,
            execution.process.key(),
            execution.process.bpmnProcessId(),
            execution.process.version(),
            instance.elementId,
            definition.name(),
            execution.process.tenantId(),
            UserTaskRow.CREATED,
            null,
            candidateGroups,
            candidateUsers,
            dueDate,
            followUpDate,
            priority,
            externalReference,
            headers.toString(),
            execution.now);
    execution.record(task.key(), ValueType.USER_TASK, Intent.CREATING, task.recordValue(""));
    execution.record(task.key(), ValueType.USER_TASK, Intent.CREATED, task.recordValue(""));
    if (assignee != null) {
      // as in Zeebe, the model's assignee is an assignment right after the creation
      task = task.withAssignee(assignee);
      execution.record(
          task.key(), ValueType.USER_TASK, Intent.ASSIGNING, task.recordValue("assign"));
      execution.record(
          task.key(), ValueType.USER_TASK, Intent.ASSIGNED, task.recordValue("assign"));
    }
    execution.newUserTasks.add(task);
    instance.waitForUserTask(task.key());
    return Outcome.WAIT;
  }

  /** The element is terminated (cancelled instance, interrupting event): its task is CANCELED. */
  void cancel(ElementInstance instance) {
    long key = instance.userTaskKey;
    execution.canceledUserTasks.add(key);
    ObjectNode value = Json.object();
    value.put("userTaskKey", key);
    value.put("elementInstanceKey", instance.key);
    value.put("processInstanceKey", state.processInstanceKey);
    value.put("processDefinitionKey", execution.process.key());
    value.put("bpmnProcessId", execution.process.bpmnProcessId());
    value.put("elementId", instance.elementId);
    value.put("tenantId", execution.process.tenantId());
    value.put("action", "");
    execution.record(key, ValueType.USER_TASK, Intent.CANCELING, value);
    execution.record(key, ValueType.USER_TASK, Intent.CANCELED, value);
    instance.userTaskDone();
  }

  private static String optionalString(Expression expression, Function<String, JsonNode> vars) {
    if (expression == null) {
      return null;
    }
    JsonNode value = Feel.evaluate(expression, vars);
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new EvaluationException(
          "Expected result of the expression '%s' to be 'STRING', but was '%s'."
              .formatted(expression.text(), value));
    }
    return value.textValue().isEmpty() ? null : value.textValue();
  }

  private static List<String> stringList(Expression expression, Function<String, JsonNode> vars) {
    if (expression == null) {
      return List.of();
    }
    JsonNode value = expression.isStatic() ? null : Feel.evaluate(expression, vars);
    if (value != null && value.isNull()) {
      return List.of();
    }
    return List.copyOf(Feel.evaluateStringList(expression, vars));
  }

  /** A date-time with offset (ISO 8601), from a string or a FEEL date and time; null if unset. */
  static String dateTime(Expression expression, Function<String, JsonNode> vars) {
    if (expression == null) {
      return null;
    }
    JsonNode value = Feel.evaluate(expression, vars);
    if (value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
      return null;
    }
    String text = value.isTextual() ? value.textValue() : value.toString();
    try {
      return OffsetDateTime.parse(text).toString();
    } catch (DateTimeParseException notOffset) {
      try {
        return ZonedDateTime.parse(text).toOffsetDateTime().toString();
      } catch (DateTimeParseException e) {
        throw new EvaluationException(
            "Expected result of the expression '%s' to be a valid date-time string, but was '%s'"
                .formatted(expression.text(), text));
      }
    }
  }

  private static int priority(Expression expression, Function<String, JsonNode> vars) {
    if (expression == null) {
      return DEFAULT_PRIORITY;
    }
    long value = Feel.evaluateNumber(expression, vars);
    if (value < 0 || value > 100) {
      throw new EvaluationException(
          "Expected result of the expression '%s' to be a number between 0 and 100, but was '%d'"
              .formatted(expression.text(), value));
    }
    return (int) value;
  }
}
