package org.clearance.engine.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.clearance.engine.db.Json;
import org.clearance.engine.deployment.DeploymentService;
import org.clearance.engine.deployment.DeploymentService.DeployedProcess;

/**
 * The records one command produces, written with a single INSERT at the end of its transaction:
 * they become visible exactly when the state change they describe commits.
 */
public final class RecordBatch {

  private final List<Long> keys = new ArrayList<>();
  private final List<String> valueTypes = new ArrayList<>();
  private final List<String> intents = new ArrayList<>();
  private final List<Long> instanceKeys = new ArrayList<>();
  private final List<String> values = new ArrayList<>();

  public void add(
      long key, String valueType, String intent, Long processInstanceKey, ObjectNode value) {
    keys.add(key);
    valueTypes.add(valueType);
    intents.add(intent);
    instanceKeys.add(processInstanceKey);
    values.add(value.toString());
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  public int size() {
    return keys.size();
  }

  public void processCreated(
      long key, String bpmnProcessId, int version, String resourceName, String checksum) {
    ObjectNode value = Json.object();
    value.put("bpmnProcessId", bpmnProcessId);
    value.put("version", version);
    value.put("processDefinitionKey", key);
    value.put("resourceName", resourceName);
    value.put("checksum", checksum);
    add(key, "PROCESS", "CREATED", null, value);
  }

  public void decisionRequirementsCreated(
      long key, String id, String name, int version, String resourceName, String checksum) {
    ObjectNode value = Json.object();
    value.put("decisionRequirementsId", id);
    value.put("decisionRequirementsName", name);
    value.put("decisionRequirementsVersion", version);
    value.put("decisionRequirementsKey", key);
    value.put("resourceName", resourceName);
    value.put("checksum", checksum);
    add(key, "DECISION_REQUIREMENTS", "CREATED", null, value);
  }

  public void decisionCreated(
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
    add(key, "DECISION", "CREATED", null, value);
  }

  public void deployment(long key, List<DeployedProcess> processes) {
    deployment(key, processes, List.of());
  }

  /** The DEPLOYMENT record, listing processes and (with {@code decisions}) decisions deployed. */
  public void deployment(
      long key,
      List<DeployedProcess> processes,
      List<DeploymentService.DeployedDecision> decisions) {
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
    add(key, "DEPLOYMENT", "CREATED", null, value);
  }

  public void flush(Connection connection) throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO engine.record (key, value_type, intent, process_instance_key, value)"
                + " SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::jsonb[])")) {
      statement.setArray(1, connection.createArrayOf("bigint", keys.toArray()));
      statement.setArray(2, connection.createArrayOf("text", valueTypes.toArray()));
      statement.setArray(3, connection.createArrayOf("text", intents.toArray()));
      statement.setArray(4, connection.createArrayOf("bigint", instanceKeys.toArray()));
      statement.setArray(5, connection.createArrayOf("text", values.toArray()));
      statement.executeUpdate();
    }
    keys.clear();
    valueTypes.clear();
    intents.clear();
    instanceKeys.clear();
    values.clear();
  }
}
