package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentAndErrorTest extends EngineTestSupport {

  private long openIncident(long processInstanceKey) {
    var created =
        records(processInstanceKey).stream()
            .filter(r -> "INCIDENT".equals(r.get("valueType")) && "CREATED".equals(r.get("intent")))
            .map(r -> ((Number) r.get("key")).longValue())
            .toList();
    var resolved =
        records(processInstanceKey).stream()
            .filter(
                r -> "INCIDENT".equals(r.get("valueType")) && "RESOLVED".equals(r.get("intent")))
            .map(r -> ((Number) r.get("key")).longValue())
            .toList();
    return created.stream().filter(k -> !resolved.contains(k)).findFirst().orElseThrow();
  }

  @Test
  void shouldRaiseIncidentWhenRetriesRunOutAndContinueAfterResolution() {
    // given
    String processId = id("Process_Exhausted");
    deploy(oneTask(processId, "Task_Fragile", jobType("fragile")));
    var instance = start(processId);
    var job = activateOne(jobType("fragile"));
    client
        .newFailCommand(job.getKey())
        .retries(0)
        .errorMessage("registry unreachable")
        .send()
        .join();
    long incident = openIncident(instance.getProcessInstanceKey());

    // when
    assertRejected(
        () -> client.newResolveIncidentCommand(incident).send().join(),
        Status.Code.FAILED_PRECONDITION);
    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident).send().join();
    complete(activateOne(jobType("fragile")), Map.of());

    // then
    assertThat(isCompleted(instance.getProcessInstanceKey(), processId)).isTrue();
  }

  @Test
  void shouldRejectCompletionIfJobIsFailed() {
    // given
    String processId = id("Process_FailedJob");
    deploy(oneTask(processId, "Task_A", jobType("failed")));
    start(processId);
    var job = activateOne(jobType("failed"));
    client.newFailCommand(job.getKey()).retries(0).send().join();

    // when / then
    assertRejected(() -> complete(job, Map.of()), Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void shouldRaiseIncidentForFeelErrorAndContinueAfterSetVariables() {
    // given
    String processId = id("Process_Feel");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .exclusiveGateway("Gateway_Amount")
            .sequenceFlowId("Flow_Big")
            .conditionExpression("= amount > 10")
            .endEvent("End_Big")
            .moveToLastExclusiveGateway()
            .defaultFlow()
            .endEvent("End_Small")
            .done());
    var instance = start(processId, Map.of("amount", "many"));
    long incident = openIncident(instance.getProcessInstanceKey());

    // when
    client
        .newSetVariablesCommand(instance.getProcessInstanceKey())
        .variables(Map.of("amount", 50))
        .send()
        .join();
    client.newResolveIncidentCommand(incident).send().join();

    // then
    assertThat(completedElements(instance.getProcessInstanceKey())).contains("End_Big", processId);
  }

  @Test
  void shouldCatchThrownErrorWithMatchingBoundaryEvent() {
    // given
    String processId = id("Process_Error");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("Task_Screen", t -> t.zeebeJobType(jobType("screen")))
            .boundaryEvent("Error_Sanctioned", b -> b.error("SANCTIONED"))
            .endEvent("End_Refused")
            .moveToActivity("Task_Screen")
            .endEvent("End_Cleared")
            .done());
    var instance = start(processId);

    // when
    client
        .newThrowErrorCommand(activateOne(jobType("screen")).getKey())
        .errorCode("SANCTIONED")
        .errorMessage("party on list")
        .variables(Map.of("list", "EU"))
        .send()
        .join();

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .contains("Error_Sanctioned", "End_Refused", processId)
        .doesNotContain("Task_Screen", "End_Cleared");
  }

  @Test
  void shouldRaiseIncidentForUncaughtError() {
    // given
    String processId = id("Process_Uncaught");
    deploy(oneTask(processId, "Task_A", jobType("uncaught")));
    var instance = start(processId);

    // when
    client
        .newThrowErrorCommand(activateOne(jobType("uncaught")).getKey())
        .errorCode("UNKNOWN")
        .send()
        .join();

    // then
    var incident =
        records(instance.getProcessInstanceKey()).stream()
            .filter(r -> "INCIDENT".equals(r.get("valueType")))
            .findFirst()
            .orElseThrow();
    assertThat(((Map<?, ?>) incident.get("value")).get("errorType"))
        .isEqualTo("UNHANDLED_ERROR_EVENT");
  }

  @Test
  void shouldCatchErrorEndEventOfSubProcessWithCatchAllBoundary() {
    // given
    String processId = id("Process_SubError");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "SubProcess_Review",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .endEvent("End_Reject", e -> e.error("REJECTED")))
            .boundaryEvent("Error_Any", b -> b.error())
            .endEvent("End_Handled")
            .moveToActivity("SubProcess_Review")
            .endEvent("End_Normal")
            .done());

    // when
    var instance = start(processId);

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .contains("End_Handled", processId)
        .doesNotContain("End_Normal");
  }

  @Test
  void shouldCatchErrorInEventSubProcess() {
    // given
    String processId = id("Process_EventSub");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "EventSub_Failure",
                e -> e.startEvent("Start_Failure").error("FATAL").endEvent("End_Failure"))
            .startEvent()
            .serviceTask("Task_A", t -> t.zeebeJobType(jobType("esp")))
            .endEvent("End")
            .done());
    var instance = start(processId);

    // when
    client
        .newThrowErrorCommand(activateOne(jobType("esp")).getKey())
        .errorCode("FATAL")
        .send()
        .join();

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .contains("End_Failure", "EventSub_Failure", processId)
        .doesNotContain("End");
  }
}
