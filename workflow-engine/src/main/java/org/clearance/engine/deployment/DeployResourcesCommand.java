package org.clearance.engine.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.command.EngineSignals;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.command.Tenants;
import org.clearance.engine.db.Db;
import org.clearance.engine.db.KeyGenerator;
import org.clearance.engine.decision.DecisionEngine;
import org.clearance.engine.decision.DecisionValidationException;
import org.clearance.engine.record.RecordBatch;
import org.jboss.logging.Logger;

/**
 * Deploys resources atomically: every resource is compiled first; only if all are valid are the new
 * process versions stored, in one transaction. An identical redeploy keeps version and key.
 */
@ApplicationScoped
public class DeployResourcesCommand
    implements CommandHandler<
        DeployResourcesCommand.Request, DeployResourcesCommand.DeploymentResult> {

  private static final Logger LOG = Logger.getLogger(DeployResourcesCommand.class);

  /** Serialises deployments so version numbers are assigned without gaps or races. */
  private static final long DEPLOYMENT_LOCK = 0x5EB1_0000_0001L;

  /** One resource: a BPMN (.bpmn, .xml) or DMN (.dmn) file by name and content. */
  public record Resource(String name, byte[] content) {}

  public record Request(List<Resource> resources, String tenantId) {}

  public record DeployedProcess(
      String bpmnProcessId, int version, long processDefinitionKey, String resourceName) {}

  public record DeployedDecisionRequirements(
      String decisionRequirementsId, String name, int version, long key, String resourceName) {}

  public record DeployedDecision(
      String decisionId,
      String name,
      int version,
      long decisionKey,
      String decisionRequirementsId,
      long decisionRequirementsKey) {}

  public record DeploymentResult(
      long key,
      List<DeployedProcess> processes,
      List<DeployedDecisionRequirements> decisionRequirements,
      List<DeployedDecision> decisions) {

    public DeploymentResult(long key, List<DeployedProcess> processes) {
      this(key, processes, List.of(), List.of());
    }
  }

  private record Candidate(ExecutableProcess graph, Resource resource, String checksum) {}

  private final Db db;
  private final KeyGenerator keys;
  private final ProcessCache cache;
  private final DecisionEngine decisionEngine;
  private final DecisionRepository decisionRepository;

  private final StartEventSubscriptions startEvents;
  private final EngineSignals signals;

  DeployResourcesCommand(
      Db db,
      KeyGenerator keys,
      ProcessCache cache,
      DecisionEngine decisionEngine,
      DecisionRepository decisionRepository,
      StartEventSubscriptions startEvents,
      EngineSignals signals) {
    this.startEvents = startEvents;
    this.signals = signals;
    this.db = db;
    this.keys = keys;
    this.cache = cache;
    this.decisionEngine = decisionEngine;
    this.decisionRepository = decisionRepository;
  }

  @Override
  public DeploymentResult execute(Request request) {
    String tenantId = Tenants.of(request.tenantId());
    List<Resource> resources = request.resources();
    if (resources.isEmpty()) {
      throw Rejection.invalidArgument("Expected to deploy at least one resource, but none given");
    }
    var candidates = new ArrayList<Candidate>();
    var problems = new ArrayList<String>();
    var processIds = new HashSet<String>();
    var decisionCandidates = new ArrayList<DecisionDeployment.Candidate>();
    for (Resource resource : resources) {
      String name = resource.name() == null ? "" : resource.name();
      if (name.endsWith(".dmn")) {
        try {
          decisionCandidates.add(
              new DecisionDeployment.Candidate(
                  decisionEngine.parse(name, resource.content()), resource.content()));
        } catch (DecisionValidationException e) {
          problems.add(e.getMessage());
        }
        continue;
      }
      if (!name.endsWith(".bpmn") && !name.endsWith(".xml")) {
        problems.add(
            "'%s': Expected a BPMN resource (.bpmn or .xml), but the resource type is unknown"
                .formatted(name));
        continue;
      }
      try {
        String checksum = checksum(resource.content());
        for (ExecutableProcess graph : BpmnCompiler.compile(name, resource.content()).processes()) {
          if (!processIds.add(graph.bpmnProcessId())) {
            problems.add(
                "'%s': Duplicated process id '%s' in the resources of one deployment"
                    .formatted(name, graph.bpmnProcessId()));
          }
          candidates.add(new Candidate(graph, resource, checksum));
        }
      } catch (InvalidModelException e) {
        problems.add(e.getMessage());
      }
    }
    problems.addAll(DecisionDeployment.duplicates(decisionCandidates));
    if (!problems.isEmpty()) {
      throw Rejection.invalidArgument(
          "Expected to deploy new resources, but encountered the following errors:\n"
              + String.join("\n", problems));
    }
    var stored = new ArrayList<ExecutableProcess>();
    long[] earliestTimer = {Long.MAX_VALUE};
    DeploymentResult result =
        db.inTransaction(
            connection -> {
              stored.clear();
              earliestTimer[0] = Long.MAX_VALUE;
              lock(connection);
              long deploymentKey = keys.nextKey(connection);
              var records = new RecordBatch();
              var deployed = new ArrayList<DeployedProcess>();
              for (Candidate candidate : candidates) {
                ExecutableProcess process =
                    store(connection, deploymentKey, candidate, tenantId, records, earliestTimer);
                stored.add(process);
                deployed.add(
                    new DeployedProcess(
                        process.bpmnProcessId(),
                        process.version(),
                        process.key(),
                        process.resourceName()));
              }
              var decisions =
                  new DecisionDeployment(
                          connection, keys, decisionRepository, deploymentKey, tenantId)
                      .store(decisionCandidates, records);
              DeploymentRecords.deployment(records, deploymentKey, deployed, decisions.decisions());
              records.flush(connection);
              return new DeploymentResult(
                  deploymentKey, deployed, decisions.requirements(), decisions.decisions());
            });
    stored.forEach(cache::put);
    if (earliestTimer[0] != Long.MAX_VALUE) {
      signals.timerScheduled(earliestTimer[0]);
    }
    LOG.infof(
        "Deployment %d: %s %s",
        result.key(),
        result.processes().stream().map(p -> p.bpmnProcessId() + " v" + p.version()).toList(),
        result.decisions().stream().map(d -> d.decisionId() + " v" + d.version()).toList());
    return result;
  }

  private ExecutableProcess store(
      Connection connection,
      long deploymentKey,
      Candidate candidate,
      String tenantId,
      RecordBatch records,
      long[] earliestTimer)
      throws SQLException {
    String processId = candidate.graph().bpmnProcessId();
    int latestVersion = 0;
    try (var statement =
        connection.prepareStatement(
            "SELECT key, version, checksum FROM engine.process_definition"
                + " WHERE tenant_id = ? AND bpmn_process_id = ? ORDER BY version DESC LIMIT 1")) {
      statement.setString(1, tenantId);
      statement.setString(2, processId);
      try (var rs = statement.executeQuery()) {
        if (rs.next()) {
          latestVersion = rs.getInt(2);
          if (rs.getString(3).equals(candidate.checksum())) {
            // Zeebe keeps the version and key of an identical redeploy.
            return withIdentity(candidate, rs.getLong(1), latestVersion, tenantId);
          }
        }
      }
    }
    long key = keys.nextKey(connection);
    int version = latestVersion + 1;
    try (var statement =
        connection.prepareStatement(
            "INSERT INTO engine.process_definition"
                + " (key, bpmn_process_id, version, resource_name, checksum, resource, deployment_key,"
                + " tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      statement.setLong(1, key);
      statement.setString(2, processId);
      statement.setInt(3, version);
      statement.setString(4, candidate.resource().name());
      statement.setString(5, candidate.checksum());
      statement.setBytes(6, candidate.resource().content());
      statement.setLong(7, deploymentKey);
      statement.setString(8, tenantId);
      statement.executeUpdate();
    }
    DeploymentRecords.processCreated(
        records, key, processId, version, candidate.resource().name(), candidate.checksum());
    ExecutableProcess stored = withIdentity(candidate, key, version, tenantId);
    earliestTimer[0] =
        Math.min(earliestTimer[0], startEvents.onDeployed(connection, stored, records));
    return stored;
  }

  private static ExecutableProcess withIdentity(
      Candidate candidate, long key, int version, String tenantId) {
    ExecutableProcess graph = candidate.graph();
    return new ExecutableProcess(
        key,
        graph.bpmnProcessId(),
        version,
        candidate.resource().name(),
        graph.root(),
        graph.elements(),
        tenantId);
  }

  private static void lock(Connection connection) throws SQLException {
    try (var statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      statement.setLong(1, DEPLOYMENT_LOCK);
      statement.execute();
    }
  }

  private static String checksum(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(byte[] content) {
    return new String(content, StandardCharsets.UTF_8);
  }
}
