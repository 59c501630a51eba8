package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.clearance.engine.timer.ControlledEngineClock;
import org.clearance.engine.timer.TimerScheduler;
import org.junit.jupiter.api.Test;

/**
 * Messages and timers where they meet call activities: events in the child reach the parent when
 * the child completes, events in the parent reach the child when they cancel it, and nothing of
 * either is left behind when the root is cancelled.
 */
@QuarkusTest
class CallActivityEventTest extends EngineTestSupport {

  @Inject ControlledEngineClock clock;
  @Inject TimerScheduler scheduler;

  private void advance(Duration duration) {
    clock.advance(duration);
    scheduler.fireDueTimers();
  }

  private void publish(String name, String correlationKey, Duration ttl, Map<String, Object> vars) {
    client
        .newPublishMessageCommand()
        .messageName(name)
        .correlationKey(correlationKey)
        .timeToLive(ttl)
        .variables(vars)
        .send()
        .join();
  }

  private static void assertNotFound(Runnable command) {
    assertThatThrownBy(command::run)
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  /** A parent that calls the child and then waits in a review task. */
  private BpmnModelInstance parent(String parentId, String childId) {
    return Bpmn.createExecutableProcess(parentId)
        .startEvent("Start")
        .callActivity("Call_Child", c -> c.zeebeProcessId(childId))
        .serviceTask("Task_Review", t -> t.zeebeJobType(jobType("review")))
        .endEvent("End")
        .done();
  }

  private long childOf(long parentKey) {
    return records(parentKey).stream()
        .filter(r -> "PROCESS_INSTANCE".equals(r.get("valueType")))
        .map(r -> (Map<?, ?>) r.get("value"))
        .filter(v -> v.get("parentProcessInstanceKey") != null)
        .map(v -> ((Number) v.get("processInstanceKey")).longValue())
        .findFirst()
        .orElseGet(
            () ->
                allRecords().stream()
                    .map(r -> (Map<?, ?>) r.get("value"))
                    .filter(
                        v ->
                            v != null
                                && v.get("parentProcessInstanceKey") instanceof Number n
                                && n.longValue() == parentKey)
                    .map(v -> ((Number) v.get("processInstanceKey")).longValue())
                    .findFirst()
                    .orElseThrow());
  }

  @Test
  void shouldMoveParentOnWhenChildCompletesAfterItsTimerFires() {
    // given
    String childId = id("Process_CoolingOff");
    String parentId = id("Process_Case");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent("Start_Child")
            .intermediateCatchEvent("Timer_CoolingOff", e -> e.timerWithDuration("P3D"))
            .endEvent("End_Child")
            .done());
    deploy(parent(parentId, childId));
    long parentKey = start(parentId, Map.of("caseId", "case-1")).getProcessInstanceKey();
    long childKey = childOf(parentKey);
    assertThat(rowsOf("timer", childKey)).isEqualTo(1);

    // when
    advance(Duration.ofDays(3).plusMinutes(1));

    // then
    assertThat(isCompleted(childKey, childId)).isTrue();
    assertThat(completedElements(parentKey)).contains("Call_Child");
    var review = activateOne(jobType("review"));
    assertThat(review.getProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(rowsOf("process_instance", childKey)).isZero();
  }

  @Test
  void shouldInterruptChildTaskAndCompleteParentCallWhenMessageBoundaryInChildCorrelates() {
    // given
    String childId = id("Process_Assessment");
    String parentId = id("Process_Case");
    String message = id("case-withdrawn");
    String assessType = jobType("assess");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent("Start_Child")
            .serviceTask("Task_Assess", t -> t.zeebeJobType(assessType))
            .boundaryEvent(
                "Boundary_Withdrawn",
                b -> b.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
            .endEvent("End_Withdrawn")
            .moveToActivity("Task_Assess")
            .endEvent("End_Assessed")
            .done());
    deploy(parent(parentId, childId));
    long parentKey = start(parentId, Map.of("caseId", "case-2")).getProcessInstanceKey();
    var assess = activateOne(assessType);

    // when
    publish(message, "case-2", Duration.ZERO, Map.of("withdrawnBy", "applicant"));

    // then
    assertNotFound(() -> complete(assess, Map.of()));
    assertThat(completedElements(assess.getProcessInstanceKey()))
        .containsExactly("Start_Child", "Boundary_Withdrawn", "End_Withdrawn", childId);
    var review = activateOne(jobType("review"));
    assertThat(review.getProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(review.getVariablesAsMap()).containsEntry("withdrawnBy", "applicant");
  }

  @Test
  void shouldCorrelateBufferedMessageWhenChildReachesItsCatchEvent() {
    // given
    String childId = id("Process_Rfi");
    String parentId = id("Process_Case");
    String message = id("rfi-answered");
    String openType = jobType("open-rfi");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent("Start_Child")
            .serviceTask("Task_OpenRfi", t -> t.zeebeJobType(openType))
            .intermediateCatchEvent(
                "Event_Answered",
                e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
            .endEvent("End_Child")
            .done());
    deploy(parent(parentId, childId));
    long parentKey = start(parentId, Map.of("caseId", "case-3")).getProcessInstanceKey();
    var open = activateOne(openType);

    // when
    publish(message, "case-3", Duration.ofHours(1), Map.of("answer", "documents attached"));
    complete(open, Map.of());

    // then
    assertThat(completedElements(open.getProcessInstanceKey()))
        .containsExactly("Start_Child", "Task_OpenRfi", "Event_Answered", "End_Child", childId);
    var review = activateOne(jobType("review"));
    assertThat(review.getProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(review.getVariablesAsMap()).containsEntry("answer", "documents attached");
    assertThat(rowsOf("message_subscription", open.getProcessInstanceKey())).isZero();
  }

  @Test
  void shouldCancelRunningChildWhenInterruptingMessageEventSubProcessOfParentStarts() {
    // given
    String childId = id("Process_Assessment");
    String parentId = id("Process_Case");
    String message = id("case-withdrawn");
    String assessType = jobType("assess");
    deploy(oneTask(childId, "Task_Assess", assessType));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .eventSubProcess(
                "SubProcess_Withdrawal",
                s ->
                    s.startEvent("Start_Withdrawn")
                        .interrupting(true)
                        .message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId"))
                        .endEvent("End_Withdrawn"))
            .startEvent("Start")
            .callActivity("Call_Child", c -> c.zeebeProcessId(childId))
            .endEvent("End")
            .done());
    long parentKey = start(parentId, Map.of("caseId", "case-4")).getProcessInstanceKey();
    var assess = activateOne(assessType);
    long childKey = assess.getProcessInstanceKey();

    // when
    publish(message, "case-4", Duration.ZERO, Map.of());

    // then
    assertThat(completedElements(parentKey))
        .containsExactly(
            "Start", "Start_Withdrawn", "End_Withdrawn", "SubProcess_Withdrawal", parentId);
    assertNotFound(() -> complete(assess, Map.of()));
    assertThat(records(childKey, "PROCESS_INSTANCE", "ELEMENT_TERMINATED", childId)).hasSize(1);
    assertThat(rowsOf("process_instance", childKey)).isZero();
    assertThat(rowsOf("job", childKey)).isZero();
  }

  @Test
  void shouldCancelRunningChildWhenInterruptingTimerEventSubProcessOfParentStarts() {
    // given
    String childId = id("Process_Assessment");
    String parentId = id("Process_Case");
    String assessType = jobType("assess");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent("Start_Child")
            .serviceTask("Task_Assess", t -> t.zeebeJobType(assessType))
            .boundaryEvent("Timer_Remind", b -> b.timerWithDuration("P5D").cancelActivity(false))
            .endEvent("End_Reminded")
            .moveToActivity("Task_Assess")
            .endEvent("End_Child")
            .done());
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .eventSubProcess(
                "SubProcess_Expiry",
                s ->
                    s.startEvent("Start_Expired")
                        .interrupting(true)
                        .timerWithDuration("P2D")
                        .endEvent("End_Expired"))
            .startEvent("Start")
            .callActivity("Call_Child", c -> c.zeebeProcessId(childId))
            .endEvent("End")
            .done());
    long parentKey = start(parentId).getProcessInstanceKey();
    var assess = activateOne(assessType);
    long childKey = assess.getProcessInstanceKey();

    // when
    advance(Duration.ofDays(2).plusMinutes(1));

    // then
    assertThat(completedElements(parentKey)).endsWith("SubProcess_Expiry", parentId);
    assertNotFound(() -> complete(assess, Map.of()));
    assertThat(rowsOf("process_instance", childKey)).isZero();
    assertThat(rowsOf("timer", childKey)).isZero();
    assertThat(rowsOf("job", childKey)).isZero();
  }

  @Test
  void shouldRemoveTimersSubscriptionsAndChildWhenRootInstanceIsCancelled() {
    // given
    String childId = id("Process_Rfi");
    String parentId = id("Process_Case");
    String answered = id("rfi-answered");
    String withdrawn = id("case-withdrawn");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent("Start_Child")
            .eventBasedGateway("Gateway_Await")
            .intermediateCatchEvent(
                "Event_Answered",
                e -> e.message(m -> m.name(answered).zeebeCorrelationKeyExpression("caseId")))
            .endEvent("End_Answered")
            .moveToLastGateway()
            .intermediateCatchEvent("Event_Expired", e -> e.timerWithDuration("P10D"))
            .endEvent("End_Expired")
            .done());
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .eventSubProcess(
                "SubProcess_Withdrawal",
                s ->
                    s.startEvent("Start_Withdrawn")
                        .interrupting(true)
                        .message(m -> m.name(withdrawn).zeebeCorrelationKeyExpression("caseId"))
                        .endEvent("End_Withdrawn"))
            .startEvent("Start")
            .callActivity("Call_Child", c -> c.zeebeProcessId(childId))
            .boundaryEvent("Timer_Sla", b -> b.timerWithDuration("P20D").cancelActivity(false))
            .endEvent("End_Sla")
            .moveToActivity("Call_Child")
            .endEvent("End")
            .done());
    long parentKey = start(parentId, Map.of("caseId", "case-5")).getProcessInstanceKey();
    long childKey = childOf(parentKey);
    assertThat(rowsOf("timer", parentKey)).isEqualTo(1);
    assertThat(rowsOf("message_subscription", parentKey)).isEqualTo(1);
    assertThat(rowsOf("timer", childKey)).isEqualTo(1);
    assertThat(rowsOf("message_subscription", childKey)).isEqualTo(1);

    // when
    client.newCancelInstanceCommand(parentKey).send().join();

    // then
    for (long key : new long[] {parentKey, childKey}) {
      assertThat(rowsOf("timer", key)).as("timers of %d", key).isZero();
      assertThat(rowsOf("message_subscription", key)).as("subscriptions of %d", key).isZero();
      assertThat(rowsOf("process_instance", key)).as("instance %d", key).isZero();
    }
    assertThat(records(childKey, "TIMER", "CANCELED", "Event_Expired")).hasSize(1);
    assertThat(records(parentKey, "TIMER", "CANCELED", "Timer_Sla")).hasSize(1);
    // nothing fires or correlates afterwards
    advance(Duration.ofDays(30));
    publish(answered, "case-5", Duration.ZERO, Map.of());
    assertThat(records(childKey, "TIMER", "TRIGGERED", null)).isEmpty();
    assertThat(records(childKey, "MESSAGE_SUBSCRIPTION", "CORRELATED", null)).isEmpty();
  }

  @Test
  void shouldAnswerWaitingClientWhenChildTimerCompletesTheCall() {
    // given
    String childId = id("Process_CoolingOff");
    String parentId = id("Process_Case");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent("Start_Child")
            .intermediateCatchEvent("Timer_CoolingOff", e -> e.timerWithDuration("PT2H"))
            .scriptTask(
                "Script_Result",
                t -> t.zeebeExpression("\"cooled\"").zeebeResultVariable("outcome"))
            .endEvent("End_Child")
            .done());
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent("Start")
            .callActivity("Call_Child", c -> c.zeebeProcessId(childId))
            .endEvent("End")
            .done());
    var pending =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(parentId)
            .latestVersion()
            .withResult()
            .requestTimeout(Duration.ofSeconds(20))
            .send();
    long parentKey = awaitInstanceOf(parentId);
    awaitRow("timer", childOf(parentKey));

    // when
    advance(Duration.ofHours(2).plusMinutes(1));

    // then
    var result = pending.join();
    assertThat(result.getProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(result.getVariablesAsMap()).containsEntry("outcome", "cooled");
  }

  private long awaitInstanceOf(String processId) {
    for (int i = 0; i < 100; i++) {
      var key =
          allRecords().stream()
              .map(r -> (Map<?, ?>) r.get("value"))
              .filter(v -> v != null && processId.equals(v.get("bpmnProcessId")))
              .filter(v -> v.get("processInstanceKey") instanceof Number)
              .map(v -> ((Number) v.get("processInstanceKey")).longValue())
              .findFirst();
      if (key.isPresent()) {
        return key.get();
      }
      sleep();
    }
    throw new AssertionError("no instance of " + processId);
  }

  private void awaitRow(String table, long processInstanceKey) {
    for (int i = 0; i < 100 && rowsOf(table, processInstanceKey) == 0; i++) {
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
