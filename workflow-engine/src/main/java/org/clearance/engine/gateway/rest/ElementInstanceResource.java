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
import org.clearance.engine.gateway.auth.RestCaller;
import org.clearance.engine.runtime.SetVariablesCommand;
import org.clearance.engine.search.Searches;

/** PUT /v2/element-instances/{key}/variables: sets variables in an element instance's scope. */
@Path("/v2/element-instances")
public class ElementInstanceResource {

  public record SetVariableRequest(JsonNode variables, Boolean local, Long operationReference) {}

  private final RestCommands commands;
  private final SetVariablesCommand setVariables;

  private final Searches searches;

  private final RestCaller caller;

  ElementInstanceResource(
      RestCommands commands,
      SetVariablesCommand setVariables,
      Searches searches,
      RestCaller caller) {
    this.caller = caller;
    this.searches = searches;
    this.commands = commands;
    this.setVariables = setVariables;
  }

  @PUT
  @Path("{key}/variables")
  @Consumes(MediaType.APPLICATION_JSON)
  public CompletionStage<Response> setVariables(
      @PathParam("key") String key, SetVariableRequest request) {
    var tenants = caller.tenants(); // read on the request thread, used on a command thread
    return commands.call(
        "SetVariables",
        "/v2/element-instances/" + key + "/variables",
        setVariables,
        () -> {
          long elementInstanceKey = RestInput.key(key, "an element instance key");
          RestInput.required(request, "a request body with variables");
          RestInput.required(request.variables(), "variables");
          return new SetVariablesCommand.Request(
              elementInstanceKey,
              RestInput.variableMap(request.variables(), "variables"),
              Boolean.TRUE.equals(request.local()),
              tenants);
        },
        done -> Response.noContent().build());
  }

  @POST
  @Path("search")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Searches.Result search(JsonNode request) {
    return searches.elementInstances(request, caller.tenants());
  }

  @GET
  @Path("{key}")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> get(@PathParam("key") String key) {
    return searches.elementInstance(
        RestInput.key(key, "an element instance key"), caller.tenants());
  }
}
