package org.clearance.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.clearance.engine.decision.EvaluatedDecision;
import org.clearance.engine.decision.EvaluatedInput;
import org.clearance.engine.decision.EvaluatedOutput;
import org.clearance.engine.decision.MatchedRule;
import org.clearance.engine.deployment.DecisionRepository.StoredDecision;
import org.clearance.engine.runtime.EvaluateDecisionCommand;

/** POST /v2/decision-definitions/evaluation, by decision definition key or id. */
@Path("/v2/decision-definitions")
public class DecisionResource {

  public record EvaluationRequest(
      String decisionDefinitionKey,
      String decisionDefinitionId,
      JsonNode variables,
      String tenantId) {}

  public record Input(String inputId, String inputName, String inputValue) {}

  public record Output(
      String outputId, String outputName, String outputValue, String ruleId, int ruleIndex) {}

  public record Rule(String ruleId, int ruleIndex, List<Output> evaluatedOutputs) {}

  public record Evaluated(
      String decisionDefinitionId,
      String decisionDefinitionName,
      int decisionDefinitionVersion,
      String decisionDefinitionType,
      String output,
      String tenantId,
      List<Rule> matchedRules,
      List<Input> evaluatedInputs,
      String decisionDefinitionKey,
      String decisionEvaluationInstanceKey) {}

  public record EvaluationResult(
      String decisionDefinitionId,
      String decisionDefinitionKey,
      String decisionDefinitionName,
      int decisionDefinitionVersion,
      String decisionEvaluationKey,
      String decisionInstanceKey,
      String decisionRequirementsId,
      String decisionRequirementsKey,
      List<Evaluated> evaluatedDecisions,
      String failedDecisionDefinitionId,
      String failureMessage,
      String output,
      String tenantId) {}

  private final RestCommands commands;
  private final EvaluateDecisionCommand evaluate;

  DecisionResource(RestCommands commands, EvaluateDecisionCommand evaluate) {
    this.commands = commands;
    this.evaluate = evaluate;
  }

  @POST
  @Path("evaluation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public CompletionStage<Response> evaluate(EvaluationRequest request) {
    return commands.call(
        "EvaluateDecision",
        "/v2/decision-definitions/evaluation",
        evaluate,
        () -> {
          RestInput.required(request, "a request body");
          return new EvaluateDecisionCommand.Request(
              RestInput.optionalKey(request.decisionDefinitionKey(), "decisionDefinitionKey"),
              request.decisionDefinitionId(),
              RestInput.variables(request.variables(), "the variables of the evaluation"),
              request.tenantId());
        },
        outcome -> Response.ok(result(outcome), MediaType.APPLICATION_JSON).build());
  }

  private static EvaluationResult result(EvaluateDecisionCommand.Outcome outcome) {
    StoredDecision decision = outcome.evaluated().decision();
    String tenant = decision.tenantId();
    var evaluation = outcome.evaluated().evaluation();
    String key = Long.toString(outcome.key());
    var decisions = new ArrayList<Evaluated>();
    int index = 0;
    for (EvaluatedDecision entry : evaluation.evaluatedDecisions()) {
      StoredDecision stored = outcome.evaluated().graphDecisions().get(entry.decisionId());
      var inputs = new ArrayList<Input>();
      for (EvaluatedInput input : entry.evaluatedInputs()) {
        inputs.add(new Input(input.inputId(), input.inputName(), input.inputValue()));
      }
      var rules = new ArrayList<Rule>();
      for (MatchedRule rule : entry.matchedRules()) {
        var outputs = new ArrayList<Output>();
        for (EvaluatedOutput output : rule.evaluatedOutputs()) {
          outputs.add(
              new Output(
                  output.outputId(),
                  output.outputName(),
                  output.outputValue(),
                  rule.ruleId(),
                  rule.ruleIndex()));
        }
        rules.add(new Rule(rule.ruleId(), rule.ruleIndex(), outputs));
      }
      index++;
      decisions.add(
          new Evaluated(
              entry.decisionId(),
              entry.decisionName(),
              stored == null ? 0 : stored.version(),
              entry.decisionType().name(),
              entry.decisionOutput(),
              tenant,
              rules,
              inputs,
              stored == null ? "0" : Long.toString(stored.key()),
              key + "-" + index));
    }
    return new EvaluationResult(
        decision.decisionId(),
        Long.toString(decision.key()),
        decision.name(),
        decision.version(),
        key,
        key,
        decision.decisionRequirementsId(),
        Long.toString(decision.decisionRequirementsKey()),
        decisions,
        evaluation.failedDecisionId() == null ? "" : evaluation.failedDecisionId(),
        evaluation.failureMessage() == null ? "" : evaluation.failureMessage(),
        evaluation.decisionOutput(),
        tenant);
  }
}
