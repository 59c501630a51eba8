package org.clearance.api.notifications.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.paging.PageResponse;
import org.clearance.api.common.paging.QueryNumbers;
import org.clearance.api.common.rest.ProblemException;
import org.clearance.api.notifications.domain.Notification;
import org.clearance.api.notifications.service.NotificationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "The caller's in-app notifications")
@SecurityRequirement(name = "SecurityScheme")
public class NotificationResource {

  private final NotificationService notifications;

  NotificationResource(NotificationService notifications) {
    this.notifications = notifications;
  }

  @GET
  @Operation(
      summary =
          "The caller's notifications (to them, their roles, or their organisation), unread first")
  public PageResponse<NotificationResponse> list(
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("20") String size) {
    List<FieldError> errors = new ArrayList<>();
    int pageNumber = QueryNumbers.page(page, errors);
    int pageSize = QueryNumbers.size(size, errors);
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(
          "invalid-paging", "The paging parameters are invalid", "Fix page and size.", errors);
    }
    return notifications.page(pageNumber, pageSize, NotificationResource::toResponse);
  }

  @GET
  @Path("/unread-count")
  @Operation(summary = "How many of the caller's notifications are unread")
  public UnreadCountResponse unreadCount() {
    return new UnreadCountResponse(notifications.unreadCount());
  }

  @POST
  @Path("/{id}/read")
  @Operation(summary = "Marks one of the caller's notifications read (idempotent)")
  public Response markRead(@PathParam("id") UUID id) {
    notifications.markRead(id);
    return Response.noContent().build();
  }

  private static NotificationResponse toResponse(Notification n, Instant readAt) {
    return new NotificationResponse(
        n.id(),
        n.type().name(),
        n.recipientKind().name(),
        n.recipient(),
        n.caseId(),
        n.caseReference(),
        n.subject(),
        n.body(),
        n.createdAt(),
        readAt != null,
        readAt);
  }
}
