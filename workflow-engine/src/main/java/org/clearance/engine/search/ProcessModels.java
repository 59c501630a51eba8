package org.clearance.engine.search;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the searches say about a deployed process beyond the record log: the BPMN XML, the process
 * name, and each element's Camunda type (SERVICE_TASK, USER_TASK, ...) and name, read from the
 * stored resource once per definition (definitions never change).
 */
@ApplicationScoped
public class ProcessModels {

  /** A stored process definition. */
  public record Definition(
      long key,
      String tenantId,
      String bpmnProcessId,
      int version,
      String resourceName,
      byte[] resource,
      String name,
      Map<String, String> elementTypes,
      Map<String, String> elementNames) {}

  private final Map<Long, Definition> cache = new ConcurrentHashMap<>();

  public Optional<Definition> byKey(Connection connection, long key) throws SQLException {
    Definition cached = cache.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    try (var statement =
        connection.prepareStatement(
            "SELECT bpmn_process_id, version, resource_name, resource, tenant_id"
                + " FROM engine.process_definition WHERE key = ?")) {
      statement.setLong(1, key);
      try (var rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Definition definition =
            parse(
                key,
                rs.getString(5),
                rs.getString(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getBytes(4));
        cache.put(key, definition);
        return Optional.of(definition);
      }
    }
  }

  private static Definition parse(
      long key,
      String tenantId,
      String processId,
      int version,
      String resourceName,
      byte[] resource) {
    var types = new HashMap<String, String>();
    var names = new HashMap<String, String>();
    String name = null;
    try {
      var model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource));
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.getId().equals(processId)) {
          name = process.getName();
        }
      }
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        types.put(node.getId(), type(node));
        if (node.getName() != null) {
          names.put(node.getId(), node.getName());
        }
      }
    } catch (RuntimeException e) {
      // a deployed model always parses; without it, types stay UNSPECIFIED
    }
    return new Definition(
        key, tenantId, processId, version, resourceName, resource, name, types, names);
  }

  /** serviceTask → SERVICE_TASK; an event-triggered sub-process → EVENT_SUB_PROCESS. */
  private static String type(FlowNode node) {
    if (node instanceof SubProcess sub && sub.triggeredByEvent()) {
      return "EVENT_SUB_PROCESS";
    }
    String typeName = node.getElementType().getTypeName();
    return typeName.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
  }
}
