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
class BoundaryEventTest extends EngineTestSupport {

  @Inject ControlledEngineClock clock;
  @Inject TimerScheduler scheduler;

  private void advance(Duration duration) {
    clock.advance(duration);
    scheduler.fireDueTimers();
  }

  private long count(long processInstanceKey, String elementId) {
    return completedElements(processInstanceKey).stream().filter(elementId::equals).count();
  }

  @Test
  void shouldInterruptTaskAndDeleteItsJobWhenTimerBoundaryFires() {
    // given
    String processId = id("Process_Review");
    String type = jobType("review");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .serviceTask("Task_Review", t -> t.zeebeJobType(type))
            .boundaryEvent(
                "Timer_ReviewOverdue", b -> b.timerWithDuration("P2D").cancelActivity(true))
            .endEvent("End_Escalated")
            .moveToActivity("Task_Review")
            .endEvent("End_Reviewed")
            .done());
    var instance = start(processId);
    var job = activateOne(type);

    // when
    advance(Duration.ofDays(2).plusMinutes(1));

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly("Start", "Timer_ReviewOverdue", "End_Escalated", processId);
    assertThatThrownBy(() -> complete(job, Map.of()))
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void shouldFireNonInterruptingCycleRepeatedlyWhileTaskIsActive() {
    // given
    String processId = id("Process_Reminders");
    String type = jobType("assess");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .serviceTask("Task_Assess", t -> t.zeebeJobType(type))
            .boundaryEvent("Timer_Reminder", b -> b.timerWithCycle("R/PT1H").cancelActivity(false))
            .endEvent("End_Reminded")
            .moveToActivity("Task_Assess")
            .endEvent("End_Assessed")
            .done());
    var instance = start(processId);
    long key = instance.getProcessInstanceKey();

    // when
    for (int i = 0; i < 3; i++) {
      advance(Duration.ofHours(1).plusSeconds(1));
    }
    complete(activateOne(type), Map.of());
    advance(Duration.ofHours(3));

    // then
    assertThat(count(key, "Timer_Reminder")).isEqualTo(3);
    assertThat(count(key, "End_Reminded")).isEqualTo(3);
    assertThat(completedElements(key)).endsWith("Task_Assess", "End_Assessed", processId);
  }

  @Test
  void shouldStopBoundedCycleAfterItsRepetitions() {
    // given
    String processId = id("Process_BoundedReminders");
    String type = jobType("assess");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .serviceTask("Task_Assess", t -> t.zeebeJobType(type))
            .boundaryEvent("Timer_Reminder", b -> b.timerWithCycle("R2/PT1H").cancelActivity(false))
            .endEvent("End_Reminded")
            .moveToActivity("Task_Assess")
            .endEvent("End_Assessed")
            .done());
    var instance = start(processId);

    // when
    for (int i = 0; i < 4; i++) {
      advance(Duration.ofHours(1).plusSeconds(1));
    }

    // then
    assertThat(count(instance.getProcessInstanceKey(), "Timer_Reminder")).isEqualTo(2);
    assertThat(activate(type, 1)).hasSize(1);
  }

  @Test
  void shouldCancelBoundaryTimerWhenTaskCompletes() {
    // given
    String processId = id("Process_Review");
    String type = jobType("review");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .serviceTask("Task_Review", t -> t.zeebeJobType(type))
            .boundaryEvent("Timer_ReviewOverdue", b -> b.timerWithDuration("PT1H"))
            .endEvent("End_Escalated")
            .moveToActivity("Task_Review")
            .endEvent("End_Reviewed")
            .done());
    var instance = start(processId);

    // when
    complete(activateOne(type), Map.of());
    advance(Duration.ofHours(2));

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly("Start", "Task_Review", "End_Reviewed", processId);
    assertThat(
            records(instance.getProcessInstanceKey()).stream()
                .filter(r -> "TIMER".equals(r.get("valueType")))
                .map(r -> r.get("intent")))
        .containsExactly("CREATED", "CANCELED");
  }

  @Test
  void shouldInterruptTaskWhenMessageBoundaryCorrelates() {
    // given
    String processId = id("Process_Screening");
    String type = jobType("screen");
    String message = id("case-withdrawn");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .serviceTask("Task_Screen", t -> t.zeebeJobType(type))
            .boundaryEvent(
                "Event_Withdrawn",
                b -> b.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
            .endEvent("End_Withdrawn")
            .moveToActivity("Task_Screen")
            .endEvent("End_Screened")
            .done());
    var instance = start(processId, Map.of("caseId", "case-21"));
    var job = activateOne(type);

    // when
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("case-21")
        .variables(Map.of("reason", "applicant withdrew"))
        .send()
        .join();

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly("Start", "Event_Withdrawn", "End_Withdrawn", processId);
    assertThat(variable(instance.getProcessInstanceKey(), "reason"))
        .isEqualTo("\"applicant withdrew\"");
    assertThatThrownBy(() -> complete(job, Map.of()))
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void shouldKeepTaskActiveWhenNonInterruptingMessageBoundaryCorrelates() {
    // given
    String processId = id("Process_Screening");
    String type = jobType("screen");
    String message = id("documents-added");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .serviceTask("Task_Screen", t -> t.zeebeJobType(type))
            .boundaryEvent(
                "Event_DocumentsAdded",
                b ->
                    b.cancelActivity(false)
                        .message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
            .endEvent("End_Noted")
            .moveToActivity("Task_Screen")
            .endEvent("End_Screened")
            .done());
    var instance = start(processId, Map.of("caseId", "case-22"));

    // when
    for (int i = 0; i < 2; i++) {
      client
          .newPublishMessageCommand()
          .messageName(message)
          .correlationKey("case-22")
          .send()
          .join();
    }
    complete(activateOne(type), Map.of());

    // then
    assertThat(count(instance.getProcessInstanceKey(), "Event_DocumentsAdded")).isEqualTo(2);
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .endsWith("Task_Screen", "End_Screened", processId);
  }

  @Test
  void shouldInterruptSubProcessAndItsTasksWhenTimerBoundaryFires() {
    // given
    String processId = id("Process_Licensing");
    String type = jobType("draft");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .subProcess(
                "SubProcess_Draft",
                s ->
                    s.embeddedSubProcess()
                        .startEvent("Start_Draft")
                        .serviceTask("Task_Draft", t -> t.zeebeJobType(type))
                        .endEvent("End_Draft"))
            .boundaryEvent("Timer_Deadline", b -> b.timerWithDuration("P5D"))
            .endEvent("End_Expired")
            .moveToActivity("SubProcess_Draft")
            .endEvent("End_Drafted")
            .done());
    var instance = start(processId);
    var job = activateOne(type);

    // when
    advance(Duration.ofDays(5).plusMinutes(1));

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly("Start", "Start_Draft", "Timer_Deadline", "End_Expired", processId);
    assertThatThrownBy(() -> complete(job, Map.of()))
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
  }
}
