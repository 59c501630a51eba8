package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MessageStartEventTest extends EngineTestSupport {

  private BpmnModelInstance applicationProcess(String processId, String message, String type) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("Start_ApplicationReceived")
        .message(message)
        .serviceTask("Task_Register", t -> t.zeebeJobType(type))
        .endEvent("End")
        .done();
  }

  /** Keys of the instances of a process, in creation order. */
  private List<Long> instancesOf(String processId) {
    return allRecords().stream()
        .filter(
            r ->
                "PROCESS_INSTANCE".equals(r.get("valueType"))
                    && "ELEMENT_ACTIVATED".equals(r.get("intent"))
                    && processId.equals(((Map<?, ?>) r.get("value")).get("elementId")))
        .map(r -> ((Number) r.get("key")).longValue())
        .toList();
  }

  @Test
  void shouldStartInstanceOfLatestVersionWithMessageVariables() {
    // given
    String processId = id("Process_Application");
    String message = id("application-received");
    String type = jobType("register");
    deploy(applicationProcess(processId, message, type));
    long latest =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent("Start_ApplicationReceived")
                .message(message)
                .serviceTask("Task_Register", t -> t.zeebeJobType(type))
                .endEvent("End_Registered")
                .done());

    // when
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("")
        .variables(Map.of("applicant", "ACME Ltd"))
        .send()
        .join();

    // then
    var job = activateOne(type);
    assertThat(job.getProcessDefinitionKey()).isEqualTo(latest);
    assertThat(job.getVariablesAsMap()).containsEntry("applicant", "ACME Ltd");
  }

  @Test
  void shouldStartInstanceForEveryMessageWithoutCorrelationKey() {
    // given
    String processId = id("Process_Application");
    String message = id("application-received");
    deploy(applicationProcess(processId, message, jobType("register")));

    // when
    for (int i = 0; i < 3; i++) {
      client.newPublishMessageCommand().messageName(message).correlationKey("").send().join();
    }

    // then
    assertThat(instancesOf(processId)).hasSize(3);
  }

  @Test
  void shouldStartOnlyOneActiveInstancePerCorrelationKeyAndNextOneWhenItEnds() {
    // given
    String processId = id("Process_Application");
    String message = id("application-received");
    String type = jobType("register");
    deploy(applicationProcess(processId, message, type));
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("applicant-1")
        .variables(Map.of("attempt", 1))
        .send()
        .join();

    // when
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("applicant-1")
        .timeToLive(Duration.ofHours(1))
        .variables(Map.of("attempt", 2))
        .send()
        .join();
    int whileFirstActive = instancesOf(processId).size();
    var first = activateOne(type);
    complete(first, Map.of());

    // then
    assertThat(whileFirstActive).isEqualTo(1);
    assertThat(first.getVariablesAsMap()).containsEntry("attempt", 1);
    assertThat(instancesOf(processId)).hasSize(2);
    assertThat(activateOne(type).getVariablesAsMap()).containsEntry("attempt", 2);
  }

  @Test
  void shouldNotStartInstanceOfVersionWithoutMessageStartEvent() {
    // given
    String processId = id("Process_Application");
    String message = id("application-received");
    deploy(applicationProcess(processId, message, jobType("register")));
    deploy(Bpmn.createExecutableProcess(processId).startEvent("Start").endEvent("End").done());

    // when
    client.newPublishMessageCommand().messageName(message).correlationKey("").send().join();

    // then
    assertThat(instancesOf(processId)).isEmpty();
  }
}
