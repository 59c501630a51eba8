package org.clearance.engine.deployment;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.clearance.engine.db.KeyGenerator;
import org.clearance.engine.decision.DecisionDefinition;
import org.clearance.engine.decision.ParsedDecisionRequirements;
import org.clearance.engine.deployment.DeployResourcesCommand.DeployedDecision;
import org.clearance.engine.deployment.DeployResourcesCommand.DeployedDecisionRequirements;
import org.clearance.engine.record.RecordBatch;

/**
 * Stores the DMN part of a deployment inside its transaction: versions count per DRG id and per
 * decision id; an identical redeploy (same resource name and checksum as the latest version of the
 * DRG) keeps versions and keys, as Zeebe does.
 */
final class DecisionDeployment {

  /** A parsed DMN resource with the bytes to store. */
  record Candidate(ParsedDecisionRequirements drg, byte[] content) {}

  record Stored(
      List<DeployedDecisionRequirements> requirements, List<DeployedDecision> decisions) {}

  private final String tenantId;
  private final Connection connection;
  private final KeyGenerator keys;
  private final DecisionRepository repository;
  private final long deploymentKey;

  DecisionDeployment(
      Connection connection,
      KeyGenerator keys,
      DecisionRepository repository,
      long deploymentKey,
      String tenantId) {
    this.tenantId = tenantId;
    this.connection = connection;
    this.keys = keys;
    this.repository = repository;
    this.deploymentKey = deploymentKey;
  }

  /** Problems when two resources of one deployment define the same DRG id or decision id. */
  static List<String> duplicates(List<Candidate> candidates) {
    var problems = new ArrayList<String>();
    var drgIds = new HashMap<String, String>();
    var decisionIds = new HashMap<String, String>();
    for (Candidate candidate : candidates) {
      ParsedDecisionRequirements drg = candidate.drg();
      String previous = drgIds.putIfAbsent(drg.id(), drg.resourceName());
      if (previous != null) {
        problems.add(
            "'%s': Expected the decision requirements ids to be unique within a deployment, but found a duplicated id '%s' in the resources '%s' and '%s'"
                .formatted(drg.resourceName(), drg.id(), previous, drg.resourceName()));
      }
      for (DecisionDefinition decision : drg.decisions()) {
        String other = decisionIds.putIfAbsent(decision.id(), drg.resourceName());
        if (other != null && !other.equals(drg.resourceName())) {
          problems.add(
              "'%s': Expected the decision ids to be unique within a deployment, but found a duplicated id '%s' in the resources '%s' and '%s'"
                  .formatted(drg.resourceName(), decision.id(), other, drg.resourceName()));
        }
      }
    }
    return problems;
  }

  Stored store(List<Candidate> candidates, RecordBatch records) throws SQLException {
    var requirements = new ArrayList<DeployedDecisionRequirements>();
    var decisions = new ArrayList<DeployedDecision>();
    for (Candidate candidate : candidates) {
      storeOne(candidate, records, requirements, decisions);
    }
    return new Stored(requirements, decisions);
  }

  private void storeOne(
      Candidate candidate,
      RecordBatch records,
      List<DeployedDecisionRequirements> requirements,
      List<DeployedDecision> decisions)
      throws SQLException {
    ParsedDecisionRequirements drg = candidate.drg();
    int latestVersion = 0;
    try (var statement =
        connection.prepareStatement(
            "SELECT key, version, resource_name, checksum FROM engine.decision_requirements"
                + " WHERE tenant_id = ? AND decision_requirements_id = ?"
                + " ORDER BY version DESC LIMIT 1")) {
      statement.setString(1, tenantId);
      statement.setString(2, drg.id());
      try (var rs = statement.executeQuery()) {
        if (rs.next()) {
          latestVersion = rs.getInt(2);
          if (rs.getString(3).equals(drg.resourceName())
              && rs.getString(4).equals(drg.checksum())) {
            long key = rs.getLong(1);
            requirements.add(
                new DeployedDecisionRequirements(
                    drg.id(), drg.name(), latestVersion, key, drg.resourceName()));
            for (var stored : repository.decisionsOf(connection, key).values()) {
              decisions.add(
                  deployed(
                      stored.decisionId(),
                      stored.name(),
                      stored.version(),
                      stored.key(),
                      drg.id(),
                      key));
            }
            repository.put(key, drg);
            return;
          }
        }
      }
    }
    long drgKey = keys.nextKey(connection);
    int drgVersion = latestVersion + 1;
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO engine.decision_requirements (key, decision_requirements_id, name,"
                + " version, resource_name, checksum, resource, deployment_key, tenant_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      statement.setLong(1, drgKey);
      statement.setString(2, drg.id());
      statement.setString(3, drg.name());
      statement.setInt(4, drgVersion);
      statement.setString(5, drg.resourceName());
      statement.setString(6, drg.checksum());
      statement.setBytes(7, candidate.content());
      statement.setLong(8, deploymentKey);
      statement.setString(9, tenantId);
      statement.executeUpdate();
    }
    DeploymentRecords.decisionRequirementsCreated(
        records, drgKey, drg.id(), drg.name(), drgVersion, drg.resourceName(), drg.checksum());
    requirements.add(
        new DeployedDecisionRequirements(
            drg.id(), drg.name(), drgVersion, drgKey, drg.resourceName()));
    for (DecisionDefinition decision : drg.decisions()) {
      int version = latestDecisionVersion(decision.id()) + 1;
      long key = keys.nextKey(connection);
      try (var statement =
          connection.prepareStatement(
              "INSERT INTO engine.decision (key, decision_id, name, version,"
                  + " decision_requirements_key, decision_requirements_id, deployment_key, tenant_id)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        statement.setLong(1, key);
        statement.setString(2, decision.id());
        statement.setString(3, decision.name());
        statement.setInt(4, version);
        statement.setLong(5, drgKey);
        statement.setString(6, drg.id());
        statement.setLong(7, deploymentKey);
        statement.setString(8, tenantId);
        statement.executeUpdate();
      }
      DeploymentRecords.decisionCreated(
          records, key, decision.id(), decision.name(), version, drg.id(), drgKey);
      decisions.add(deployed(decision.id(), decision.name(), version, key, drg.id(), drgKey));
    }
    repository.put(drgKey, drg);
  }

  private int latestDecisionVersion(String decisionId) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT coalesce(max(version), 0) FROM engine.decision WHERE tenant_id = ?"
                + " AND decision_id = ?")) {
      statement.setString(1, tenantId);
      statement.setString(2, decisionId);
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static DeployedDecision deployed(
      String id, String name, int version, long key, String drgId, long drgKey) {
    return new DeployedDecision(id, name, version, key, drgId, drgKey);
  }
}
