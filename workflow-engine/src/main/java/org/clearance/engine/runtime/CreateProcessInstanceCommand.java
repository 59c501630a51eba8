package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.command.Tenants;
import org.clearance.engine.config.EngineConfig;
import org.clearance.engine.db.Db;
import org.clearance.engine.deployment.ExecutableProcess;
import org.clearance.engine.deployment.ProcessCache;
import org.jboss.logging.Logger;

/**
 * CreateProcessInstance (and WithResult): starts an instance at its none start event and runs it to
 * its first wait states in one transaction. With {@code awaitCompletion} the result completes with
 * the instance's variables when it completes, here or in another replica.
 */
@ApplicationScoped
public class CreateProcessInstanceCommand
    implements CommandHandler<
        CreateProcessInstanceCommand.Request, CreateProcessInstanceCommand.Created> {

  private static final Logger LOG = Logger.getLogger(CreateProcessInstanceCommand.class);

  /**
   * Which definition to start: by key (when positive), else by BPMN process id and version (-1 or
   * 0: the latest).
   *
   * @param awaitCompletion whether {@link Created#result()} waits for the instance to complete
   * @param fetchVariables with awaitCompletion: the variables the result holds (empty: all)
   * @param requestTimeout with awaitCompletion: how long to wait (ms; 0 = the default long poll)
   */
  public record Request(
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      Map<String, JsonNode> variables,
      String tenantId,
      boolean awaitCompletion,
      List<String> fetchVariables,
      long requestTimeout) {

    public static Request of(
        long processDefinitionKey,
        String bpmnProcessId,
        int version,
        Map<String, JsonNode> variables,
        String tenantId) {
      return new Request(
          processDefinitionKey, bpmnProcessId, version, variables, tenantId, false, List.of(), 0);
    }
  }

  /**
   * @param result with awaitCompletion: the instance's variables once it completes, or failed with
   *     a DEADLINE_EXCEEDED {@link Rejection} after the request timeout; otherwise null
   */
  public record Created(
      ExecutableProcess process,
      long processInstanceKey,
      CompletableFuture<Map<String, JsonNode>> result) {}

  private final Db db;
  private final InstanceRepository instances;
  private final ProcessCache processes;
  private final ResultWaiters waiters;
  private final CommitEffects effects;
  private final EngineConfig config;

  CreateProcessInstanceCommand(
      Db db,
      InstanceRepository instances,
      ProcessCache processes,
      ResultWaiters waiters,
      CommitEffects effects,
      EngineConfig config) {
    this.db = db;
    this.instances = instances;
    this.processes = processes;
    this.waiters = waiters;
    this.effects = effects;
    this.config = config;
  }

  @Override
  public Created execute(Request request) {
    String tenantId = Tenants.of(request.tenantId());
    boolean awaitResult = request.awaitCompletion();
    long[] registered = {0};
    @SuppressWarnings("unchecked")
    CompletableFuture<Map<String, JsonNode>>[] future = new CompletableFuture[1];
    Execution execution;
    try {
      execution =
          db.inTransaction(
              connection -> {
                ExecutableProcess process = select(connection, request, tenantId);
                Execution started = instances.start(connection, process);
                if (awaitResult) {
                  started.state.awaitResult(request.fetchVariables());
                  if (registered[0] != 0) {
                    waiters.forget(registered[0]);
                  }
                  registered[0] = started.state.processInstanceKey;
                  future[0] = waiters.register(registered[0]);
                }
                new BpmnProcessor(started).startProcess(request.variables());
                effects.flush(started);
                return started;
              });
    } catch (RuntimeException e) {
      if (registered[0] != 0) {
        waiters.forget(registered[0]);
      }
      throw e;
    }
    long key = execution.state.processInstanceKey;
    CompletableFuture<Map<String, JsonNode>> result =
        awaitResult ? withTimeout(future[0], key, request.requestTimeout()) : null;
    effects.afterCommit(execution);
    LOG.debugf(
        "Created process instance %s of %s v%s",
        (Object) key, execution.process.bpmnProcessId(), execution.process.version());
    return new Created(execution.process, key, result);
  }

  private CompletableFuture<Map<String, JsonNode>> withTimeout(
      CompletableFuture<Map<String, JsonNode>> result, long key, long requestTimeout) {
    long timeout = requestTimeout > 0 ? requestTimeout : config.defaultLongPollTimeout();
    var answer = new CompletableFuture<Map<String, JsonNode>>();
    result
        .orTimeout(timeout, TimeUnit.MILLISECONDS)
        .whenComplete(
            (variables, error) -> {
              if (error == null) {
                answer.complete(variables);
                return;
              }
              waiters.forget(key);
              if (error instanceof TimeoutException
                  || error.getCause() instanceof TimeoutException) {
                answer.completeExceptionally(
                    Rejection.deadlineExceeded(
                        "Expected process instance %d to complete within %d ms, but it did not"
                            .formatted(key, timeout)));
              } else {
                answer.completeExceptionally(error.getCause() == null ? error : error.getCause());
              }
            });
    return answer;
  }

  /** The definition to start, in the request's tenant: one of another tenant is not found. */
  private ExecutableProcess select(Connection connection, Request request, String tenantId)
      throws SQLException {
    if (request.processDefinitionKey() > 0) {
      ExecutableProcess process = processes.byKey(connection, request.processDefinitionKey());
      if (!process.tenantId().equals(tenantId)) {
        throw Rejection.notFound(
            "Expected to find process definition with key '%d', but none found"
                .formatted(request.processDefinitionKey()));
      }
      return process;
    }
    if (request.bpmnProcessId() == null || request.bpmnProcessId().isBlank()) {
      throw Rejection.invalidArgument(
          "Expected either a process definition key or a BPMN process id, but neither was given");
    }
    return processes.byProcessId(
        connection,
        tenantId,
        request.bpmnProcessId(),
        request.version() <= 0 ? -1 : request.version());
  }
}
