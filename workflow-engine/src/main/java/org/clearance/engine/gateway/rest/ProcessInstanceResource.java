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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.runtime.CancelProcessInstanceCommand;
import org.clearance.engine.runtime.CreateProcessInstanceCommand;
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
  private final CreateProcessInstanceCommand createInstance;
  private final CancelProcessInstanceCommand cancelInstance;
  private final Searches searches;

  ProcessInstanceResource(
      RestCommands commands,
      CreateProcessInstanceCommand createInstance,
      CancelProcessInstanceCommand cancelInstance,
      Searches searches) {
    this.commands = commands;
    this.createInstance = createInstance;
    this.cancelInstance = cancelInstance;
    this.searches = searches;
  }

  @POST
  public CompletionStage<Response> create(CreateRequest request) {
    boolean await = request != null && Boolean.TRUE.equals(request.awaitCompletion());
    String command = await ? "CreateProcessInstanceWithResult" : "CreateProcessInstance";
    return commands.callLater(
        command,
        PATH,
        createInstance,
        () -> creation(request, await),
        created ->
            created.result() == null
                ? CompletableFuture.completedFuture(ok(created, Map.of()))
                : created.result().thenApply(variables -> ok(created, variables)));
  }

  private static CreateProcessInstanceCommand.Request creation(
      CreateRequest request, boolean await) {
    RestInput.required(request, "a request body");
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
    return new CreateProcessInstanceCommand.Request(
        RestInput.optionalKey(request.processDefinitionKey(), "processDefinitionKey"),
        request.processDefinitionId(),
        version,
        RestInput.variableMap(request.variables(), "the variables of the process instance"),
        request.tenantId(),
        await,
        request.fetchVariables() == null ? List.of() : request.fetchVariables(),
        request.requestTimeout() == null ? 0 : request.requestTimeout());
  }

  @POST
  @Path("{key}/cancellation")
  public CompletionStage<Response> cancel(@PathParam("key") String key) {
    return commands.call(
        "CancelProcessInstance",
        PATH + "/" + key + "/cancellation",
        cancelInstance,
        () ->
            new CancelProcessInstanceCommand.Request(RestInput.key(key, "a process instance key")),
        done -> Response.noContent().build());
  }

  private static Response ok(
      CreateProcessInstanceCommand.Created created, Map<String, JsonNode> vars) {
    return Response.ok(
            new Created(
                created.process().bpmnProcessId(),
                created.process().version(),
                created.process().tenantId(),
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
