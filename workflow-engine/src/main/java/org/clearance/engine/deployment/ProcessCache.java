package org.clearance.engine.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.clearance.engine.command.Rejection;

/**
 * Compiled processes by key. A miss loads the stored resource and compiles it again, so a restart
 * or another replica's deployment needs no coordination: definitions never change once stored.
 */
@ApplicationScoped
public class ProcessCache {

  private final Map<Long, ExecutableProcess> byKey = new ConcurrentHashMap<>();

  public void put(ExecutableProcess process) {
    byKey.put(process.key(), process);
  }

  /** Drops everything compiled; the next access reads definitions from the database. */
  public void clear() {
    byKey.clear();
  }

  public ExecutableProcess byKey(Connection connection, long key) throws SQLException {
    ExecutableProcess cached = byKey.get(key);
    if (cached != null) {
      return cached;
    }
    try (var statement =
        connection.prepareStatement(
            "SELECT bpmn_process_id, version, resource_name, resource, tenant_id"
                + " FROM engine.process_definition WHERE key = ?")) {
      statement.setLong(1, key);
      try (var rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw Rejection.notFound(
              "Expected to find process definition with key '%d', but none found".formatted(key));
        }
        String processId = rs.getString(1);
        var compiled = BpmnCompiler.compile(rs.getString(3), rs.getBytes(4));
        ExecutableProcess graph =
            compiled.processes().stream()
                .filter(p -> p.bpmnProcessId().equals(processId))
                .findFirst()
                .orElseThrow();
        var process =
            new ExecutableProcess(
                key,
                processId,
                rs.getInt(2),
                graph.resourceName(),
                graph.root(),
                graph.elements(),
                rs.getString(5));
        byKey.put(key, process);
        return process;
      }
    }
  }

  /**
   * The latest version of a process id in a tenant, or a given version (version < 0 means latest).
   * Definitions of other tenants are not found.
   */
  public ExecutableProcess byProcessId(
      Connection connection, String tenantId, String bpmnProcessId, int version)
      throws SQLException {
    String sql =
        version < 0
            ? "SELECT key FROM engine.process_definition WHERE tenant_id = ? AND bpmn_process_id = ?"
                + " ORDER BY version DESC LIMIT 1"
            : "SELECT key FROM engine.process_definition WHERE tenant_id = ? AND bpmn_process_id = ?"
                + " AND version = ?";
    try (var statement = connection.prepareStatement(sql)) {
      statement.setString(1, tenantId);
      statement.setString(2, bpmnProcessId);
      if (version >= 0) {
        statement.setInt(3, version);
      }
      try (var rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw Rejection.notFound(
              version < 0
                  ? "Expected to find process definition with process ID '%s', but none found"
                      .formatted(bpmnProcessId)
                  : "Expected to find process definition with process ID '%s' and version '%d', but none found"
                      .formatted(bpmnProcessId, version));
        }
        return byKey(connection, rs.getLong(1));
      }
    }
  }
}
