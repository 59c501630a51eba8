package org.clearance.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.clearance.engine.command.Tenants;
import org.clearance.engine.message.CorrelateMessageCommand;
import org.clearance.engine.message.PublishMessageCommand;

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
  private final PublishMessageCommand publish;
  private final CorrelateMessageCommand correlate;

  MessageResource(
      RestCommands commands, PublishMessageCommand publish, CorrelateMessageCommand correlate) {
    this.commands = commands;
    this.publish = publish;
    this.correlate = correlate;
  }

  @POST
  @Path("publication")
  public CompletionStage<Response> publish(PublicationRequest request) {
    return commands.call(
        "PublishMessage",
        "/v2/messages/publication",
        publish,
        () -> {
          RestInput.required(request, "a request body");
          return new PublishMessageCommand.Request(
              request.name(),
              request.correlationKey(),
              request.timeToLive() == null ? 0 : request.timeToLive(),
              request.messageId(),
              RestInput.variableMap(request.variables(), "the message variables"),
              request.tenantId());
        },
        key ->
            Response.ok(
                    new Published(Tenants.of(request.tenantId()), Long.toString(key)),
                    MediaType.APPLICATION_JSON)
                .build());
  }

  @POST
  @Path("correlation")
  public CompletionStage<Response> correlate(CorrelationRequest request) {
    return commands.call(
        "CorrelateMessage",
        "/v2/messages/correlation",
        correlate,
        () -> {
          RestInput.required(request, "a request body");
          return new CorrelateMessageCommand.Request(
              request.name(),
              request.correlationKey(),
              RestInput.variableMap(request.variables(), "the message variables"),
              request.tenantId());
        },
        correlation ->
            Response.ok(
                    new Correlated(
                        Tenants.of(request.tenantId()),
                        Long.toString(correlation.messageKey()),
                        Long.toString(correlation.processInstanceKey())),
                    MediaType.APPLICATION_JSON)
                .build());
  }
}
