package org.clearance.engine.deployment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.clearance.engine.db.Json;
import org.clearance.engine.deployment.DeployResourcesCommand.DeployedProcess;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.RecordBatch;
import org.clearance.engine.record.ValueType;

/** The records a deployment writes: definitions created, and the deployment itself. */
final class DeploymentRecords {

  private DeploymentRecords() {}

  static void processCreated(
      RecordBatch records,
      long key,
      String bpmnProcessId,
      int version,
      String resourceName,
      String checksum) {
    ObjectNode value = Json.object();
    value.put("bpmnProcessId", bpmnProcessId);
    value.put("version", version);
    value.put("processDefinitionKey", key);
    value.put("resourceName", resourceName);
    value.put("checksum", checksum);
    records.add(key, ValueType.PROCESS, Intent.CREATED, null, value);
  }

  static void decisionRequirementsCreated(
      RecordBatch records,
      long key,
      String id,
      String name,
      int version,
      String resourceName,
      String checksum) {
    ObjectNode value = Json.object();
    value.put("decisionRequirementsId", id);
    value.put("decisionRequirementsName", name);
    value.put("decisionRequirementsVersion", version);
    value.put("decisionRequirementsKey", key);
    value.put("resourceName", resourceName);
    value.put("checksum", checksum);
    records.add(key, ValueType.DECISION_REQUIREMENTS, Intent.CREATED, null, value);
  }

  static void decisionCreated(
      RecordBatch records,
      long key,
      String decisionId,
      String name,
      int version,
      String decisionRequirementsId,
      long decisionRequirementsKey) {
    ObjectNode value = Json.object();
    value.put("decisionId", decisionId);
    value.put("decisionName", name);
    value.put("version", version);
    value.put("decisionKey", key);
    value.put("decisionRequirementsId", decisionRequirementsId);
    value.put("decisionRequirementsKey", decisionRequirementsKey);
    records.add(key, ValueType.DECISION, Intent.CREATED, null, value);
  }

  static void deployment(RecordBatch records, long key, List<DeployedProcess> processes) {
    deployment(records, key, processes, List.of());
  }

  /** The DEPLOYMENT record, listing processes and (with {@code decisions}) decisions deployed. */
  static void deployment(
      RecordBatch records,
      long key,
      List<DeployedProcess> processes,
      List<DeployResourcesCommand.DeployedDecision> decisions) {
    ObjectNode value = Json.object();
    var decisionArray = value.putArray("decisionsMetadata");
    for (var decision : decisions) {
      decisionArray
          .addObject()
          .put("decisionId", decision.decisionId())
          .put("version", decision.version())
          .put("decisionKey", decision.decisionKey())
          .put("decisionRequirementsId", decision.decisionRequirementsId())
          .put("decisionRequirementsKey", decision.decisionRequirementsKey());
    }
    var array = value.putArray("processesMetadata");
    for (DeployedProcess process : processes) {
      array
          .addObject()
          .put("bpmnProcessId", process.bpmnProcessId())
          .put("version", process.version())
          .put("processDefinitionKey", process.processDefinitionKey())
          .put("resourceName", process.resourceName());
    }
    records.add(key, ValueType.DEPLOYMENT, Intent.CREATED, null, value);
  }
}
