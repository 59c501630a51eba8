package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.clearance.engine.command.AuthorizedTenants;
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.db.Db;

/**
 * SetVariables on an element instance's scope: local, or propagated to the innermost scope that
 * already has each variable (else the process instance).
 *
 * <p>Returns the key of the command (as Zeebe answers it).
 */
@ApplicationScoped
public class SetVariablesCommand implements CommandHandler<SetVariablesCommand.Request, Long> {

  public record Request(
      long elementInstanceKey,
      Map<String, JsonNode> variables,
      boolean local,
      AuthorizedTenants tenants) {
    /** An element of a tenant the caller may not use is NOT_FOUND, as if it did not exist. */
    public Request(long elementInstanceKey, Map<String, JsonNode> variables, boolean local) {
      this(elementInstanceKey, variables, local, AuthorizedTenants.ALL);
    }
  }

  private final Db db;
  private final InstanceRepository instances;
  private final CommitEffects effects;

  SetVariablesCommand(Db db, InstanceRepository instances, CommitEffects effects) {
    this.db = db;
    this.instances = instances;
    this.effects = effects;
  }

  @Override
  public Long execute(Request request) {
    long elementInstanceKey = request.elementInstanceKey();
    return db.inTransaction(
        connection -> {
          long instanceKey = instances.instanceOfElement(connection, elementInstanceKey);
          Execution locked = instanceKey == 0 ? null : instances.lock(connection, instanceKey);
          if (locked == null
              || locked.state.element(elementInstanceKey) == null
              || !request.tenants().allows(locked.process().tenantId())) {
            throw Rejection.notFound(
                "Expected to update variables for element with key '%d', but no such element was found"
                    .formatted(elementInstanceKey));
          }
          new BpmnProcessor(locked)
              .setVariables(elementInstanceKey, request.variables(), request.local());
          long key = locked.nextKey();
          effects.flush(locked);
          return key;
        });
  }
}
