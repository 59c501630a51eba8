package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.clearance.engine.timer.ControlledEngineClock;
import org.clearance.engine.timer.TimerScheduler;
import org.junit.jupiter.api.Test;

/**
 * Error event sub-processes next to timer and message event sub-processes. An error event
 * sub-process is interrupting: once it is triggered, no other event sub-process of its scope can
 * start (as with an interrupting timer or message event sub-process).
 */
@QuarkusTest
class ErrorEventSubProcessInteractionTest extends EngineTestSupport {

  @Inject ControlledEngineClock clock;
  @Inject TimerScheduler scheduler;

  private void advance(Duration duration) {
    clock.advance(duration);
    scheduler.fireDueTimers();
  }

  /** Error and timer event sub-processes around whatever the main flow does. */
  private ProcessBuilder withEventSubProcesses(String processId, String message) {
    String handleType = jobType("handle-rejection");
    return Bpmn.createExecutableProcess(processId)
        .eventSubProcess(
            "SubProcess_Rejected",
            s ->
                s.startEvent("Start_Rejected")
                    .error("REJECTED")
                    .serviceTask("Task_HandleRejection", t -> t.zeebeJobType(handleType))
                    .endEvent("End_Rejected"))
        .eventSubProcess(
            "SubProcess_Expired",
            s ->
                s.startEvent("Start_Expired")
                    .interrupting(true)
                    .timerWithDuration("P1D")
                    .endEvent("End_Expired"))
        .eventSubProcess(
            "SubProcess_Withdrawn",
            s ->
                s.startEvent("Start_Withdrawn")
                    .interrupting(true)
                    .message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId"))
                    .endEvent("End_Withdrawn"));
  }

  @Test
  void shouldCloseOtherEventSubProcessesOfScopeWhenErrorEventSubProcessIsTriggered() {
    // given
    String processId = id("Process_Application");
    String message = id("withdrawn");
    String assessType = jobType("assess");
    deploy(
        withEventSubProcesses(processId, message)
            .startEvent("Start")
            .serviceTask("Task_Assess", t -> t.zeebeJobType(assessType))
            .endEvent("End")
            .done());
    long key = start(processId, Map.of("caseId", "case-7")).getProcessInstanceKey();
    var assess = activateOne(assessType);

    // when
    client.newThrowErrorCommand(assess.getKey()).errorCode("REJECTED").send().join();
    advance(Duration.ofDays(1).plusMinutes(1));
    client.newPublishMessageCommand().messageName(message).correlationKey("case-7").send().join();

    // then
    assertThat(rowsOf("timer", key)).isZero();
    assertThat(rowsOf("message_subscription", key)).isZero();
    assertThat(records(key, "TIMER", "TRIGGERED", "Start_Expired")).isEmpty();
    var handle = activateOne(jobType("handle-rejection"));
    complete(handle, Map.of());
    assertThat(completedElements(key))
        .endsWith("Task_HandleRejection", "End_Rejected", "SubProcess_Rejected", processId)
        .doesNotContain("Start_Expired", "Start_Withdrawn");
  }

  @Test
  void
      shouldCancelChildAndCloseParentEventSubProcessesWhenChildErrorIsCaughtByParentEventSubProcess() {
    // given
    String childId = id("Process_Assessment");
    String parentId = id("Process_Application");
    String message = id("withdrawn");
    String assessType = jobType("assess");
    deploy(oneTask(childId, "Task_Assess", assessType));
    deploy(
        withEventSubProcesses(parentId, message)
            .startEvent("Start")
            .callActivity("Call_Assessment", c -> c.zeebeProcessId(childId))
            .endEvent("End")
            .done());
    long parentKey = start(parentId, Map.of("caseId", "case-8")).getProcessInstanceKey();
    var assess = activateOne(assessType);
    long childKey = assess.getProcessInstanceKey();

    // when
    client.newThrowErrorCommand(assess.getKey()).errorCode("REJECTED").send().join();

    // then
    var handle = activateOne(jobType("handle-rejection"));
    assertThat(handle.getProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(rowsOf("process_instance", childKey)).isZero();
    assertThat(rowsOf("timer", parentKey)).isZero();
    assertThat(rowsOf("message_subscription", parentKey)).isZero();
    assertThatThrownBy(() -> complete(assess, Map.of()))
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
    assertThat(records(parentKey, "PROCESS_INSTANCE", "ELEMENT_TERMINATED", "Call_Assessment"))
        .hasSize(1);
  }
}
