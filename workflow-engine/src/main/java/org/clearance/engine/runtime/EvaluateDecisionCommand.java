package org.clearance.engine.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.command.Tenants;
import org.clearance.engine.db.Db;
import org.clearance.engine.db.Json;
import org.clearance.engine.db.KeyGenerator;
import org.clearance.engine.decision.DecisionNotFoundException;
import org.clearance.engine.deployment.DecisionRepository;
import org.clearance.engine.deployment.DecisionRepository.StoredDecision;
import org.clearance.engine.record.RecordBatch;
import org.clearance.engine.record.ValueType;
import org.jboss.logging.Logger;

/** EvaluateDecision: evaluates a deployed decision outside any process instance. */
@ApplicationScoped
public class EvaluateDecisionCommand
    implements CommandHandler<EvaluateDecisionCommand.Request, EvaluateDecisionCommand.Outcome> {

  private static final Logger LOG = Logger.getLogger(EvaluateDecisionCommand.class);

  /**
   * The decision with the key (when positive), else the latest version of the decision id.
   *
   * @param variables the variables as a JSON object document (the DMN engine reads JSON)
   */
  public record Request(long decisionKey, String decisionId, String variables, String tenantId) {}

  /** An evaluation and the key of its DECISION_EVALUATION record. */
  public record Outcome(long key, DecisionCalls.Evaluated evaluated) {}

  private final Db db;
  private final KeyGenerator keys;
  private final DecisionRepository decisions;

  EvaluateDecisionCommand(Db db, KeyGenerator keys, DecisionRepository decisions) {
    this.db = db;
    this.keys = keys;
    this.decisions = decisions;
  }

  /**
   * Evaluates the decision with the given key, or else the latest version of the decision id.
   *
   * @throws Rejection NOT_FOUND if there is no such decision
   */
  @Override
  public Outcome execute(Request request) {
    String tenantId = Tenants.of(request.tenantId());
    long decisionKey = request.decisionKey();
    String decisionId = request.decisionId();
    String variables = request.variables();
    Json.parseVariables(variables, "the variables of the decision evaluation");
    String document = variables == null || variables.isBlank() ? "{}" : variables;
    if (decisionKey <= 0 && (decisionId == null || decisionId.isBlank())) {
      throw Rejection.invalidArgument(
          "Expected either a decision key or a decision id, but neither was given");
    }
    Outcome outcome =
        db.inTransaction(
            connection -> {
              StoredDecision decision =
                  (decisionKey > 0
                          ? decisions.byKey(connection, decisionKey)
                          : decisions.latest(connection, tenantId, decisionId))
                      .filter(found -> found.tenantId().equals(tenantId))
                      .orElseThrow(() -> notFound(decisionKey, decisionId));
              DecisionCalls.Evaluated evaluated;
              try {
                evaluated = DecisionCalls.evaluate(connection, decisions, decision, document);
              } catch (DecisionNotFoundException e) {
                throw Rejection.notFound(e.getMessage());
              }
              long key = keys.nextKey(connection);
              var records = new RecordBatch();
              records.add(
                  key,
                  ValueType.DECISION_EVALUATION,
                  DecisionCalls.intent(evaluated),
                  null,
                  DecisionCalls.recordValue(evaluated));
              records.flush(connection);
              return new Outcome(key, evaluated);
            });
    LOG.debugf(
        "Evaluated decision %s v%d: %s",
        outcome.evaluated().decision().decisionId(),
        outcome.evaluated().decision().version(),
        DecisionCalls.intent(outcome.evaluated()));
    return outcome;
  }

  private static Rejection notFound(long decisionKey, String decisionId) {
    return Rejection.notFound(
        decisionKey > 0
            ? "Expected to evaluate decision with key '%d', but no such decision was found"
                .formatted(decisionKey)
            : "Expected to evaluate decision '%s', but no decision found for id '%s'"
                .formatted(decisionId, decisionId));
  }
}
