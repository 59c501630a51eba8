package org.clearance.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.clearance.engine.runtime.ProcessInstanceService;
import org.clearance.engine.search.Searches;

/** PUT /v2/element-instances/{key}/variables: sets variables in an element instance's scope. */
@Path("/v2/element-instances")
public class ElementInstanceResource {

  public record SetVariableRequest(JsonNode variables, Boolean local, Long operationReference) {}

  private final RestCommands commands;
  private final ProcessInstanceService instances;

  private final Searches searches;

  ElementInstanceResource(
      RestCommands commands, ProcessInstanceService instances, Searches searches) {
    this.searches = searches;
    this.commands = commands;
    this.instances = instances;
  }

  @PUT
  @Path("{key}/variables")
  @Consumes(MediaType.APPLICATION_JSON)
  public CompletionStage<Response> setVariables(
      @PathParam("key") String key, SetVariableRequest request) {
    return commands.run(
        "SetVariables",
        "/v2/element-instances/" + key + "/variables",
        () -> {
          long elementInstanceKey = RestInput.key(key, "an element instance key");
          RestInput.required(request, "a request body with variables");
          RestInput.required(request.variables(), "variables");
          instances.setVariables(
              elementInstanceKey,
              RestInput.variables(request.variables(), "variables"),
              Boolean.TRUE.equals(request.local()));
          return Response.noContent().build();
        });
  }

  @POST
  @Path("search")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Searches.Result search(JsonNode request) {
    return searches.elementInstances(request);
  }

  @GET
  @Path("{key}")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> get(@PathParam("key") String key) {
    return searches.elementInstance(RestInput.key(key, "an element instance key"));
  }
}
