package org.clearance.engine.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import org.clearance.engine.command.AuthorizedTenants;
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.db.Db;
import org.jboss.logging.Logger;

/** CancelProcessInstance: terminates a root instance with everything it started. */
@ApplicationScoped
public class CancelProcessInstanceCommand
    implements CommandHandler<CancelProcessInstanceCommand.Request, Void> {

  private static final Logger LOG = Logger.getLogger(CancelProcessInstanceCommand.class);

  public record Request(long processInstanceKey, AuthorizedTenants tenants) {
    /** An instance of a tenant the caller may not use is NOT_FOUND, as if it did not exist. */
    public Request(long processInstanceKey) {
      this(processInstanceKey, AuthorizedTenants.ALL);
    }
  }

  private final Db db;
  private final InstanceRepository instances;
  private final CommitEffects effects;

  CancelProcessInstanceCommand(Db db, InstanceRepository instances, CommitEffects effects) {
    this.db = db;
    this.instances = instances;
    this.effects = effects;
  }

  @Override
  public Void execute(Request request) {
    long processInstanceKey = request.processInstanceKey();
    Execution execution =
        db.inTransaction(
            connection -> {
              Execution locked =
                  instances.lockOrReject(
                      connection, processInstanceKey, "cancel", request.tenants());
              new BpmnProcessor(locked).cancel();
              effects.flush(locked);
              return locked;
            });
    effects.afterCommit(execution);
    LOG.infof("Cancelled process instance %d", processInstanceKey);
    return null;
  }
}
