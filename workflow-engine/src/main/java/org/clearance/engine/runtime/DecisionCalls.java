package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.clearance.engine.db.Json;
import org.clearance.engine.decision.DecisionEvaluation;
import org.clearance.engine.decision.EvaluatedDecision;
import org.clearance.engine.decision.EvaluatedInput;
import org.clearance.engine.decision.EvaluatedOutput;
import org.clearance.engine.decision.MatchedRule;
import org.clearance.engine.deployment.DecisionRepository;
import org.clearance.engine.deployment.DecisionRepository.StoredDecision;
import org.clearance.engine.record.Intent;

/**
 * Evaluates a stored decision and describes the outcome as a DECISION_EVALUATION record value, for
 * both the EvaluateDecision command and business rule tasks.
 */
public final class DecisionCalls {

  /** An evaluation with the stored identity of the decision and of its graph's decisions. */
  public record Evaluated(
      StoredDecision decision,
      DecisionEvaluation evaluation,
      Map<String, StoredDecision> graphDecisions) {}

  private DecisionCalls() {}

  public static Evaluated evaluate(
      Connection connection,
      DecisionRepository repository,
      StoredDecision decision,
      String variablesJson)
      throws SQLException {
    var drg = repository.requirements(connection, decision.decisionRequirementsKey());
    DecisionEvaluation evaluation =
        repository.engine().evaluate(drg, decision.decisionId(), variablesJson);
    return new Evaluated(
        decision,
        evaluation,
        repository.decisionsOf(connection, decision.decisionRequirementsKey()));
  }

  public static String variables(Map<String, JsonNode> variables) {
    return Json.toDocument(variables);
  }

  /** The record value, shaped like Zeebe's DecisionEvaluationRecord. */
  public static ObjectNode recordValue(Evaluated evaluated) {
    StoredDecision decision = evaluated.decision();
    DecisionEvaluation evaluation = evaluated.evaluation();
    ObjectNode value = Json.object();
    value.put("decisionKey", decision.key());
    value.put("decisionId", decision.decisionId());
    value.put("decisionName", decision.name());
    value.put("decisionVersion", decision.version());
    value.put("decisionRequirementsId", decision.decisionRequirementsId());
    value.put("decisionRequirementsKey", decision.decisionRequirementsKey());
    value.put("decisionOutput", evaluation.decisionOutput());
    value.put("failedDecisionId", orEmpty(evaluation.failedDecisionId()));
    value.put("evaluationFailureMessage", orEmpty(evaluation.failureMessage()));
    ArrayNode decisions = value.putArray("evaluatedDecisions");
    for (EvaluatedDecision entry : evaluation.evaluatedDecisions()) {
      StoredDecision stored = evaluated.graphDecisions().get(entry.decisionId());
      ObjectNode node = decisions.addObject();
      node.put("decisionId", entry.decisionId());
      node.put("decisionName", entry.decisionName());
      node.put("decisionKey", stored == null ? 0 : stored.key());
      node.put("decisionVersion", stored == null ? 0 : stored.version());
      node.put("decisionType", entry.decisionType().name());
      node.put("decisionOutput", entry.decisionOutput());
      ArrayNode inputs = node.putArray("evaluatedInputs");
      for (EvaluatedInput input : entry.evaluatedInputs()) {
        inputs
            .addObject()
            .put("inputId", input.inputId())
            .put("inputName", input.inputName())
            .put("inputValue", input.inputValue());
      }
      ArrayNode rules = node.putArray("matchedRules");
      for (MatchedRule rule : entry.matchedRules()) {
        ObjectNode ruleNode = rules.addObject();
        ruleNode.put("ruleId", rule.ruleId()).put("ruleIndex", rule.ruleIndex());
        ArrayNode outputs = ruleNode.putArray("evaluatedOutputs");
        for (EvaluatedOutput output : rule.evaluatedOutputs()) {
          outputs
              .addObject()
              .put("outputId", output.outputId())
              .put("outputName", output.outputName())
              .put("outputValue", output.outputValue());
        }
      }
    }
    return value;
  }

  public static Intent intent(Evaluated evaluated) {
    return evaluated.evaluation().isFailure() ? Intent.FAILED : Intent.EVALUATED;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
