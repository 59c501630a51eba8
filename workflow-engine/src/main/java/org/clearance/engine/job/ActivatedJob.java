package org.clearance.engine.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.clearance.engine.runtime.JobRow;

/**
 * A job handed to a worker, independent of the protocol that carries it: each gateway maps it to
 * its own message (the gRPC {@code ActivatedJob}, the REST activation response).
 *
 * @param customHeaders the task headers as a JSON object document
 * @param worker the worker that activated it ("" if none was named)
 * @param deadline when the activation times out (epoch milliseconds)
 */
public record ActivatedJob(
    long key,
    String type,
    long processInstanceKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    long processDefinitionKey,
    String elementId,
    long elementInstanceKey,
    String customHeaders,
    String worker,
    int retries,
    long deadline,
    Map<String, JsonNode> variables,
    String tenantId) {

  public static final String DEFAULT_TENANT = org.clearance.engine.command.Tenants.DEFAULT_TENANT;

  static ActivatedJob of(JobRow job, Map<String, JsonNode> variables) {
    return new ActivatedJob(
        job.key(),
        job.type(),
        job.processInstanceKey(),
        job.bpmnProcessId(),
        job.processVersion(),
        job.processDefinitionKey(),
        job.elementId(),
        job.elementInstanceKey(),
        job.customHeaders(),
        job.worker() == null ? "" : job.worker(),
        job.retries(),
        job.dueAt(),
        variables,
        job.tenantId());
  }
}
