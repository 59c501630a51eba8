package org.clearance.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.clearance.engine.config.EngineConfig;
import org.clearance.engine.gateway.CommandExecutor;
import org.clearance.engine.gateway.Rejection;
import org.clearance.engine.runtime.ProcessInstanceService;
import org.clearance.engine.runtime.ProcessInstanceService.ProcessSelector;
import org.clearance.engine.runtime.ResultWaiters;
import org.clearance.engine.search.Searches;

/** Process instance commands: create (optionally awaiting completion) and cancel. */
@Path("/v2/process-instances")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProcessInstanceResource {

  public record CreateRequest(
      String processDefinitionKey,
      String processDefinitionId,
      Integer processDefinitionVersion,
      JsonNode variables,
      List<JsonNode> startInstructions,
      List<JsonNode> runtimeInstructions,
      String tenantId,
      Long operationReference,
      Boolean awaitCompletion,
      Long requestTimeout,
      List<String> fetchVariables,
      Set<String> tags,
      String businessId) {}

  public record Created(
      String processDefinitionId,
      int processDefinitionVersion,
      String tenantId,
      Map<String, JsonNode> variables,
      String processDefinitionKey,
      String processInstanceKey,
      Set<String> tags) {}

  private static final String PATH = "/v2/process-instances";

  private final RestCommands commands;
  private final ProcessInstanceService instances;
  private final ResultWaiters waiters;
  private final EngineConfig config;
  private final Searches searches;

  ProcessInstanceResource(
      RestCommands commands,
      ProcessInstanceService instances,
      ResultWaiters waiters,
      EngineConfig config,
      Searches searches) {
    this.searches = searches;
    this.commands = commands;
    this.instances = instances;
    this.waiters = waiters;
    this.config = config;
  }

  @POST
  public CompletionStage<Response> create(CreateRequest request) {
    boolean await = request != null && Boolean.TRUE.equals(request.awaitCompletion());
    String command = await ? "CreateProcessInstanceWithResult" : "CreateProcessInstance";
    return commands.submit(
        command,
        CommandExecutor.Lane.NORMAL,
        PATH,
        answer -> {
          RestInput.required(request, "a request body");
          RestInput.requireDefaultTenant(request.tenantId());
          if (request.startInstructions() != null && !request.startInstructions().isEmpty()) {
            throw Rejection.invalidArgument(
                "Expected to create a process instance at its none start event; start instructions are not supported yet");
          }
          if (request.runtimeInstructions() != null && !request.runtimeInstructions().isEmpty()) {
            throw Rejection.invalidArgument("Runtime instructions are not supported yet");
          }
          if (request.tags() != null && !request.tags().isEmpty()) {
            throw Rejection.invalidArgument(
                "Expected to create a process instance without tags; tags are not supported yet");
          }
          int version =
              request.processDefinitionVersion() == null || request.processDefinitionVersion() <= 0
                  ? -1
                  : request.processDefinitionVersion();
          var selector =
              new ProcessSelector(
                  RestInput.optionalKey(request.processDefinitionKey(), "processDefinitionKey"),
                  request.processDefinitionId(),
                  version);
          String variables =
              RestInput.variables(request.variables(), "the variables of the process instance");
          List<String> fetch =
              request.fetchVariables() == null ? List.of() : request.fetchVariables();
          var created = instances.create(selector, variables, await, fetch);
          long key = created.processInstanceKey();
          if (!await) {
            answer.complete(ok(created, Map.of()));
            return;
          }
          long timeout =
              request.requestTimeout() != null && request.requestTimeout() > 0
                  ? request.requestTimeout()
                  : config.defaultLongPollTimeout();
          created
              .result()
              .orTimeout(timeout, TimeUnit.MILLISECONDS)
              .whenComplete(
                  (result, error) -> {
                    if (error == null) {
                      answer.complete(ok(created, result));
                      return;
                    }
                    waiters.forget(key);
                    if (error instanceof TimeoutException
                        || error.getCause() instanceof TimeoutException) {
                      answer.complete(
                          commands.rejected(
                              command,
                              PATH,
                              new Rejection(
                                  Rejection.Type.DEADLINE_EXCEEDED,
                                  "Expected process instance %d to complete within %d ms, but it did not"
                                      .formatted(key, timeout))));
                    } else {
                      answer.complete(commands.failed(command, PATH, error));
                    }
                  });
        });
  }

  @POST
  @Path("{key}/cancellation")
  public CompletionStage<Response> cancel(@PathParam("key") String key) {
    String path = PATH + "/" + key + "/cancellation";
    return commands.run(
        "CancelProcessInstance",
        path,
        () -> {
          instances.cancel(RestInput.key(key, "a process instance key"));
          return Response.noContent().build();
        });
  }

  private static Response ok(ProcessInstanceService.Created created, Map<String, JsonNode> vars) {
    return Response.ok(
            new Created(
                created.process().bpmnProcessId(),
                created.process().version(),
                RestInput.DEFAULT_TENANT,
                vars,
                Long.toString(created.process().key()),
                Long.toString(created.processInstanceKey()),
                Set.of()),
            MediaType.APPLICATION_JSON)
        .build();
  }

  @POST
  @Path("search")
  public Searches.Result search(JsonNode request) {
    return searches.processInstances(request);
  }

  @GET
  @Path("{key}")
  public Map<String, Object> get(@PathParam("key") String key) {
    return searches.processInstance(RestInput.key(key, "a process instance key"));
  }
}
