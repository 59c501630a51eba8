package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.clearance.engine.deployment.DecisionRepository;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BusinessRuleTaskTest extends EngineTestSupport {

  @Inject DecisionRepository decisionRepository;

  private void deployDmn(byte[] dmn, String resourceName) {
    client.newDeployResourceCommand().addResourceBytes(dmn, resourceName).send().join();
  }

  /** Evaluates the decision, then hands its result to a worker so the test can read it. */
  private BpmnModelInstance decide(String processId, String decisionId, String resultVariable) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("Start")
        .businessRuleTask(
            "Task_DecideLicence",
            t -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable(resultVariable))
        .serviceTask("Task_Review", t -> t.zeebeJobType(jobType("review")))
        .endEvent("End")
        .done();
  }

  private Map<String, Object> openIncident(long processInstanceKey) {
    var records = records(processInstanceKey);
    var resolved =
        records.stream()
            .filter(
                r -> "INCIDENT".equals(r.get("valueType")) && "RESOLVED".equals(r.get("intent")))
            .map(r -> r.get("key"))
            .toList();
    return records.stream()
        .filter(r -> "INCIDENT".equals(r.get("valueType")) && "CREATED".equals(r.get("intent")))
        .filter(r -> !resolved.contains(r.get("key")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shouldSetResultVariableFromDecisionOutput() {
    // given
    deployDmn(DmnModels.licenceRequirement(suffix), "licence-requirement.dmn");
    String processId = id("Process_LicenceDecision");
    deploy(decide(processId, "licence_requirement_" + suffix, "requirement"));

    // when
    var instance =
        start(processId, Map.of("controlClassification", "3A090", "countryGroup", "E:1"));

    // then
    var job = activateOne(jobType("review"));
    assertThat(job.getVariablesAsMap())
        .containsEntry(
            "requirement",
            Map.of("licenceRequired", true, "reviewPolicy", "PRESUMPTION_OF_DENIAL"));
    assertThat(completedElements(instance.getProcessInstanceKey())).contains("Task_DecideLicence");
    assertThat(records(instance.getProcessInstanceKey()))
        .filteredOn(r -> "DECISION_EVALUATION".equals(r.get("valueType")))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("intent")).isEqualTo("EVALUATED");
              assertThat(((Map<?, ?>) r.get("value")).get("elementId"))
                  .isEqualTo("Task_DecideLicence");
            });
  }

  @Test
  void shouldEvaluateDecisionIdExpressionWithInputMappingsAndApplyOutputMappings() {
    // given
    deployDmn(DmnModels.licenceRequirement(suffix), "licence-requirement.dmn");
    String processId = id("Process_MappedDecision");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .businessRuleTask(
                "Task_DecideLicence",
                t ->
                    t.zeebeCalledDecisionId("= \"licence_requirement_\" + decisionSuffix")
                        .zeebeResultVariable("requirement")
                        .zeebeInputExpression("item.eccn", "controlClassification")
                        .zeebeInputExpression("destination.group", "countryGroup")
                        .zeebeOutputExpression("requirement.reviewPolicy", "reviewPolicy"))
            .serviceTask("Task_Review", t -> t.zeebeJobType(jobType("review")))
            .endEvent("End")
            .done());

    // when
    start(
        processId,
        Map.of(
            "decisionSuffix", suffix,
            "item", Map.of("eccn", "4E091"),
            "destination", Map.of("group", "A:1")));

    // then
    var variables = activateOne(jobType("review")).getVariablesAsMap();
    assertThat(variables).containsEntry("reviewPolicy", "APPROVE");
    assertThat(variables).doesNotContainKeys("requirement", "controlClassification");
  }

  @Test
  void shouldRaiseIncidentForUnknownDecisionAndEvaluateAfterDeploymentAndResolution() {
    // given
    String processId = id("Process_MissingDecision");
    deploy(decide(processId, "licence_requirement_" + suffix, "requirement"));
    var instance =
        start(processId, Map.of("controlClassification", "4E091", "countryGroup", "A:1"));
    var incident = openIncident(instance.getProcessInstanceKey());
    assertThat(((Map<?, ?>) incident.get("value")).get("errorType"))
        .isEqualTo("CALLED_DECISION_ERROR");
    assertThat((String) ((Map<?, ?>) incident.get("value")).get("errorMessage"))
        .contains("licence_requirement_" + suffix);

    // when
    deployDmn(DmnModels.licenceRequirement(suffix), "licence-requirement.dmn");
    client.newResolveIncidentCommand(((Number) incident.get("key")).longValue()).send().join();

    // then
    assertThat(activateOne(jobType("review")).getVariablesAsMap())
        .containsEntry("requirement", Map.of("licenceRequired", false, "reviewPolicy", "APPROVE"));
  }

  @Test
  void shouldRaiseIncidentWhenEvaluationFailsAndReEvaluateWithNewVariablesOnResolution() {
    // given
    deployDmn(DmnModels.overlappingUnique(suffix), "overlapping-unique.dmn");
    String processId = id("Process_FailingDecision");
    deploy(decide(processId, "case_route_" + suffix, "route"));
    var instance = start(processId, Map.of("entityListHit", true, "sanctionsHit", true));
    var incident = openIncident(instance.getProcessInstanceKey());
    var value = (Map<?, ?>) incident.get("value");
    assertThat(value.get("errorType")).isEqualTo("DECISION_EVALUATION_ERROR");
    assertThat((String) value.get("errorMessage"))
        .startsWith("Failed to evaluate decision 'case_route_" + suffix + "'");
    assertThat(records(instance.getProcessInstanceKey()))
        .filteredOn(r -> "DECISION_EVALUATION".equals(r.get("valueType")))
        .extracting(r -> r.get("intent"))
        .containsExactly("FAILED");

    // when
    client
        .newSetVariablesCommand(instance.getProcessInstanceKey())
        .variables(Map.of("sanctionsHit", false))
        .send()
        .join();
    client.newResolveIncidentCommand(((Number) incident.get("key")).longValue()).send().join();

    // then
    assertThat(activateOne(jobType("review")).getVariablesAsMap())
        .containsEntry("route", "LEGAL_REVIEW");
  }

  @Test
  void shouldCreateJobForBusinessRuleTaskWithTaskDefinition() {
    // given
    String processId = id("Process_RulesByWorker");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .businessRuleTask("Task_ExternalRules", t -> t.zeebeJobType(jobType("rules")))
            .endEvent("End")
            .done());
    var instance = start(processId);

    // when
    complete(activateOne(jobType("rules")), Map.of("approved", true));

    // then
    assertThat(isCompleted(instance.getProcessInstanceKey(), processId)).isTrue();
  }

  @Test
  void shouldParseStoredDecisionAgainAfterCacheIsDropped() {
    // given
    deployDmn(DmnModels.licenceRequirement(suffix), "licence-requirement.dmn");
    String processId = id("Process_DecisionAfterRestart");
    deploy(decide(processId, "licence_requirement_" + suffix, "requirement"));

    // when: every parsed decision is gone, as after a restart
    decisionRepository.clear();
    start(processId, Map.of("controlClassification", "4E091", "countryGroup", "E:1"));

    // then
    assertThat(activateOne(jobType("review")).getVariablesAsMap())
        .containsEntry(
            "requirement",
            Map.of("licenceRequired", true, "reviewPolicy", "PRESUMPTION_OF_DENIAL"));
  }
}
