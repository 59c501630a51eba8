package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluatedDecision;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DecisionTest extends EngineTestSupport {

  private DeploymentEvent deployDmn(byte[] dmn, String resourceName) {
    return client.newDeployResourceCommand().addResourceBytes(dmn, resourceName).send().join();
  }

  private String licenceRequirement() {
    return "licence_requirement_" + suffix;
  }

  @Test
  void shouldDeployDecisionRequirementsWithMetadataOfEveryDecision() {
    // when
    var deployment = deployDmn(DmnModels.exportAssessment(suffix), "export-assessment.dmn");

    // then
    assertThat(deployment.getDecisionRequirements())
        .singleElement()
        .satisfies(
            drg -> {
              assertThat(drg.getDmnDecisionRequirementsId())
                  .isEqualTo("Definitions_ExportAssessment_" + suffix);
              assertThat(drg.getDmnDecisionRequirementsName()).isEqualTo("Export assessment");
              assertThat(drg.getVersion()).isEqualTo(1);
              assertThat(drg.getResourceName()).isEqualTo("export-assessment.dmn");
              assertThat(drg.getDecisionRequirementsKey()).isPositive();
            });
    long drgKey = deployment.getDecisionRequirements().get(0).getDecisionRequirementsKey();
    assertThat(deployment.getDecisions())
        .extracting(d -> d.getDmnDecisionId())
        .containsExactly(
            "compute_profile_" + suffix,
            "applicable_controls_" + suffix,
            "export_assessment_" + suffix);
    assertThat(deployment.getDecisions())
        .allSatisfy(
            decision -> {
              assertThat(decision.getVersion()).isEqualTo(1);
              assertThat(decision.getDecisionRequirementsKey()).isEqualTo(drgKey);
              assertThat(decision.getDmnDecisionRequirementsId())
                  .isEqualTo("Definitions_ExportAssessment_" + suffix);
              assertThat(decision.getDecisionKey()).isPositive();
            });
  }

  @Test
  void shouldKeepVersionAndKeyOnIdenticalRedeployAndCountVersionsOnChange() {
    // given
    var first = deployDmn(DmnModels.licenceRequirement(suffix), "licence-requirement.dmn");

    // when
    var identical = deployDmn(DmnModels.licenceRequirement(suffix), "licence-requirement.dmn");
    byte[] changed =
        new String(DmnModels.licenceRequirement(suffix), java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"APPROVE\"", "\"NO_LICENCE_REQUIRED\"")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var second = deployDmn(changed, "licence-requirement.dmn");

    // then
    assertThat(identical.getDecisions().get(0).getDecisionKey())
        .isEqualTo(first.getDecisions().get(0).getDecisionKey());
    assertThat(identical.getDecisions().get(0).getVersion()).isEqualTo(1);
    assertThat(identical.getDecisionRequirements().get(0).getDecisionRequirementsKey())
        .isEqualTo(first.getDecisionRequirements().get(0).getDecisionRequirementsKey());
    assertThat(second.getDecisions().get(0).getVersion()).isEqualTo(2);
    assertThat(second.getDecisionRequirements().get(0).getVersion()).isEqualTo(2);
    assertThat(second.getDecisions().get(0).getDecisionKey())
        .isNotEqualTo(first.getDecisions().get(0).getDecisionKey());
  }

  @Test
  void shouldRejectInvalidDmnNamingResourceAndDecisionAndStoreNothingOfTheDeployment() {
    // given
    String processId = id("Process_WithBadDecision");
    var process =
        Bpmn.createExecutableProcess(processId).startEvent("Start").endEvent("End").done();

    // when / then
    assertRejected(
        () ->
            client
                .newDeployResourceCommand()
                .addProcessModel(process, processId + ".bpmn")
                .addResourceBytes(DmnModels.read("invalid-feel.dmn").getBytes(), "invalid-feel.dmn")
                .send()
                .join(),
        Status.Code.INVALID_ARGUMENT,
        "invalid-feel.dmn",
        "licence_requirement");
    assertRejected(() -> start(processId), Status.Code.NOT_FOUND);
  }

  @Test
  void shouldRejectDeploymentWithTheSameDecisionIdInTwoResources() {
    // when / then
    assertRejected(
        () ->
            client
                .newDeployResourceCommand()
                .addResourceBytes(DmnModels.licenceRequirement(suffix), "a.dmn")
                .addResourceBytes(DmnModels.licenceRequirement(suffix), "b.dmn")
                .send()
                .join(),
        Status.Code.INVALID_ARGUMENT,
        licenceRequirement());
  }

  @Test
  void shouldEvaluateLatestDecisionByIdWithMatchedRulesInputsAndOutputs() {
    // given
    var deployment = deployDmn(DmnModels.licenceRequirement(suffix), "licence-requirement.dmn");

    // when
    var response =
        client
            .newEvaluateDecisionCommand()
            .decisionId(licenceRequirement())
            .variables(Map.of("controlClassification", "4E091", "countryGroup", "D:1"))
            .send()
            .join();

    // then
    assertThat(response.getDecisionId()).isEqualTo(licenceRequirement());
    assertThat(response.getDecisionKey())
        .isEqualTo(deployment.getDecisions().get(0).getDecisionKey());
    assertThat(response.getDecisionVersion()).isEqualTo(1);
    assertThat(response.getDecisionRequirementsId())
        .isEqualTo("Definitions_LicenceRequirement_" + suffix);
    assertThat(response.getDecisionOutput())
        .isEqualTo("{\"licenceRequired\":true,\"reviewPolicy\":\"CASE_BY_CASE\"}");
    assertThat(response.getFailureMessage()).isEmpty();
    EvaluatedDecision evaluated = response.getEvaluatedDecisions().get(0);
    assertThat(evaluated.getDecisionType()).isEqualTo("DECISION_TABLE");
    assertThat(evaluated.getMatchedRules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getRuleId()).isEqualTo("Rule_ModelWeightsToTier2");
              assertThat(rule.getRuleIndex()).isEqualTo(2);
              assertThat(rule.getEvaluatedOutputs())
                  .extracting(o -> o.getOutputName() + "=" + o.getOutputValue())
                  .containsExactly("licenceRequired=true", "reviewPolicy=\"CASE_BY_CASE\"");
            });
    assertThat(evaluated.getEvaluatedInputs())
        .extracting(i -> i.getInputId() + "=" + i.getInputValue())
        .containsExactly("Input_ControlClassification=\"4E091\"", "Input_CountryGroup=\"D:1\"");
  }

  @Test
  void shouldEvaluateDecisionByKeyWithRequiredDecisionsFirst() {
    // given
    var deployment = deployDmn(DmnModels.exportAssessment(suffix), "export-assessment.dmn");
    long assessmentKey =
        deployment.getDecisions().stream()
            .filter(d -> d.getDmnDecisionId().startsWith("export_assessment"))
            .findFirst()
            .orElseThrow()
            .getDecisionKey();

    // when
    var response =
        client
            .newEvaluateDecisionCommand()
            .decisionKey(assessmentKey)
            .variables(
                Map.of("trainingCompute", 1e27, "itemTypes", List.of("MODEL_WEIGHTS", "CHIP")))
            .send()
            .join();

    // then
    assertThat(response.getEvaluatedDecisions())
        .extracting(EvaluatedDecision::getDecisionId)
        .containsExactly(
            "compute_profile_" + suffix,
            "applicable_controls_" + suffix,
            "export_assessment_" + suffix);
    assertThat(response.getEvaluatedDecisions())
        .allSatisfy(d -> assertThat(d.getDecisionKey()).isPositive());
    assertThat(response.getDecisionOutput())
        .isEqualTo("{\"licenceRequired\":true,\"controls\":[\"4E091\",\"3A090\"]}");
  }

  @Test
  void shouldAnswerWithFailureFieldsWhenEvaluationFails() {
    // given
    deployDmn(DmnModels.overlappingUnique(suffix), "overlapping-unique.dmn");

    // when
    var response =
        client
            .newEvaluateDecisionCommand()
            .decisionId("case_route_" + suffix)
            .variables(Map.of("entityListHit", true, "sanctionsHit", true))
            .send()
            .join();

    // then
    assertThat(response.getFailedDecisionId()).isEqualTo("screening_route_" + suffix);
    assertThat(response.getFailureMessage())
        .startsWith(
            "Failed to evaluate decision 'case_route_%s': its required decision 'screening_route_%s' failed"
                .formatted(suffix, suffix));
    assertThat(response.getDecisionOutput()).isEqualTo("null");
    assertThat(response.getEvaluatedDecisions())
        .singleElement()
        .satisfies(failed -> assertThat(failed.getMatchedRules()).hasSize(2));
  }

  @Test
  void shouldRejectEvaluationOfUnknownDecisionWithNotFound() {
    // when / then
    assertRejected(
        () -> client.newEvaluateDecisionCommand().decisionId(id("no_such_decision")).send().join(),
        Status.Code.NOT_FOUND);
    assertRejected(
        () -> client.newEvaluateDecisionCommand().decisionKey(42L).send().join(),
        Status.Code.NOT_FOUND);
  }

  @Test
  void shouldWriteDecisionEvaluationRecord() {
    // given
    deployDmn(DmnModels.licenceRequirement(suffix), "licence-requirement.dmn");

    // when
    var response =
        client
            .newEvaluateDecisionCommand()
            .decisionId(licenceRequirement())
            .variables(Map.of("controlClassification", "3A090", "countryGroup", "A:1"))
            .send()
            .join();

    // then
    List<Map<String, Object>> records =
        RestAssured.given()
            .queryParam("from", 0)
            .queryParam("limit", 10000)
            .get("/records")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertThat(records)
        .filteredOn(r -> "DECISION_EVALUATION".equals(r.get("valueType")))
        .filteredOn(r -> ((Number) r.get("key")).longValue() == response.getDecisionEvaluationKey())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("intent")).isEqualTo("EVALUATED");
              assertThat(((Map<?, ?>) r.get("value")).get("decisionId"))
                  .isEqualTo(licenceRequirement());
            });
  }
}
