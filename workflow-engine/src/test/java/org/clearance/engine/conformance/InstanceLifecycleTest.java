package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InstanceLifecycleTest extends EngineTestSupport {

  @Test
  void shouldRunServiceTaskInstanceToCompletion() {
    // given
    String processId = id("Process_Licence");
    deploy(oneTask(processId, "Task_Check", jobType("check")));
    var instance = start(processId, Map.of("applicant", "Acme"));

    // when
    var job = activateOne(jobType("check"));
    complete(job, Map.of("cleared", true));

    // then
    assertThat(job.getVariablesAsMap()).containsEntry("applicant", "Acme");
    assertThat(job.getElementId()).isEqualTo("Task_Check");
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey());
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly("Start", "Task_Check", "End", processId);
  }

  @Test
  void shouldStartByProcessDefinitionKeyAndByVersion() {
    // given
    String processId = id("Process_Versions");
    long v1 = deploy(oneTask(processId, "Task_A", jobType("a")));
    deploy(oneTask(processId, "Task_B", jobType("b")));

    // when
    var byKey = client.newCreateInstanceCommand().processDefinitionKey(v1).send().join();
    var byVersion =
        client.newCreateInstanceCommand().bpmnProcessId(processId).version(1).send().join();
    var latest = start(processId);

    // then
    assertThat(byKey.getVersion()).isEqualTo(1);
    assertThat(byVersion.getProcessDefinitionKey()).isEqualTo(v1);
    assertThat(latest.getVersion()).isEqualTo(2);
  }

  @Test
  void shouldRejectCreationOfUnknownProcess() {
    assertRejected(() -> start(id("Process_Unknown")), Status.Code.NOT_FOUND);
  }

  @Test
  void shouldRejectCreationWithVariablesThatAreNotAnObject() {
    // given
    String processId = id("Process_Vars");
    deploy(oneTask(processId, "Task_A", jobType("a")));

    // when / then
    if (overRest()) {
      // over REST the client itself refuses such variables; the engine must refuse them too
      io.restassured.RestAssured.given()
          .contentType(io.restassured.http.ContentType.JSON)
          .body("{\"processDefinitionId\": \"%s\", \"variables\": [1, 2]}".formatted(processId))
          .post("/v2/process-instances")
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
      return;
    }
    assertRejected(
        () ->
            client
                .newCreateInstanceCommand()
                .bpmnProcessId(processId)
                .latestVersion()
                .variables("[1,2]")
                .send()
                .join(),
        Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void shouldReturnResultOfInstanceThatCompletesAfterAJob() throws Exception {
    // given
    String processId = id("Process_WithResult");
    deploy(oneTask(processId, "Task_Decide", jobType("decide")));

    // when
    var future =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(Map.of("caseId", 7))
            .withResult()
            .requestTimeout(Duration.ofSeconds(10))
            .send();
    complete(activateOne(jobType("decide")), Map.of("approved", true));

    // then
    var result = future.join();
    assertThat(result.getVariablesAsMap())
        .containsEntry("caseId", 7)
        .containsEntry("approved", true);
  }

  @Test
  void shouldReturnOnlyFetchedVariablesOfInstanceThatCompletesAtOnce() {
    // given
    String processId = id("Process_Immediate");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().endEvent().done());

    // when
    var result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(Map.of("a", 1, "b", 2))
            .withResult()
            .fetchVariables("a")
            .send()
            .join();

    // then
    assertThat(result.getVariablesAsMap()).containsExactly(Map.entry("a", 1));
  }

  @Test
  void shouldAnswerDeadlineExceededWhenInstanceDoesNotCompleteInTime() {
    // given
    String processId = id("Process_Slow");
    deploy(oneTask(processId, "Task_Never", jobType("never")));

    // when / then
    assertThatThrownBy(
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId(processId)
                    .latestVersion()
                    .withResult()
                    .requestTimeout(Duration.ofMillis(300))
                    .send()
                    .join())
        .isInstanceOf(io.camunda.client.api.command.ClientException.class);
  }

  @Test
  void shouldCancelInstanceAndItsJobs() {
    // given
    String processId = id("Process_Cancel");
    deploy(oneTask(processId, "Task_A", jobType("cancel")));
    var instance = start(processId);

    // when
    client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();

    // then
    assertThat(
            client
                .newActivateJobsCommand()
                .jobType(jobType("cancel"))
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(100))
                .send()
                .join()
                .getJobs())
        .isEmpty();
    assertRejected(
        () -> client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join(),
        Status.Code.NOT_FOUND);
  }

  @Test
  void shouldPassThroughManualAndUndefinedTasksAndThrowEvents() {
    // given
    String processId = id("Process_PassThrough");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .manualTask("Task_Manual")
            .task("Task_Undefined")
            .intermediateThrowEvent("Event_Milestone")
            .endEvent("End")
            .done());

    // when
    var instance = start(processId);

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly(
            "Start", "Task_Manual", "Task_Undefined", "Event_Milestone", "End", processId);
  }
}
