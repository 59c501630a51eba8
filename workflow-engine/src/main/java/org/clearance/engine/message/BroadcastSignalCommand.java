package org.clearance.engine.message;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.command.Tenants;

/**
 * BroadcastSignal: starts the processes with a signal start event of the name and reaches every
 * catch event waiting for it, in the request's tenant ({@link SignalBroadcasts}). Returns the
 * signal's key.
 */
@ApplicationScoped
public class BroadcastSignalCommand
    implements CommandHandler<BroadcastSignalCommand.Request, Long> {

  /**
   * @param tenantId none: the default tenant
   */
  public record Request(String signalName, Map<String, JsonNode> variables, String tenantId) {}

  private final SignalBroadcasts broadcasts;

  BroadcastSignalCommand(SignalBroadcasts broadcasts) {
    this.broadcasts = broadcasts;
  }

  @Override
  public Long execute(Request request) {
    String tenantId = Tenants.of(request.tenantId());
    if (request.signalName() == null || request.signalName().isBlank()) {
      throw Rejection.invalidArgument(
          "Expected to broadcast a signal with a name, but it was empty");
    }
    return broadcasts.broadcast(
        tenantId,
        request.signalName(),
        request.variables() == null ? Map.of() : request.variables());
  }
}
