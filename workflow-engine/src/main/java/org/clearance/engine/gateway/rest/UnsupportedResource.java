package org.clearance.engine.gateway.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Every /v2 path no other resource serves: a problem+json 404 naming it as not supported, so a
 * client learns at once which part of the Orchestration Cluster API is missing.
 */
@Path("/v2")
public class UnsupportedResource {

  @GET
  @Path("{any: .*}")
  public Response get(UriInfo uri) {
    return Problems.notSupported("GET", "/" + uri.getPath().replaceFirst("^/", ""));
  }

  @POST
  @Path("{any: .*}")
  public Response post(UriInfo uri) {
    return Problems.notSupported("POST", "/" + uri.getPath().replaceFirst("^/", ""));
  }

  @PUT
  @Path("{any: .*}")
  public Response put(UriInfo uri) {
    return Problems.notSupported("PUT", "/" + uri.getPath().replaceFirst("^/", ""));
  }

  @PATCH
  @Path("{any: .*}")
  public Response patch(UriInfo uri) {
    return Problems.notSupported("PATCH", "/" + uri.getPath().replaceFirst("^/", ""));
  }

  @DELETE
  @Path("{any: .*}")
  public Response delete(UriInfo uri) {
    return Problems.notSupported("DELETE", "/" + uri.getPath().replaceFirst("^/", ""));
  }
}
