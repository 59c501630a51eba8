package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import org.clearance.engine.db.Json;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.expression.Feel;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.ElementInstance.Step;

/**
 * Tasks a worker does (service, send and job-based user tasks, ...): activation creates a job of
 * the task's type with its headers and waits; the job's completion completes the task (a command in
 * {@code job/}).
 */
final class JobTaskBehavior {

  private final Execution execution;
  private final InstanceState state;
  private final ElementRecords records;

  JobTaskBehavior(Execution execution, ElementRecords records) {
    this.execution = execution;
    this.state = execution.state;
    this.records = records;
  }

  Outcome createJob(ExecutableElement element, ElementInstance instance) {
    Function<String, JsonNode> variables = state.visibleFrom(instance.key);
    String type;
    int retries;
    ObjectNode headers = Json.object();
    try {
      type = Feel.evaluateString(element.jobType(), variables);
      retries = (int) Feel.evaluateNumber(element.jobRetries(), variables);
      element.headers().forEach(headers::put);
      for (var header : element.userTaskHeaders().entrySet()) {
        String name = header.getKey();
        if (name.endsWith("candidateGroups") || name.endsWith("candidateUsers")) {
          var list = Feel.evaluateStringList(header.getValue(), variables);
          headers.put(name, Json.write(list));
        } else {
          JsonNode value = Feel.evaluate(header.getValue(), variables);
          if (!value.isNull()) {
            headers.put(name, value.isTextual() ? value.textValue() : value.toString());
          }
        }
      }
    } catch (EvaluationException e) {
      return Outcome.incident(instance, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.ACTIVATE);
    }
    long key = execution.nextKey();
    var job =
        new JobRow(
            key,
            type,
            JobRow.ACTIVATABLE,
            0,
            execution.now,
            retries,
            null,
            null,
            state.processInstanceKey,
            instance.key,
            instance.elementId,
            execution.process.key(),
            execution.process.bpmnProcessId(),
            execution.process.version(),
            headers.toString(),
            execution.process.tenantId());
    execution.newJobs.add(job);
    execution.signalledJobTypes.add(type);
    instance.waitForJob(key);
    ObjectNode value = records.value(instance.elementId, instance.key, null);
    value.put("type", type);
    value.put("retries", retries);
    value.set("customHeaders", headers);
    execution.record(key, ValueType.JOB, Intent.CREATED, value);
    return Outcome.WAIT;
  }
}
