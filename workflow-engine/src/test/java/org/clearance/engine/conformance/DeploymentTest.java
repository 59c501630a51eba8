package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeploymentTest extends EngineTestSupport {

  @Test
  void shouldDeployProcessAsVersionOne() {
    // given
    var model = oneTask(id("Process_Screening"), "Task_Screen", jobType("screen"));

    // when
    var deployment =
        client.newDeployResourceCommand().addProcessModel(model, "screening.bpmn").send().join();

    // then
    assertThat(deployment.getKey()).isPositive();
    assertThat(deployment.getProcesses())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getBpmnProcessId()).isEqualTo(id("Process_Screening"));
              assertThat(p.getVersion()).isEqualTo(1);
              assertThat(p.getResourceName()).isEqualTo("screening.bpmn");
              assertThat(p.getProcessDefinitionKey()).isPositive();
            });
  }

  @Test
  void shouldKeepVersionAndKeyOnIdenticalRedeploy() {
    // given
    var model = oneTask(id("Process_Same"), "Task_A", jobType("a"));
    var first = client.newDeployResourceCommand().addProcessModel(model, "same.bpmn").send().join();

    // when
    var second =
        client.newDeployResourceCommand().addProcessModel(model, "same.bpmn").send().join();

    // then
    assertThat(second.getProcesses().get(0).getVersion()).isEqualTo(1);
    assertThat(second.getProcesses().get(0).getProcessDefinitionKey())
        .isEqualTo(first.getProcesses().get(0).getProcessDefinitionKey());
  }

  @Test
  void shouldCreateNewVersionWhenModelChanges() {
    // given
    client
        .newDeployResourceCommand()
        .addProcessModel(oneTask(id("Process_Change"), "Task_A", jobType("a")), "p.bpmn")
        .send()
        .join();

    // when
    var second =
        client
            .newDeployResourceCommand()
            .addProcessModel(oneTask(id("Process_Change"), "Task_B", jobType("b")), "p.bpmn")
            .send()
            .join();

    // then
    assertThat(second.getProcesses().get(0).getVersion()).isEqualTo(2);
  }

  @Test
  void shouldRejectServiceTaskWithoutJobTypeNamingTheElement() {
    // given
    var model =
        Bpmn.createExecutableProcess(id("Process_NoType"))
            .startEvent()
            .serviceTask("Task_Missing")
            .endEvent()
            .done();

    // when / then
    assertRejected(
        () -> client.newDeployResourceCommand().addProcessModel(model, "bad.bpmn").send().join(),
        Status.Code.INVALID_ARGUMENT,
        "Task_Missing",
        "zeebe:taskDefinition");
  }

  @Test
  void shouldRejectUnsupportedElementNamingIt() {
    // given
    var model =
        Bpmn.createExecutableProcess(id("Process_Link"))
            .startEvent()
            .intermediateThrowEvent("Link_ToReview", t -> t.link("review"))
            .done();

    // when / then
    assertRejected(
        () -> client.newDeployResourceCommand().addProcessModel(model, "link.bpmn").send().join(),
        Status.Code.INVALID_ARGUMENT,
        "Link_ToReview",
        "link");
  }

  @Test
  void shouldStoreNothingOfADeploymentWithOneInvalidResource() {
    // given
    var valid = oneTask(id("Process_Valid"), "Task_A", jobType("a"));
    var invalid =
        Bpmn.createExecutableProcess(id("Process_Invalid"))
            .startEvent()
            .serviceTask("Task_X")
            .done();

    // when
    assertThatThrownBy(
            () ->
                client
                    .newDeployResourceCommand()
                    .addProcessModel(valid, "valid.bpmn")
                    .addProcessModel(invalid, "invalid.bpmn")
                    .send()
                    .join())
        .isInstanceOf(io.camunda.client.api.command.ClientException.class);

    // then
    assertRejected(() -> start(id("Process_Valid")), Status.Code.NOT_FOUND);
  }

  @Test
  void shouldRejectBrokenXml() {
    // when / then
    assertRejected(
        () ->
            client
                .newDeployResourceCommand()
                .addResourceString("<definitions><process", StandardCharsets.UTF_8, "broken.bpmn")
                .send()
                .join(),
        Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void shouldRejectUnknownResourceType() {
    // when / then
    assertRejected(
        () ->
            client
                .newDeployResourceCommand()
                .addResourceString("{}", StandardCharsets.UTF_8, "form.json")
                .send()
                .join(),
        Status.Code.INVALID_ARGUMENT,
        "form.json");
  }
}
