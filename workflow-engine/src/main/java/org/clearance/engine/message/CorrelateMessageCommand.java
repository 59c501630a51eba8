package org.clearance.engine.message;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.command.Rejection;

/**
 * CorrelateMessage (REST {@code POST /v2/messages/correlation}): publishes a message that is not
 * buffered (time to live 0) through {@link PublishMessageCommand} and answers the first process
 * instance it started or reached.
 *
 * @throws Rejection NOT_FOUND when no subscription or message start event took it
 */
@ApplicationScoped
public class CorrelateMessageCommand
    implements CommandHandler<CorrelateMessageCommand.Request, CorrelateMessageCommand.Correlated> {

  public record Request(
      String name, String correlationKey, Map<String, JsonNode> variables, String tenantId) {}

  public record Correlated(long messageKey, long processInstanceKey) {}

  private final PublishMessageCommand publish;

  CorrelateMessageCommand(PublishMessageCommand publish) {
    this.publish = publish;
  }

  @Override
  public Correlated execute(Request request) {
    var publication =
        publish.publish(
            new PublishMessageCommand.Request(
                request.name(),
                request.correlationKey(),
                0,
                null,
                request.variables(),
                request.tenantId()));
    if (publication.firstProcessInstanceKey() == 0) {
      throw Rejection.notFound(
          "Expected to find subscription for message with name '%s' and correlation key '%s', but none was found."
              .formatted(
                  request.name(),
                  request.correlationKey() == null ? "" : request.correlationKey()));
    }
    return new Correlated(publication.messageKey(), publication.firstProcessInstanceKey());
  }
}
