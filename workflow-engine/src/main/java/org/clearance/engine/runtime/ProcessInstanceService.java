package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.clearance.engine.db.Db;
import org.clearance.engine.db.Json;
import org.clearance.engine.deployment.ExecutableProcess;
import org.clearance.engine.deployment.ProcessCache;
import org.clearance.engine.gateway.Rejection;
import org.jboss.logging.Logger;

/** Commands on process instances: create, cancel, set variables. */
@ApplicationScoped
public class ProcessInstanceService {

  private static final Logger LOG = Logger.getLogger(ProcessInstanceService.class);

  /**
   * Which definition to start: by key, or by process id and version (-1 = latest), in a tenant; a
   * definition of another tenant is not found.
   */
  public record ProcessSelector(
      long processDefinitionKey, String bpmnProcessId, int version, String tenantId) {}

  public record Created(
      ExecutableProcess process,
      long processInstanceKey,
      CompletableFuture<Map<String, JsonNode>> result) {}

  private final Db db;
  private final InstanceRepository instances;
  private final ProcessCache processes;
  private final ResultWaiters waiters;
  private final CommitEffects effects;

  ProcessInstanceService(
      Db db,
      InstanceRepository instances,
      ProcessCache processes,
      ResultWaiters waiters,
      CommitEffects effects) {
    this.db = db;
    this.instances = instances;
    this.processes = processes;
    this.waiters = waiters;
    this.effects = effects;
  }

  public Created create(
      ProcessSelector selector,
      String variablesDocument,
      boolean awaitResult,
      List<String> fetchVariables) {
    Map<String, JsonNode> variables =
        Json.parseVariables(variablesDocument, "the variables of the process instance");
    long[] registered = {0};
    @SuppressWarnings("unchecked")
    CompletableFuture<Map<String, JsonNode>>[] future = new CompletableFuture[1];
    try {
      Execution execution =
          db.inTransaction(
              connection -> {
                ExecutableProcess process = select(connection, selector);
                Execution started = instances.start(connection, process);
                if (awaitResult) {
                  started.state.awaitingResult = true;
                  started.state.fetchVariables.addAll(fetchVariables);
                  if (registered[0] != 0) {
                    waiters.forget(registered[0]);
                  }
                  registered[0] = started.state.processInstanceKey;
                  future[0] = waiters.register(registered[0]);
                }
                new BpmnProcessor(started).startProcess(variables);
                effects.flush(started);
                return started;
              });
      long key = execution.state.processInstanceKey;
      CompletableFuture<Map<String, JsonNode>> result = future[0];
      effects.afterCommit(execution);
      LOG.debugf(
          "Created process instance %s of %s v%s",
          (Object) key, execution.process.bpmnProcessId(), execution.process.version());
      return new Created(execution.process, key, result);
    } catch (RuntimeException e) {
      if (registered[0] != 0) {
        waiters.forget(registered[0]);
      }
      throw e;
    }
  }

  private ExecutableProcess select(Connection connection, ProcessSelector selector)
      throws SQLException {
    if (selector.processDefinitionKey() > 0) {
      ExecutableProcess process = processes.byKey(connection, selector.processDefinitionKey());
      if (!process.tenantId().equals(selector.tenantId())) {
        throw Rejection.notFound(
            "Expected to find process definition with key '%d', but none found"
                .formatted(selector.processDefinitionKey()));
      }
      return process;
    }
    if (selector.bpmnProcessId() == null || selector.bpmnProcessId().isBlank()) {
      throw Rejection.invalidArgument(
          "Expected either a process definition key or a BPMN process id, but neither was given");
    }
    return processes.byProcessId(
        connection, selector.tenantId(), selector.bpmnProcessId(), selector.version());
  }

  public void cancel(long processInstanceKey) {
    Execution execution =
        db.inTransaction(
            connection -> {
              Execution locked = instances.lockOrReject(connection, processInstanceKey, "cancel");
              new BpmnProcessor(locked).cancel();
              effects.flush(locked);
              return locked;
            });
    effects.afterCommit(execution);
    LOG.infof("Cancelled process instance %d", processInstanceKey);
  }

  public long setVariables(long elementInstanceKey, String document, boolean local) {
    Map<String, JsonNode> variables = Json.parseVariables(document, "variables");
    return db.inTransaction(
        connection -> {
          long instanceKey = instances.instanceOfElement(connection, elementInstanceKey);
          Execution locked = instanceKey == 0 ? null : instances.lock(connection, instanceKey);
          if (locked == null || locked.state.element(elementInstanceKey) == null) {
            throw Rejection.notFound(
                "Expected to update variables for element with key '%d', but no such element was found"
                    .formatted(elementInstanceKey));
          }
          new BpmnProcessor(locked).setVariables(elementInstanceKey, variables, local);
          long key = locked.nextKey();
          effects.flush(locked);
          return key;
        });
  }
}
