package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Escalation events as Camunda documents them, through the official client: intermediate throw and
 * end events, caught by boundary events of sub-processes and call activities and by event
 * sub-processes, interrupting or not; an escalation nobody catches lets the thrower go on.
 */
@QuarkusTest
class EscalationEventTest extends EngineTestSupport {

  private long records(long processInstanceKey, String intent) {
    return records(processInstanceKey).stream()
        .filter(r -> "ESCALATION".equals(r.get("valueType")) && intent.equals(r.get("intent")))
        .count();
  }

  @Test
  void shouldContinueBothPathsWithANonInterruptingBoundaryEvent() {
    // given: the draft escalates to a reviewer and goes on
    String processId = id("Process_Draft");
    String draftType = jobType("draft");
    String reviewType = jobType("review");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .subProcess(
                "SubProcess_Draft",
                s ->
                    s.embeddedSubProcess()
                        .startEvent("Start_Draft")
                        .intermediateThrowEvent("Throw_NeedsReview", t -> t.escalation("REVIEW"))
                        .serviceTask("Task_Draft", t -> t.zeebeJobType(draftType))
                        .endEvent("End_Draft"))
            .boundaryEvent("Boundary_Review", b -> b.escalation("REVIEW").cancelActivity(false))
            .serviceTask("Task_Review", t -> t.zeebeJobType(reviewType))
            .endEvent("End_Reviewed")
            .moveToActivity("SubProcess_Draft")
            .endEvent("End_Drafted")
            .done());

    // when
    long instance = start(processId).getProcessInstanceKey();

    // then
    complete(activateOne(reviewType), Map.of());
    complete(activateOne(draftType), Map.of());
    assertThat(completedElements(instance))
        .contains("Throw_NeedsReview", "Boundary_Review", "Task_Review", "End_Drafted")
        .endsWith(processId);
    assertThat(records(instance, "ESCALATED")).isEqualTo(1);
  }

  @Test
  void shouldTerminateTheSubProcessWithAnInterruptingBoundaryEvent() {
    // given
    String processId = id("Process_Interrupted");
    String draftType = jobType("draft");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .subProcess(
                "SubProcess_Draft",
                s ->
                    s.embeddedSubProcess()
                        .startEvent("Start_Draft")
                        .intermediateThrowEvent("Throw_Abort", t -> t.escalation("ABORT"))
                        .serviceTask("Task_Draft", t -> t.zeebeJobType(draftType))
                        .endEvent("End_Draft"))
            .boundaryEvent("Boundary_Abort", b -> b.escalation("ABORT").cancelActivity(true))
            .endEvent("End_Aborted")
            .moveToActivity("SubProcess_Draft")
            .endEvent("End_Drafted")
            .done());

    // when
    long instance = start(processId).getProcessInstanceKey();

    // then: the thrower went with its sub-process; nothing after it ran
    assertThat(completedElements(instance))
        .containsExactly("Start", "Start_Draft", "Boundary_Abort", "End_Aborted", processId);
    assertThat(activateNow(draftType)).isEmpty();
  }

  @Test
  void shouldStartANonInterruptingEventSubProcessFromAnEscalationEndEvent() {
    // given: a late check escalates to the process's event sub-process
    String processId = id("Process_LateCheck");
    String notifyType = jobType("notify");
    String afterType = jobType("after");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "SubProcess_Notify",
                e ->
                    e.startEvent("Start_Late")
                        .interrupting(false)
                        .escalation("LATE")
                        .serviceTask("Task_Notify", t -> t.zeebeJobType(notifyType))
                        .endEvent("End_Notified"))
            .startEvent("Start")
            .subProcess(
                "SubProcess_Check",
                s ->
                    s.embeddedSubProcess()
                        .startEvent("Start_Check")
                        .endEvent("End_Late", end -> end.escalation("LATE")))
            .serviceTask("Task_After", t -> t.zeebeJobType(afterType))
            .endEvent("End")
            .done());

    // when
    long instance = start(processId).getProcessInstanceKey();

    // then: both the event sub-process and the main flow run
    assertThat(activateOne(notifyType).getProcessInstanceKey()).isEqualTo(instance);
    assertThat(activateOne(afterType).getProcessInstanceKey()).isEqualTo(instance);
    assertThat(completedElements(instance)).contains("End_Late", "SubProcess_Check");
  }

  @Test
  void shouldInterruptTheProcessWithACatchAllEscalationEventSubProcess() {
    // given: a catch-all (no code) interrupting event sub-process
    String processId = id("Process_CatchAll");
    String handleType = jobType("handle");
    String draftType = jobType("draft");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "SubProcess_Handle",
                e ->
                    e.startEvent("Start_Any")
                        .interrupting(true)
                        .escalation()
                        .serviceTask("Task_Handle", t -> t.zeebeJobType(handleType))
                        .endEvent("End_Handled"))
            .startEvent("Start")
            .intermediateThrowEvent("Throw_Anything", t -> t.escalation("ANYTHING"))
            .serviceTask("Task_Draft", t -> t.zeebeJobType(draftType))
            .endEvent("End")
            .done());

    // when
    long instance = start(processId).getProcessInstanceKey();

    // then
    complete(activateOne(handleType), Map.of());
    assertThat(activateNow(draftType)).isEmpty();
    assertThat(completedElements(instance)).endsWith("End_Handled", "SubProcess_Handle", processId);
  }

  @Test
  void shouldGoOnWhenNobodyCatchesTheEscalation() {
    // given
    String processId = id("Process_Uncaught");
    String type = jobType("next");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .intermediateThrowEvent("Throw_Nobody", t -> t.escalation("NOBODY"))
            .serviceTask("Task_Next", t -> t.zeebeJobType(type))
            .endEvent("End")
            .done());

    // when
    long instance = start(processId).getProcessInstanceKey();

    // then: no incident, the flow continues, and the log says it was not caught
    complete(activateOne(type), Map.of());
    assertThat(completedElements(instance))
        .containsExactly("Start", "Throw_Nobody", "Task_Next", "End", processId);
    assertThat(records(instance, "NOT_ESCALATED")).isEqualTo(1);
  }

  @Test
  void shouldCatchAChildsEscalationAtTheCallActivity() {
    // given: the called process escalates with an expression code and ends
    String childId = id("Process_Child");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent("Start_Child")
            .endEvent("End_Escalate", e -> e.escalation("=code"))
            .done());
    String parentId = id("Process_Parent");
    String escalatedType = jobType("escalated");
    String afterType = jobType("after-call");
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent("Start")
            .callActivity("Call_Child", c -> c.zeebeProcessId(childId))
            .boundaryEvent("Boundary_Child", b -> b.escalation("DYNAMIC").cancelActivity(false))
            .serviceTask("Task_Escalated", t -> t.zeebeJobType(escalatedType))
            .endEvent("End_Escalated")
            .moveToActivity("Call_Child")
            .serviceTask("Task_After", t -> t.zeebeJobType(afterType))
            .endEvent("End")
            .done());

    // when
    long parent = start(parentId, Map.of("code", "DYNAMIC")).getProcessInstanceKey();

    // then: caught without interrupting, and the child ended normally
    assertThat(activateOne(escalatedType).getProcessInstanceKey()).isEqualTo(parent);
    assertThat(activateOne(afterType).getProcessInstanceKey()).isEqualTo(parent);
  }

  @Test
  void shouldRefuseAnEscalationBoundaryEventOnATask() {
    assertRejected(
        () ->
            deploy(
                Bpmn.createExecutableProcess(id("Process_TaskEscalation"))
                    .startEvent()
                    .serviceTask("Task_Work", t -> t.zeebeJobType(jobType("work")))
                    .boundaryEvent("Boundary_OnTask", b -> b.escalation("X"))
                    .endEvent()
                    .moveToActivity("Task_Work")
                    .endEvent()
                    .done()),
        Status.Code.INVALID_ARGUMENT,
        "Boundary_OnTask",
        "sub-process or a call activity");
  }
}
