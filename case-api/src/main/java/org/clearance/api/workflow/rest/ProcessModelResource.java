package org.clearance.api.workflow.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.clearance.api.common.rest.ProblemException;
import org.clearance.api.security.service.Caller;
import org.clearance.api.workflow.service.ProcessModel;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The deployed export-licence model, for drawing it (bpmn-js) under the heat map and on cases. */
@Path("/api/process")
@Authenticated
@Tag(name = "Process")
public class ProcessModelResource {

  static final String BPMN_MEDIA_TYPE = "application/xml";

  private final ProcessModel model;
  private final Caller caller;

  ProcessModelResource(ProcessModel model, Caller caller) {
    this.model = model;
    this.caller = caller;
  }

  @GET
  @Path("export-licence.bpmn")
  @Produces(BPMN_MEDIA_TYPE)
  @Operation(
      summary = "The export-licence BPMN 2.0 XML as deployed (staff and admins)",
      description = "With an ETag; If-None-Match answers 304 while the model is unchanged.")
  @APIResponse(responseCode = "200", description = "The BPMN XML with its diagram")
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag given")
  @APIResponse(responseCode = "403", description = "Applicants")
  public Response exportLicence(@Context Request request) {
    if (!caller.isCaseStaff() && !caller.hasRole(Caller.ADMIN)) {
      throw ProblemException.forbidden(
          "The process model is shown to staff and admins; your roles are " + caller.roles() + ".");
    }
    EntityTag tag = EntityTag.valueOf(model.etag());
    CacheControl revalidate = new CacheControl();
    revalidate.setNoCache(true);
    revalidate.setPrivate(true);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    if (notModified != null) {
      return notModified.cacheControl(revalidate).build();
    }
    return Response.ok(model.xml(), BPMN_MEDIA_TYPE + "; charset=UTF-8")
        .tag(tag)
        .cacheControl(revalidate)
        .build();
  }
}
