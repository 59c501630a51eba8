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
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.clearance.engine.gateway.auth.RestCaller;
import org.clearance.engine.incident.ResolveIncidentCommand;
import org.clearance.engine.search.Searches;

/** POST /v2/incidents/{key}/resolution. */
@Path("/v2/incidents")
public class IncidentResource {

  private final RestCommands commands;
  private final ResolveIncidentCommand resolve;

  private final Searches searches;

  private final RestCaller caller;

  IncidentResource(
      RestCommands commands, ResolveIncidentCommand resolve, Searches searches, RestCaller caller) {
    this.caller = caller;
    this.searches = searches;
    this.commands = commands;
    this.resolve = resolve;
  }

  @POST
  @Path("{key}/resolution")
  public CompletionStage<Response> resolve(@PathParam("key") String key) {
    var tenants = caller.tenants(); // read on the request thread, used on a command thread
    return commands.call(
        "ResolveIncident",
        "/v2/incidents/" + key + "/resolution",
        resolve,
        () -> new ResolveIncidentCommand.Request(RestInput.key(key, "an incident key"), tenants),
        done -> Response.noContent().build());
  }

  @POST
  @Path("search")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Searches.Result search(JsonNode request) {
    return searches.incidents(request, caller.tenants());
  }

  @GET
  @Path("{key}")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> get(@PathParam("key") String key) {
    return searches.incident(RestInput.key(key, "an incident key"), caller.tenants());
  }
}
