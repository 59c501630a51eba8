package org.clearance.engine.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import org.clearance.engine.db.Db;
import org.clearance.engine.db.Json;
import org.clearance.engine.db.KeyGenerator;
import org.clearance.engine.decision.DecisionNotFoundException;
import org.clearance.engine.deployment.DecisionRepository;
import org.clearance.engine.deployment.DecisionRepository.StoredDecision;
import org.clearance.engine.deployment.TenantIds;
import org.clearance.engine.gateway.Rejection;
import org.clearance.engine.record.RecordBatch;
import org.jboss.logging.Logger;

/** EvaluateDecision: evaluates a deployed decision outside any process instance. */
@ApplicationScoped
public class DecisionEvaluationService {

  private static final Logger LOG = Logger.getLogger(DecisionEvaluationService.class);

  /** An evaluation and the key of its DECISION_EVALUATION record. */
  public record Outcome(long key, DecisionCalls.Evaluated evaluated) {}

  private final Db db;
  private final KeyGenerator keys;
  private final DecisionRepository decisions;

  DecisionEvaluationService(Db db, KeyGenerator keys, DecisionRepository decisions) {
    this.db = db;
    this.keys = keys;
    this.decisions = decisions;
  }

  /**
   * Evaluates the decision with the given key, or else the latest version of the decision id.
   *
   * @throws Rejection NOT_FOUND if there is no such decision
   */
  public Outcome evaluate(long decisionKey, String decisionId, String variables) {
    return evaluate(TenantIds.DEFAULT, decisionKey, decisionId, variables);
  }

  /** Evaluates a decision of a tenant; a decision of another tenant is NOT_FOUND. */
  public Outcome evaluate(String tenantId, long decisionKey, String decisionId, String variables) {
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
                  "DECISION_EVALUATION",
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
