package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CallActivityTest extends EngineTestSupport {

  /** The called process: one screening task a worker completes. */
  private BpmnModelInstance screening(String processId) {
    return oneTask(processId, "Task_ScreenParties", jobType("screen"));
  }

  /** Calls the screening process, then hands over to a review task. */
  private BpmnModelInstance caseProcess(String processId, String calledProcessId) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("Start")
        .callActivity("Call_Screening", c -> c.zeebeProcessId(calledProcessId))
        .serviceTask("Task_Review", t -> t.zeebeJobType(jobType("review")))
        .endEvent("End")
        .done();
  }

  private List<Map<String, Object>> childRecords(long parentInstanceKey) {
    return records(childKey(parentInstanceKey));
  }

  /** The key of the instance a parent's call activity started, from the record log. */
  private long childKey(long parentInstanceKey) {
    return recordsOfAll().stream()
        .filter(r -> "PROCESS_INSTANCE".equals(r.get("valueType")))
        .map(r -> (Map<?, ?>) r.get("value"))
        .filter(
            v ->
                v.get("parentProcessInstanceKey") != null
                    && ((Number) v.get("parentProcessInstanceKey")).longValue()
                        == parentInstanceKey)
        .map(v -> ((Number) v.get("processInstanceKey")).longValue())
        .findFirst()
        .orElseThrow();
  }

  private List<Map<String, Object>> recordsOfAll() {
    return io.restassured.RestAssured.given()
        .queryParam("from", 0)
        .queryParam("limit", 10000)
        .get("/records")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  @Test
  void shouldCompleteCallActivityWhenChildCompletesPropagatingAllVariablesBothWays() {
    // given
    String childId = id("Process_PartyScreening");
    String parentId = id("Process_ExportCase");
    deploy(screening(childId));
    deploy(caseProcess(parentId, childId));
    var parent = start(parentId, Map.of("caseId", "C-17"));

    // when
    var screeningJob = activateOne(jobType("screen"));
    complete(screeningJob, Map.of("screeningResult", "CLEAR"));

    // then
    assertThat(screeningJob.getVariablesAsMap()).containsEntry("caseId", "C-17");
    assertThat(screeningJob.getBpmnProcessId()).isEqualTo(childId);
    assertThat(screeningJob.getProcessInstanceKey()).isNotEqualTo(parent.getProcessInstanceKey());
    var review = activateOne(jobType("review"));
    assertThat(review.getVariablesAsMap()).containsEntry("screeningResult", "CLEAR");
    assertThat(completedElements(parent.getProcessInstanceKey())).contains("Call_Screening");
    assertThat(isCompleted(screeningJob.getProcessInstanceKey(), childId)).isTrue();
  }

  @Test
  void shouldPassOnlyMappedVariablesWhenPropagationIsDisabled() {
    // given
    String childId = id("Process_PartyScreening");
    String parentId = id("Process_ExportCase");
    deploy(screening(childId));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent("Start")
            .callActivity(
                "Call_Screening",
                c ->
                    c.zeebeProcessId(childId)
                        .zeebePropagateAllParentVariables(false)
                        .zeebePropagateAllChildVariables(false)
                        .zeebeInputExpression("case.parties", "parties")
                        .zeebeOutputExpression("screeningResult", "partyScreening"))
            .serviceTask("Task_Review", t -> t.zeebeJobType(jobType("review")))
            .endEvent("End")
            .done());
    start(parentId, Map.of("case", Map.of("parties", List.of("Acme")), "secret", "x"));

    // when
    var screeningJob = activateOne(jobType("screen"));
    complete(screeningJob, Map.of("screeningResult", "HIT", "scratch", 1));

    // then
    assertThat(screeningJob.getVariablesAsMap()).containsOnlyKeys("parties");
    var review = activateOne(jobType("review")).getVariablesAsMap();
    assertThat(review).containsEntry("partyScreening", "HIT");
    assertThat(review).doesNotContainKeys("screeningResult", "scratch", "parties");
  }

  @Test
  void shouldCallProcessIdGivenByExpressionInItsLatestVersion() {
    // given
    String childId = id("Process_PartyScreening");
    String parentId = id("Process_ExportCase");
    deploy(oneTask(childId, "Task_Old", jobType("old")));
    deploy(screening(childId));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent("Start")
            .callActivity("Call_Screening", c -> c.zeebeProcessIdExpression("screeningProcess"))
            .endEvent("End")
            .done());

    // when
    var parent = start(parentId, Map.of("screeningProcess", childId));
    complete(activateOne(jobType("screen")), Map.of());

    // then
    assertThat(isCompleted(parent.getProcessInstanceKey(), parentId)).isTrue();
  }

  @Test
  void shouldCancelChildWhenParentIsCancelled() {
    // given
    String childId = id("Process_PartyScreening");
    String parentId = id("Process_ExportCase");
    deploy(screening(childId));
    deploy(caseProcess(parentId, childId));
    var parent = start(parentId);
    var screeningJob = activateOne(jobType("screen"));

    // when
    client.newCancelInstanceCommand(parent.getProcessInstanceKey()).send().join();

    // then
    assertThatThrownBy(() -> complete(screeningJob, Map.of()))
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
    assertThat(records(screeningJob.getProcessInstanceKey()))
        .filteredOn(r -> "ELEMENT_TERMINATED".equals(r.get("intent")))
        .extracting(r -> (Object) ((Map<?, ?>) r.get("value")).get("elementId"))
        .containsExactly("Task_ScreenParties", childId);
  }

  @Test
  void shouldRejectCancellingChildInstanceDirectly() {
    // given
    String childId = id("Process_PartyScreening");
    String parentId = id("Process_ExportCase");
    deploy(screening(childId));
    deploy(caseProcess(parentId, childId));
    start(parentId);
    var screeningJob = activateOne(jobType("screen"));

    // when / then
    assertThatThrownBy(
            () ->
                client.newCancelInstanceCommand(screeningJob.getProcessInstanceKey()).send().join())
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
  }

  @Test
  void shouldPropagateUncaughtChildErrorToBoundaryEventOfCallActivity() {
    // given
    String childId = id("Process_PartyScreening");
    String parentId = id("Process_ExportCase");
    deploy(screening(childId));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent("Start")
            .callActivity("Call_Screening", c -> c.zeebeProcessId(childId))
            .boundaryEvent("Boundary_SanctionsHit", b -> b.error("SANCTIONS_HIT"))
            .serviceTask("Task_Escalate", t -> t.zeebeJobType(jobType("escalate")))
            .endEvent("End_Escalated")
            .moveToActivity("Call_Screening")
            .endEvent("End")
            .done());
    var parent = start(parentId);
    var screeningJob = activateOne(jobType("screen"));

    // when
    client
        .newThrowErrorCommand(screeningJob.getKey())
        .errorCode("SANCTIONS_HIT")
        .variables(Map.of("hitOn", "Acme"))
        .send()
        .join();

    // then
    var escalation = activateOne(jobType("escalate"));
    assertThat(escalation.getProcessInstanceKey()).isEqualTo(parent.getProcessInstanceKey());
    assertThat(records(screeningJob.getProcessInstanceKey()))
        .filteredOn(r -> "ELEMENT_TERMINATED".equals(r.get("intent")))
        .extracting(r -> (Object) ((Map<?, ?>) r.get("value")).get("elementId"))
        .containsExactly("Task_ScreenParties", childId);
    assertThat(records(parent.getProcessInstanceKey()))
        .filteredOn(r -> "ELEMENT_TERMINATED".equals(r.get("intent")))
        .extracting(r -> (Object) ((Map<?, ?>) r.get("value")).get("elementId"))
        .containsExactly("Call_Screening");
  }

  @Test
  void shouldRaiseIncidentForUnknownProcessAndCallItAfterDeploymentAndResolution() {
    // given
    String childId = id("Process_PartyScreening");
    String parentId = id("Process_ExportCase");
    deploy(caseProcess(parentId, childId));
    var parent = start(parentId);
    var incident =
        records(parent.getProcessInstanceKey()).stream()
            .filter(r -> "INCIDENT".equals(r.get("valueType")) && "CREATED".equals(r.get("intent")))
            .findFirst()
            .orElseThrow();
    var value = (Map<?, ?>) incident.get("value");
    assertThat(value.get("errorType")).isEqualTo("CALLED_ELEMENT_ERROR");
    assertThat((String) value.get("errorMessage")).contains(childId);

    // when
    deploy(screening(childId));
    client.newResolveIncidentCommand(((Number) incident.get("key")).longValue()).send().join();
    complete(activateOne(jobType("screen")), Map.of());

    // then
    activateOne(jobType("review"));
    assertThat(completedElements(parent.getProcessInstanceKey())).contains("Call_Screening");
  }

  @Test
  void shouldRecordParentKeysOnChildInstanceRecords() {
    // given
    String childId = id("Process_PartyScreening");
    String parentId = id("Process_ExportCase");
    deploy(screening(childId));
    deploy(caseProcess(parentId, childId));

    // when
    var parent = start(parentId);

    // then
    long callActivityKey =
        records(parent.getProcessInstanceKey()).stream()
            .filter(r -> "ELEMENT_ACTIVATED".equals(r.get("intent")))
            .filter(r -> "Call_Screening".equals(((Map<?, ?>) r.get("value")).get("elementId")))
            .map(r -> ((Number) r.get("key")).longValue())
            .findFirst()
            .orElseThrow();
    assertThat(childRecords(parent.getProcessInstanceKey()))
        .filteredOn(r -> "PROCESS_INSTANCE".equals(r.get("valueType")))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              var v = (Map<?, ?>) r.get("value");
              assertThat(((Number) v.get("parentProcessInstanceKey")).longValue())
                  .isEqualTo(parent.getProcessInstanceKey());
              assertThat(((Number) v.get("parentElementInstanceKey")).longValue())
                  .isEqualTo(callActivityKey);
            });
  }

  @Test
  void shouldRaiseIncidentInChildWhenNeitherChildNorParentCatchesTheError() {
    // given
    String childId = id("Process_PartyScreening");
    String parentId = id("Process_ExportCase");
    deploy(screening(childId));
    deploy(caseProcess(parentId, childId));
    var parent = start(parentId);
    var screeningJob = activateOne(jobType("screen"));

    // when
    client.newThrowErrorCommand(screeningJob.getKey()).errorCode("UNEXPECTED").send().join();

    // then
    assertThat(records(screeningJob.getProcessInstanceKey()))
        .filteredOn(r -> "INCIDENT".equals(r.get("valueType")))
        .singleElement()
        .satisfies(
            r ->
                assertThat(((Map<?, ?>) r.get("value")).get("errorType"))
                    .isEqualTo("UNHANDLED_ERROR_EVENT"));
    assertThat(records(parent.getProcessInstanceKey()))
        .filteredOn(r -> "ELEMENT_TERMINATED".equals(r.get("intent")))
        .isEmpty();
  }

  @Test
  void shouldCallOneChildPerItemOfMultiInstanceCallActivity() {
    // given
    String childId = id("Process_PartyScreening");
    String parentId = id("Process_ExportCase");
    deploy(screening(childId));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent("Start")
            .callActivity("Call_ScreenEachParty", c -> c.zeebeProcessId(childId))
            .multiInstance(
                mi ->
                    mi.parallel()
                        .zeebeInputCollectionExpression("parties")
                        .zeebeInputElement("party")
                        .zeebeOutputCollection("results")
                        .zeebeOutputElementExpression("result"))
            .serviceTask("Task_Review", t -> t.zeebeJobType(jobType("review")))
            .endEvent("End")
            .done());
    start(parentId, Map.of("parties", List.of("Acme", "Globex")));

    // when
    var jobs = activate(jobType("screen"), 10);
    assertThat(jobs)
        .extracting(j -> j.getVariable("party"))
        .containsExactlyInAnyOrder("Acme", "Globex");
    for (var job : jobs) {
      complete(job, Map.of("result", job.getVariable("party") + ":CLEAR"));
    }

    // then
    assertThat(jobs).extracting(j -> j.getProcessInstanceKey()).doesNotHaveDuplicates();
    assertThat(activateOne(jobType("review")).getVariablesAsMap().get("results"))
        .isEqualTo(List.of("Acme:CLEAR", "Globex:CLEAR"));
  }
}
