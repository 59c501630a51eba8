package org.clearance.engine.gateway.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.clearance.engine.incident.IncidentService;

/** POST /v2/incidents/{key}/resolution. */
@Path("/v2/incidents")
public class IncidentResource {

  private final RestCommands commands;
  private final IncidentService incidents;

  IncidentResource(RestCommands commands, IncidentService incidents) {
    this.commands = commands;
    this.incidents = incidents;
  }

  @POST
  @Path("{key}/resolution")
  public CompletionStage<Response> resolve(@PathParam("key") String key) {
    return commands.run(
        "ResolveIncident",
        "/v2/incidents/" + key + "/resolution",
        () -> {
          incidents.resolve(RestInput.key(key, "an incident key"));
          return Response.noContent().build();
        });
  }
}
