package org.clearance.engine.gateway;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluatedDecisionInput;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluatedDecisionOutput;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.MatchedDecisionRule;
import org.clearance.engine.decision.DecisionEvaluation;
import org.clearance.engine.decision.EvaluatedDecision;
import org.clearance.engine.decision.EvaluatedInput;
import org.clearance.engine.decision.EvaluatedOutput;
import org.clearance.engine.decision.MatchedRule;
import org.clearance.engine.deployment.DecisionRepository.StoredDecision;
import org.clearance.engine.runtime.DecisionCalls;

/** Maps a decision evaluation onto Zeebe's EvaluateDecisionResponse. */
final class DecisionResponses {

  private DecisionResponses() {}

  static EvaluateDecisionResponse evaluateDecisionResponse(
      long evaluationKey, DecisionCalls.Evaluated evaluated, String tenantId) {
    StoredDecision decision = evaluated.decision();
    DecisionEvaluation evaluation = evaluated.evaluation();
    var response =
        EvaluateDecisionResponse.newBuilder()
            .setDecisionKey(decision.key())
            .setDecisionId(decision.decisionId())
            .setDecisionName(decision.name())
            .setDecisionVersion(decision.version())
            .setDecisionRequirementsId(decision.decisionRequirementsId())
            .setDecisionRequirementsKey(decision.decisionRequirementsKey())
            .setDecisionOutput(evaluation.decisionOutput())
            .setFailedDecisionId(orEmpty(evaluation.failedDecisionId()))
            .setFailureMessage(orEmpty(evaluation.failureMessage()))
            .setTenantId(tenantId)
            .setDecisionInstanceKey(evaluationKey)
            .setDecisionEvaluationKey(evaluationKey);
    for (EvaluatedDecision entry : evaluation.evaluatedDecisions()) {
      StoredDecision stored = evaluated.graphDecisions().get(entry.decisionId());
      var builder =
          io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluatedDecision.newBuilder()
              .setDecisionId(entry.decisionId())
              .setDecisionName(entry.decisionName())
              .setDecisionKey(stored == null ? 0 : stored.key())
              .setDecisionVersion(stored == null ? 0 : stored.version())
              .setDecisionType(entry.decisionType().name())
              .setDecisionOutput(entry.decisionOutput())
              .setTenantId(tenantId);
      for (EvaluatedInput input : entry.evaluatedInputs()) {
        builder.addEvaluatedInputs(
            EvaluatedDecisionInput.newBuilder()
                .setInputId(input.inputId())
                .setInputName(input.inputName())
                .setInputValue(input.inputValue()));
      }
      for (MatchedRule rule : entry.matchedRules()) {
        var ruleBuilder =
            MatchedDecisionRule.newBuilder()
                .setRuleId(rule.ruleId())
                .setRuleIndex(rule.ruleIndex());
        for (EvaluatedOutput output : rule.evaluatedOutputs()) {
          ruleBuilder.addEvaluatedOutputs(
              EvaluatedDecisionOutput.newBuilder()
                  .setOutputId(output.outputId())
                  .setOutputName(output.outputName())
                  .setOutputValue(output.outputValue()));
        }
        builder.addMatchedRules(ruleBuilder);
      }
      response.addEvaluatedDecisions(builder);
    }
    return response.build();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
