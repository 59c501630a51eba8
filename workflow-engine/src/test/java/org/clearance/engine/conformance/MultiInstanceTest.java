package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MultiInstanceTest extends EngineTestSupport {

  /** Screens every party of a case, then hands the collected results to a summary worker. */
  private BpmnModelInstance screenParties(String processId, boolean sequential, String condition) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("Start")
        .serviceTask("Task_ScreenParty", t -> t.zeebeJobType(jobType("screen")))
        .multiInstance(
            mi -> {
              if (sequential) {
                mi.sequential();
              } else {
                mi.parallel();
              }
              mi.zeebeInputCollectionExpression("parties")
                  .zeebeInputElement("party")
                  .zeebeOutputCollection("screenings")
                  .zeebeOutputElementExpression("{party: party, hit: hit}");
              if (condition != null) {
                mi.completionCondition(condition);
              }
            })
        .serviceTask("Task_Summarise", t -> t.zeebeJobType(jobType("summarise")))
        .endEvent("End")
        .done();
  }

  private List<ActivatedJob> screeningJobs(int expected) {
    var jobs = activate(jobType("screen"), 10);
    assertThat(jobs).hasSize(expected);
    return jobs.stream()
        .sorted(Comparator.comparingInt(j -> ((Number) j.getVariable("loopCounter")).intValue()))
        .toList();
  }

  @Test
  void shouldCreateOneInstancePerItemInParallelAndCollectOutputsInItemOrder() {
    // given
    String processId = id("Process_ParallelScreening");
    deploy(screenParties(processId, false, null));
    start(processId, Map.of("parties", List.of("Acme", "Globex", "Initech")));

    // when
    var jobs = screeningJobs(3);
    assertThat(jobs)
        .extracting(j -> j.getVariable("party") + "#" + j.getVariable("loopCounter"))
        .containsExactly("Acme#1", "Globex#2", "Initech#3");
    complete(jobs.get(2), Map.of("hit", true));
    complete(jobs.get(0), Map.of("hit", false));
    complete(jobs.get(1), Map.of("hit", false));

    // then
    var summary = activateOne(jobType("summarise"));
    assertThat(summary.getVariablesAsMap().get("screenings"))
        .isEqualTo(
            List.of(
                Map.of("party", "Acme", "hit", false),
                Map.of("party", "Globex", "hit", false),
                Map.of("party", "Initech", "hit", true)));
    assertThat(summary.getVariablesAsMap()).doesNotContainKeys("party", "loopCounter");
  }

  @Test
  void shouldRunSequentialInstancesOneAfterAnother() {
    // given
    String processId = id("Process_SequentialScreening");
    deploy(screenParties(processId, true, null));
    start(processId, Map.of("parties", List.of("Acme", "Globex")));

    // when
    var first = screeningJobs(1).get(0);
    assertThat(
            client
                .newActivateJobsCommand()
                .jobType(jobType("screen"))
                .maxJobsToActivate(10)
                .requestTimeout(java.time.Duration.ofMillis(300))
                .send()
                .join()
                .getJobs())
        .isEmpty();
    complete(first, Map.of("hit", false));
    var second = screeningJobs(1).get(0);
    complete(second, Map.of("hit", true));

    // then
    assertThat(first.getVariable("party")).isEqualTo("Acme");
    assertThat(second.getVariable("party")).isEqualTo("Globex");
    assertThat(second.getVariable("loopCounter")).isEqualTo(2);
    assertThat(activateOne(jobType("summarise")).getVariablesAsMap().get("screenings"))
        .isEqualTo(
            List.of(Map.of("party", "Acme", "hit", false), Map.of("party", "Globex", "hit", true)));
  }

  @Test
  void shouldCompleteAtOnceForEmptyCollection() {
    // given
    String processId = id("Process_NoParties");
    deploy(screenParties(processId, false, null));

    // when
    var instance = start(processId, Map.of("parties", List.of()));

    // then
    assertThat(activateOne(jobType("summarise")).getVariablesAsMap())
        .containsEntry("screenings", List.of());
    assertThat(completedElements(instance.getProcessInstanceKey())).contains("Task_ScreenParty");
  }

  @Test
  void shouldRaiseIncidentForNonListInputCollectionAndContinueAfterResolution() {
    // given
    String processId = id("Process_BadParties");
    deploy(screenParties(processId, false, null));
    var instance = start(processId, Map.of("parties", "Acme"));
    var incident =
        records(instance.getProcessInstanceKey()).stream()
            .filter(r -> "INCIDENT".equals(r.get("valueType")) && "CREATED".equals(r.get("intent")))
            .findFirst()
            .orElseThrow();
    var value = (Map<?, ?>) incident.get("value");
    assertThat(value.get("errorType")).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat((String) value.get("errorMessage")).contains("'ARRAY'").contains("'STRING'");

    // when
    client
        .newSetVariablesCommand(instance.getProcessInstanceKey())
        .variables(Map.of("parties", List.of("Acme")))
        .send()
        .join();
    client.newResolveIncidentCommand(((Number) incident.get("key")).longValue()).send().join();

    // then
    complete(screeningJobs(1).get(0), Map.of("hit", false));
    assertThat(activateOne(jobType("summarise")).getVariablesAsMap().get("screenings"))
        .isEqualTo(List.of(Map.of("party", "Acme", "hit", false)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldTerminateRemainingInstancesWhenCompletionConditionHolds() {
    // given
    String processId = id("Process_FirstHitWins");
    deploy(
        screenParties(
            processId, false, "= hit or numberOfCompletedInstances >= numberOfInstances"));
    var instance = start(processId, Map.of("parties", List.of("Acme", "Globex", "Initech")));
    var jobs = screeningJobs(3);

    // when
    complete(jobs.get(1), Map.of("hit", true));

    // then
    var summary = activateOne(jobType("summarise"));
    var screenings = (List<Object>) summary.getVariablesAsMap().get("screenings");
    assertThat(screenings)
        .isEqualTo(java.util.Arrays.asList(null, Map.of("party", "Globex", "hit", true), null));
    assertThatThrownBy(() -> complete(jobs.get(0), Map.of("hit", false)))
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
    assertThat(records(instance.getProcessInstanceKey()))
        .filteredOn(r -> "ELEMENT_TERMINATED".equals(r.get("intent")))
        .extracting(r -> (Object) ((Map<?, ?>) r.get("value")).get("elementId"))
        .containsExactly("Task_ScreenParty", "Task_ScreenParty");
  }

  @Test
  void shouldRunEmbeddedSubProcessPerItemKeepingInputAndOutputElementLocal() {
    // given
    String processId = id("Process_ReviewEachItem");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .subProcess(
                "SubProcess_ReviewItem",
                s ->
                    s.multiInstance(
                            mi ->
                                mi.parallel()
                                    .zeebeInputCollectionExpression("items")
                                    .zeebeInputElement("item")
                                    .zeebeOutputCollection("classifications")
                                    .zeebeOutputElementExpression("classification"))
                        .embeddedSubProcess()
                        .startEvent("Start_ReviewItem")
                        .serviceTask(
                            "Task_ClassifyItem",
                            t ->
                                t.zeebeJobType(jobType("classify"))
                                    .zeebeInputExpression("item.sku", "sku")
                                    .zeebeOutputExpression("eccn", "classification"))
                        .endEvent("End_ReviewItem"))
            .serviceTask("Task_Summarise", t -> t.zeebeJobType(jobType("summarise")))
            .endEvent("End")
            .done());
    start(processId, Map.of("items", List.of(Map.of("sku", "GPU-1"), Map.of("sku", "W-7"))));

    // when
    var jobs = activate(jobType("classify"), 10);
    assertThat(jobs)
        .extracting(j -> j.getVariable("sku"))
        .containsExactlyInAnyOrder("GPU-1", "W-7");
    for (ActivatedJob job : jobs) {
      complete(job, Map.of("eccn", job.getVariable("sku").equals("GPU-1") ? "3A090" : "EAR99"));
    }

    // then
    var summary = activateOne(jobType("summarise")).getVariablesAsMap();
    assertThat(summary.get("classifications")).isEqualTo(List.of("3A090", "EAR99"));
    assertThat(summary).doesNotContainKeys("item", "sku", "classification");
  }

  @Test
  void shouldTerminateAllInnerInstancesWhenBoundaryEventOnBodyIsTriggered() {
    // given
    String processId = id("Process_ScreeningAborted");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .serviceTask("Task_ScreenParty", t -> t.zeebeJobType(jobType("screen")))
            .multiInstance(mi -> mi.parallel().zeebeInputCollectionExpression("parties"))
            .boundaryEvent("Boundary_SanctionsHit", b -> b.error("SANCTIONS_HIT"))
            .serviceTask("Task_Escalate", t -> t.zeebeJobType(jobType("escalate")))
            .endEvent("End_Escalated")
            .moveToActivity("Task_ScreenParty")
            .endEvent("End")
            .done());
    var instance = start(processId, Map.of("parties", List.of("Acme", "Globex", "Initech")));
    var jobs = activate(jobType("screen"), 10);
    assertThat(jobs).hasSize(3);

    // when
    client.newThrowErrorCommand(jobs.get(0).getKey()).errorCode("SANCTIONS_HIT").send().join();

    // then
    activateOne(jobType("escalate"));
    assertThatThrownBy(() -> complete(jobs.get(1), Map.of()))
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
    var terminated =
        records(instance.getProcessInstanceKey()).stream()
            .filter(r -> "ELEMENT_TERMINATED".equals(r.get("intent")))
            .map(r -> (Map<?, ?>) r.get("value"))
            .toList();
    assertThat(terminated)
        .extracting(v -> (Object) v.get("bpmnElementType"))
        .containsExactly("JOB_TASK", "JOB_TASK", "JOB_TASK", "MULTI_INSTANCE_BODY");
  }
}
