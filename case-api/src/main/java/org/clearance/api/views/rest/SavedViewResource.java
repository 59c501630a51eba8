package org.clearance.api.views.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.clearance.api.views.domain.SavedView;
import org.clearance.api.views.service.SavedViewInput;
import org.clearance.api.views.service.SavedViewService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/views")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Saved views", description = "Named states of the list screens, per user")
public class SavedViewResource {

  private final SavedViewService views;

  SavedViewResource(SavedViewService views) {
    this.views = views;
  }

  @GET
  @Operation(summary = "The caller's saved views and those shared with one of their roles, by name")
  @APIResponse(responseCode = "200", description = "The views")
  @APIResponse(responseCode = "400", description = "The screen is malformed")
  public List<SavedViewResponse> list(@QueryParam("screen") String screen) {
    return views.visible(screen).stream().map(this::toResponse).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One saved view (own, or shared with one of the caller's roles)")
  @APIResponse(responseCode = "200", description = "The view")
  @APIResponse(responseCode = "404", description = "No such view, or not visible to the caller")
  public SavedViewResponse get(@PathParam("id") UUID id) {
    return toResponse(views.get(id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Save a view")
  @APIResponse(responseCode = "201", description = "Saved; Location names it")
  @APIResponse(responseCode = "400", description = "Invalid fields, each listed")
  @APIResponse(
      responseCode = "409",
      description = "The caller has a view of that name on the screen, or too many views")
  public Response create(SavedViewRequest request, @Context UriInfo uri) {
    SavedView view = views.create(input(request));
    return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
        .entity(toResponse(view))
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a view (its owner only)")
  @APIResponse(responseCode = "200", description = "The changed view")
  @APIResponse(responseCode = "400", description = "Invalid fields, each listed")
  @APIResponse(responseCode = "403", description = "A view shared with the caller, not theirs")
  @APIResponse(responseCode = "404", description = "No such view, or not visible to the caller")
  @APIResponse(responseCode = "409", description = "The owner has another view of that name")
  public SavedViewResponse update(@PathParam("id") UUID id, SavedViewRequest request) {
    return toResponse(views.update(id, input(request)));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete a view (its owner only)")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "403", description = "A view shared with the caller, not theirs")
  @APIResponse(responseCode = "404", description = "No such view, or not visible to the caller")
  public Response delete(@PathParam("id") UUID id) {
    views.delete(id);
    return Response.noContent().build();
  }

  private static SavedViewInput input(SavedViewRequest request) {
    return request == null
        ? new SavedViewInput(null, null, null, null)
        : new SavedViewInput(
            request.name(), request.screen(), request.query(), request.sharedWithRole());
  }

  private SavedViewResponse toResponse(SavedView view) {
    return new SavedViewResponse(
        view.id(),
        view.name(),
        view.screen(),
        view.query(),
        view.sharedWithRole(),
        view.owner(),
        views.isMine(view),
        view.createdAt(),
        view.updatedAt());
  }
}
