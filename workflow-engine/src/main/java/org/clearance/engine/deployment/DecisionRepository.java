package org.clearance.engine.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.clearance.engine.decision.DecisionEngine;
import org.clearance.engine.decision.ParsedDecisionRequirements;

/**
 * Deployed decisions. Parsed decision requirements graphs are cached by key; a miss parses the
 * stored resource again, so restarts and other replicas' deployments need no coordination.
 */
@ApplicationScoped
public class DecisionRepository {

  /** A stored decision with the graph it belongs to. */
  public record StoredDecision(
      long key,
      String decisionId,
      String name,
      int version,
      long decisionRequirementsKey,
      String decisionRequirementsId,
      String tenantId) {}

  private final DecisionEngine engine;
  private final Map<Long, ParsedDecisionRequirements> parsed = new ConcurrentHashMap<>();

  DecisionRepository(DecisionEngine engine) {
    this.engine = engine;
  }

  void put(long decisionRequirementsKey, ParsedDecisionRequirements drg) {
    parsed.put(decisionRequirementsKey, drg);
  }

  /** Drops everything parsed; the next access reads the resources from the database. */
  public void clear() {
    parsed.clear();
  }

  /** The latest version of a decision in a tenant; decisions of other tenants are not found. */
  public Optional<StoredDecision> latest(Connection connection, String tenantId, String decisionId)
      throws SQLException {
    return query(
        connection,
        "WHERE tenant_id = ? AND decision_id = ? ORDER BY version DESC LIMIT 1",
        statement -> {
          statement.setString(1, tenantId);
          statement.setString(2, decisionId);
        });
  }

  public Optional<StoredDecision> byKey(Connection connection, long key) throws SQLException {
    return query(connection, "WHERE key = ?", statement -> statement.setLong(1, key));
  }

  /** All stored decisions of one graph version by decision id, to report keys and versions. */
  public Map<String, StoredDecision> decisionsOf(
      Connection connection, long decisionRequirementsKey) throws SQLException {
    var result = new java.util.LinkedHashMap<String, StoredDecision>();
    try (var statement =
        connection.prepareStatement(
            "SELECT key, decision_id, name, version, decision_requirements_key,"
                + " decision_requirements_id, tenant_id FROM engine.decision"
                + " WHERE decision_requirements_key = ? ORDER BY key")) {
      statement.setLong(1, decisionRequirementsKey);
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          StoredDecision decision = read(rs);
          result.put(decision.decisionId(), decision);
        }
      }
    }
    return result;
  }

  public ParsedDecisionRequirements requirements(Connection connection, long key)
      throws SQLException {
    ParsedDecisionRequirements cached = parsed.get(key);
    if (cached != null) {
      return cached;
    }
    try (var statement =
        connection.prepareStatement(
            "SELECT resource_name, resource FROM engine.decision_requirements WHERE key = ?")) {
      statement.setLong(1, key);
      try (var rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("No decision requirements with key " + key);
        }
        ParsedDecisionRequirements drg = engine.parse(rs.getString(1), rs.getBytes(2));
        parsed.put(key, drg);
        return drg;
      }
    }
  }

  public DecisionEngine engine() {
    return engine;
  }

  private interface Binder {
    void bind(java.sql.PreparedStatement statement) throws SQLException;
  }

  private static Optional<StoredDecision> query(Connection connection, String where, Binder binder)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT key, decision_id, name, version, decision_requirements_key,"
                + " decision_requirements_id, tenant_id FROM engine.decision "
                + where)) {
      binder.bind(statement);
      try (var rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  private static StoredDecision read(java.sql.ResultSet rs) throws SQLException {
    return new StoredDecision(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4),
        rs.getLong(5),
        rs.getString(6),
        rs.getString(7));
  }
}
