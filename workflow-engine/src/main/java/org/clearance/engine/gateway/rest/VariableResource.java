package org.clearance.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.clearance.engine.gateway.auth.RestCaller;
import org.clearance.engine.search.Searches;

/** Variable search and get, from the projected variables (the latest value per scope and name). */
@Path("/v2/variables")
@Produces(MediaType.APPLICATION_JSON)
public class VariableResource {

  private final Searches searches;
  private final RestCaller caller;

  VariableResource(Searches searches, RestCaller caller) {
    this.searches = searches;
    this.caller = caller;
  }

  @POST
  @Path("search")
  @Consumes(MediaType.APPLICATION_JSON)
  public Searches.Result search(JsonNode request) {
    return searches.variables(request, caller.tenants());
  }

  @GET
  @Path("{key}")
  public Map<String, Object> get(@PathParam("key") String key) {
    return searches.variable(RestInput.key(key, "a variable key"), caller.tenants());
  }
}
