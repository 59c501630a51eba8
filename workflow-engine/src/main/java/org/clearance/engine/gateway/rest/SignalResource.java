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
import org.clearance.engine.gateway.auth.RestCaller;
import org.clearance.engine.message.BroadcastSignalCommand;

/** POST /v2/signals/broadcast, the REST twin of BroadcastSignal. */
@Path("/v2/signals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SignalResource {

  public record BroadcastRequest(String signalName, JsonNode variables, String tenantId) {}

  public record Broadcast(String tenantId, String signalKey) {}

  private final RestCommands commands;
  private final BroadcastSignalCommand broadcastSignal;
  private final RestCaller caller;

  SignalResource(RestCommands commands, BroadcastSignalCommand broadcastSignal, RestCaller caller) {
    this.commands = commands;
    this.broadcastSignal = broadcastSignal;
    this.caller = caller;
  }

  @POST
  @Path("broadcast")
  public CompletionStage<Response> broadcast(BroadcastRequest request) {
    var tenants = caller.tenants(); // read on the request thread, used on a command thread
    String client = caller.clientId();
    return commands.call(
        "BroadcastSignal",
        "/v2/signals/broadcast",
        broadcastSignal,
        () -> {
          RestInput.required(request, "a request body");
          String tenant = Tenants.of(request.tenantId());
          tenants.require(tenant, client);
          return new BroadcastSignalCommand.Request(
              request.signalName(),
              RestInput.variableMap(request.variables(), "the signal variables"),
              tenant);
        },
        key ->
            Response.ok(
                    new Broadcast(Tenants.of(request.tenantId()), Long.toString(key)),
                    MediaType.APPLICATION_JSON)
                .build());
  }
}
