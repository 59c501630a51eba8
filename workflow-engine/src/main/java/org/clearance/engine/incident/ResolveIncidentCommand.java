package org.clearance.engine.incident;

import jakarta.enterprise.context.ApplicationScoped;
import org.clearance.engine.command.AuthorizedTenants;
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.db.Db;
import org.clearance.engine.job.JobReactivation;
import org.clearance.engine.runtime.BpmnProcessor;
import org.clearance.engine.runtime.CommitEffects;
import org.clearance.engine.runtime.ElementInstance;
import org.clearance.engine.runtime.Execution;
import org.clearance.engine.runtime.InstanceRepository;
import org.jboss.logging.Logger;

/** ResolveIncident: a job incident makes the job activatable again; others re-run their step. */
@ApplicationScoped
public class ResolveIncidentCommand
    implements CommandHandler<ResolveIncidentCommand.Request, Void> {

  private static final Logger LOG = Logger.getLogger(ResolveIncidentCommand.class);

  public record Request(long incidentKey, AuthorizedTenants tenants) {
    /** An incident of a tenant the caller may not use is NOT_FOUND, as if it did not exist. */
    public Request(long incidentKey) {
      this(incidentKey, AuthorizedTenants.ALL);
    }
  }

  private final Db db;
  private final InstanceRepository instances;
  private final CommitEffects effects;
  private final JobReactivation jobs;

  ResolveIncidentCommand(
      Db db, InstanceRepository instances, CommitEffects effects, JobReactivation jobs) {
    this.db = db;
    this.instances = instances;
    this.effects = effects;
    this.jobs = jobs;
  }

  @Override
  public Void execute(Request request) {
    long incidentKey = request.incidentKey();
    Execution execution =
        db.inTransaction(
            connection -> {
              long instanceKey;
              long elementInstanceKey;
              Long jobKey;
              try (var statement =
                  connection.prepareStatement(
                      "SELECT process_instance_key, element_instance_key, job_key"
                          + " FROM engine.incident WHERE key = ?")) {
                statement.setLong(1, incidentKey);
                try (var rs = statement.executeQuery()) {
                  if (!rs.next()) {
                    throw notFound(incidentKey);
                  }
                  instanceKey = rs.getLong(1);
                  elementInstanceKey = rs.getLong(2);
                  long job = rs.getLong(3);
                  jobKey = rs.wasNull() ? null : job;
                }
              }
              Execution locked = instances.lock(connection, instanceKey);
              ElementInstance element =
                  locked == null ? null : locked.state().element(elementInstanceKey);
              if (element == null
                  || element.incidentKey() != incidentKey
                  || !request.tenants().allows(locked.process().tenantId())) {
                throw notFound(incidentKey);
              }
              // the RESOLVED record comes before the job's ACTIVATABLE one
              new BpmnProcessor(locked).resolveIncident(element, incidentKey, jobKey != null);
              if (jobKey != null) {
                jobs.reactivate(locked, jobKey, incidentKey);
              }
              effects.flush(locked);
              return locked;
            });
    effects.afterCommit(execution);
    LOG.infof("Resolved incident %d", incidentKey);
    return null;
  }

  private static Rejection notFound(long incidentKey) {
    return Rejection.notFound(
        "Expected to resolve incident with key '%d', but no such incident was found"
            .formatted(incidentKey));
  }
}
