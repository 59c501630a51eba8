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
import org.clearance.engine.gateway.auth.RestCaller;
import org.clearance.engine.search.Searches;

/** Process definitions: search, get, the BPMN XML, and element-instance statistics. */
@Path("/v2/process-definitions")
@Produces(MediaType.APPLICATION_JSON)
public class ProcessDefinitionResource {

  private final Searches searches;
  private final RestCaller caller;

  ProcessDefinitionResource(Searches searches, RestCaller caller) {
    this.searches = searches;
    this.caller = caller;
  }

  @POST
  @Path("search")
  @Consumes(MediaType.APPLICATION_JSON)
  public Searches.Result search(JsonNode request) {
    return searches.processDefinitions(request, caller.tenants());
  }

  @GET
  @Path("{key}")
  public Map<String, Object> get(@PathParam("key") String key) {
    return searches.processDefinition(
        RestInput.key(key, "a process definition key"), caller.tenants());
  }

  /** Answers text/xml whatever the client accepts (the official client asks for JSON). */
  @GET
  @Path("{key}/xml")
  @Produces(MediaType.WILDCARD)
  public Response xml(@PathParam("key") String key) {
    byte[] xml =
        searches.processDefinitionXml(
            RestInput.key(key, "a process definition key"), caller.tenants());
    return Response.ok(xml, "text/xml").build();
  }

  public record Statistics(java.util.List<Map<String, Object>> items) {}

  @POST
  @Path("{key}/statistics/element-instances")
  @Consumes(MediaType.APPLICATION_JSON)
  public Statistics statistics(@PathParam("key") String key, JsonNode request) {
    return new Statistics(
        searches.elementStatistics(
            RestInput.key(key, "a process definition key"), request, caller.tenants()));
  }
}
