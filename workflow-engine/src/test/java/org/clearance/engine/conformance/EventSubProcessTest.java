package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.clearance.engine.timer.ControlledEngineClock;
import org.clearance.engine.timer.TimerScheduler;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventSubProcessTest extends EngineTestSupport {

  @Inject ControlledEngineClock clock;
  @Inject TimerScheduler scheduler;

  @Test
  void shouldInterruptProcessAndDeleteJobsWhenMessageEventSubProcessStarts() {
    // given
    String processId = id("Process_Application");
    String type = jobType("assess");
    String message = id("application-withdrawn");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "SubProcess_Withdrawal",
                s ->
                    s.startEvent("Start_Withdrawn")
                        .interrupting(true)
                        .message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId"))
                        .endEvent("End_Withdrawn"))
            .startEvent("Start")
            .serviceTask("Task_Assess", t -> t.zeebeJobType(type))
            .endEvent("End")
            .done());
    var instance = start(processId, Map.of("caseId", "case-41"));
    var job = activateOne(type);

    // when
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("case-41")
        .variables(Map.of("withdrawnBy", "applicant"))
        .send()
        .join();

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly(
            "Start", "Start_Withdrawn", "End_Withdrawn", "SubProcess_Withdrawal", processId);
    assertThat(variable(instance.getProcessInstanceKey(), "withdrawnBy"))
        .isEqualTo("\"applicant\"");
    assertThatThrownBy(() -> complete(job, Map.of()))
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void shouldRunNonInterruptingTimerEventSubProcessAlongsideTask() {
    // given
    String processId = id("Process_Application");
    String type = jobType("assess");
    String reminderType = jobType("remind");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "SubProcess_Reminder",
                s ->
                    s.startEvent("Start_Reminder")
                        .interrupting(false)
                        .timerWithDuration("P3D")
                        .serviceTask("Task_SendReminder", t -> t.zeebeJobType(reminderType))
                        .endEvent("End_Reminder"))
            .startEvent("Start")
            .serviceTask("Task_Assess", t -> t.zeebeJobType(type))
            .endEvent("End")
            .done());
    var instance = start(processId);

    // when
    clock.advance(Duration.ofDays(3).plusMinutes(1));
    scheduler.fireDueTimers();
    complete(activateOne(type), Map.of());
    boolean completedBeforeReminder = isCompleted(instance.getProcessInstanceKey(), processId);
    complete(activateOne(reminderType), Map.of());

    // then
    assertThat(completedBeforeReminder).isFalse();
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly(
            "Start",
            "Start_Reminder",
            "Task_Assess",
            "End",
            "Task_SendReminder",
            "End_Reminder",
            "SubProcess_Reminder",
            processId);
  }

  @Test
  void shouldTriggerEventSubProcessOfEmbeddedSubProcessOnlyWhileItIsActive() {
    // given
    String processId = id("Process_Nested");
    String type = jobType("check");
    String message = id("check-cancelled");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .subProcess(
                "SubProcess_Checks",
                s ->
                    s.embeddedSubProcess()
                        .eventSubProcess(
                            "SubProcess_CancelCheck",
                            e ->
                                e.startEvent("Start_CancelCheck")
                                    .message(
                                        m ->
                                            m.name(message).zeebeCorrelationKeyExpression("caseId"))
                                    .endEvent("End_CancelCheck"))
                        .startEvent("Start_Checks")
                        .serviceTask("Task_Check", t -> t.zeebeJobType(type))
                        .endEvent("End_Checks"))
            .endEvent("End")
            .done());
    var instance = start(processId, Map.of("caseId", "case-42"));

    // when
    client.newPublishMessageCommand().messageName(message).correlationKey("case-42").send().join();

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly(
            "Start",
            "Start_Checks",
            "Start_CancelCheck",
            "End_CancelCheck",
            "SubProcess_CancelCheck",
            "SubProcess_Checks",
            "End",
            processId);
    assertThat(activateNow(type)).isEmpty();
  }

  @Test
  void shouldRejectCreatingInstanceOfProcessWithoutNoneStartEvent() {
    // given
    String processId = id("Process_MessageOnly");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start_Message")
            .message(id("only-by-message"))
            .endEvent("End")
            .done());

    // when / then
    assertThatThrownBy(() -> start(processId))
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
  }

  @Test
  void shouldKeepBoundaryTimerOfSubProcessWhenItsInterruptingEventSubProcessStarts() {
    // given
    String processId = id("Process_Nested");
    String type = jobType("handle-cancel");
    String message = id("check-cancelled");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .subProcess(
                "SubProcess_Checks",
                s ->
                    s.embeddedSubProcess()
                        .eventSubProcess(
                            "SubProcess_CancelCheck",
                            e ->
                                e.startEvent("Start_CancelCheck")
                                    .message(
                                        m ->
                                            m.name(message).zeebeCorrelationKeyExpression("caseId"))
                                    .serviceTask("Task_HandleCancel", t -> t.zeebeJobType(type))
                                    .endEvent("End_CancelCheck"))
                        .startEvent("Start_Checks")
                        .serviceTask("Task_Check", t -> t.zeebeJobType(jobType("check")))
                        .endEvent("End_Checks"))
            .boundaryEvent("Timer_ChecksOverdue", b -> b.timerWithDuration("P1D"))
            .endEvent("End_Overdue")
            .moveToActivity("SubProcess_Checks")
            .endEvent("End")
            .done());
    var instance = start(processId, Map.of("caseId", "case-43"));
    client.newPublishMessageCommand().messageName(message).correlationKey("case-43").send().join();

    // when
    clock.advance(Duration.ofDays(1).plusMinutes(1));
    scheduler.fireDueTimers();

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly(
            "Start",
            "Start_Checks",
            "Start_CancelCheck",
            "Timer_ChecksOverdue",
            "End_Overdue",
            processId);
    assertThat(activateNow(type)).isEmpty();
  }
}
