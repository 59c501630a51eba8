package org.clearance.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.clearance.engine.message.MessageService;

/** Message publication (buffered while its time to live runs) and correlation (not buffered). */
@Path("/v2/messages")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

  public record PublicationRequest(
      String name,
      String correlationKey,
      Long timeToLive,
      String messageId,
      JsonNode variables,
      String tenantId) {}

  public record Published(String tenantId, String messageKey) {}

  public record CorrelationRequest(
      String name, String correlationKey, JsonNode variables, String tenantId) {}

  public record Correlated(String tenantId, String messageKey, String processInstanceKey) {}

  private final RestCommands commands;
  private final MessageService messages;

  MessageResource(RestCommands commands, MessageService messages) {
    this.commands = commands;
    this.messages = messages;
  }

  @POST
  @Path("publication")
  public CompletionStage<Response> publish(PublicationRequest request) {
    return commands.run(
        "PublishMessage",
        "/v2/messages/publication",
        () -> {
          RestInput.required(request, "a request body");
          RestInput.requireDefaultTenant(request.tenantId());
          long key =
              messages.publish(
                  request.name(),
                  request.correlationKey(),
                  request.timeToLive() == null ? 0 : request.timeToLive(),
                  request.messageId(),
                  RestInput.variables(request.variables(), "the message variables"));
          return Response.ok(
                  new Published(RestInput.DEFAULT_TENANT, Long.toString(key)),
                  MediaType.APPLICATION_JSON)
              .build();
        });
  }

  @POST
  @Path("correlation")
  public CompletionStage<Response> correlate(CorrelationRequest request) {
    return commands.run(
        "CorrelateMessage",
        "/v2/messages/correlation",
        () -> {
          RestInput.required(request, "a request body");
          RestInput.requireDefaultTenant(request.tenantId());
          var correlation =
              messages.correlate(
                  request.name(),
                  request.correlationKey(),
                  RestInput.variables(request.variables(), "the message variables"));
          return Response.ok(
                  new Correlated(
                      RestInput.DEFAULT_TENANT,
                      Long.toString(correlation.messageKey()),
                      Long.toString(correlation.processInstanceKey())),
                  MediaType.APPLICATION_JSON)
              .build();
        });
  }
}
