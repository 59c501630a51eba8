package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signal events as Camunda documents them, through the official client: BroadcastSignal starts
 * every process with a matching signal start event and reaches every catch event (intermediate,
 * boundary, event sub-process start) waiting for the name in the signal's tenant; signal throw and
 * end events broadcast after their instance's commit.
 */
@QuarkusTest
class SignalEventTest extends EngineTestSupport {

  @jakarta.inject.Inject org.clearance.engine.message.SignalBroadcasts broadcasts;

  private String signal(String name) {
    return name + "-" + suffix;
  }

  private long broadcast(String name, Map<String, Object> variables) {
    return client
        .newBroadcastSignalCommand()
        .signalName(name)
        .variables(variables)
        .send()
        .join()
        .getKey();
  }

  private BpmnModelInstance waitingForSignal(String processId, String signal, String nextType) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("Start")
        .intermediateCatchEvent("Catch_Recall", c -> c.signal(signal))
        .serviceTask("Task_AfterRecall", t -> t.zeebeJobType(nextType))
        .endEvent("End")
        .done();
  }

  @Test
  void shouldStartAnInstanceOfEveryProcessWithTheSignalStartEvent() {
    // given: two processes start at the same signal
    String signal = signal("sanctions-list-updated");
    String screenType = jobType("rescreen");
    String notifyType = jobType("notify");
    deploy(
        Bpmn.createExecutableProcess(id("Process_Rescreen"))
            .startEvent("Start_ListUpdated")
            .signal(signal)
            .serviceTask("Task_Rescreen", t -> t.zeebeJobType(screenType))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(id("Process_Notify"))
            .startEvent("Start_ListUpdated")
            .signal(signal)
            .serviceTask("Task_Notify", t -> t.zeebeJobType(notifyType))
            .endEvent()
            .done());

    // when
    var response =
        client
            .newBroadcastSignalCommand()
            .signalName(signal)
            .variables(Map.of("listVersion", 42))
            .send()
            .join();

    // then: one instance each, with the signal's variables
    assertThat(response.getKey()).isPositive();
    assertThat(response.getTenantId()).isEqualTo("<default>");
    assertThat(activateOne(screenType).getVariablesAsMap()).containsEntry("listVersion", 42);
    assertThat(activateOne(notifyType).getVariablesAsMap()).containsEntry("listVersion", 42);
    assertThat(activateNow(screenType)).isEmpty();
  }

  @Test
  void shouldReachEveryInstanceWaitingAtASignalCatchEvent() {
    // given
    String processId = id("Process_AwaitRecall");
    String signal = signal("licence-recall");
    String type = jobType("after-recall");
    deploy(waitingForSignal(processId, signal, type));
    long first = start(processId).getProcessInstanceKey();
    long second = start(processId).getProcessInstanceKey();

    // when
    broadcast(signal, Map.of("reason", "embargo"));

    // then
    var jobs = activate(type, 5);
    assertThat(jobs)
        .extracting(job -> job.getProcessInstanceKey())
        .containsExactlyInAnyOrder(first, second);
    assertThat(jobs)
        .allSatisfy(j -> assertThat(j.getVariablesAsMap()).containsEntry("reason", "embargo"));
    assertThat(completedElements(first)).contains("Catch_Recall");
  }

  @Test
  void shouldNotReachACatchEventEnteredAfterTheBroadcast() {
    // given
    String processId = id("Process_LateListener");
    String signal = signal("late");
    String type = jobType("late");
    deploy(waitingForSignal(processId, signal, type));
    broadcast(signal, Map.of());

    // when
    start(processId);

    // then: signals are not buffered
    assertThat(activateNow(type)).isEmpty();
  }

  @Test
  void shouldInterruptTheTaskWithAnInterruptingSignalBoundaryEvent() {
    // given
    String processId = id("Process_ReviewRecalled");
    String signal = signal("recall");
    String type = jobType("review");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .serviceTask("Task_Review", t -> t.zeebeJobType(type))
            .boundaryEvent("Boundary_Recall", b -> b.signal(signal).cancelActivity(true))
            .endEvent("End_Recalled")
            .moveToActivity("Task_Review")
            .endEvent("End_Reviewed")
            .done());
    long instance = start(processId).getProcessInstanceKey();
    var job = activateOne(type);

    // when
    broadcast(signal, Map.of());

    // then
    assertThat(completedElements(instance))
        .containsExactly("Start", "Boundary_Recall", "End_Recalled", processId);
    assertRejected(() -> complete(job, Map.of()), Status.Code.NOT_FOUND);
  }

  @Test
  void shouldKeepTheTaskWithANonInterruptingSignalBoundaryEvent() {
    // given
    String processId = id("Process_ReviewNotified");
    String signal = signal("notice");
    String type = jobType("review");
    String noticeType = jobType("read-notice");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .serviceTask("Task_Review", t -> t.zeebeJobType(type))
            .boundaryEvent("Boundary_Notice", b -> b.signal(signal).cancelActivity(false))
            .serviceTask("Task_ReadNotice", t -> t.zeebeJobType(noticeType))
            .endEvent("End_Noticed")
            .moveToActivity("Task_Review")
            .endEvent("End_Reviewed")
            .done());
    long instance = start(processId).getProcessInstanceKey();
    var review = activateOne(type);

    // when: twice, while the task is active
    broadcast(signal, Map.of());
    broadcast(signal, Map.of());

    // then
    assertThat(activate(noticeType, 5)).hasSize(2);
    complete(review, Map.of());
    assertThat(completedElements(instance)).contains("Task_Review", "End_Reviewed");
  }

  @Test
  void shouldStartAnInterruptingSignalEventSubProcess() {
    // given
    String processId = id("Process_Withdrawable");
    String signal = signal("programme-closed");
    String type = jobType("assess");
    String closeType = jobType("close");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "SubProcess_Closed",
                s ->
                    s.startEvent("Start_Closed")
                        .interrupting(true)
                        .signal(signal)
                        .serviceTask("Task_Close", t -> t.zeebeJobType(closeType))
                        .endEvent("End_Closed"))
            .startEvent("Start")
            .serviceTask("Task_Assess", t -> t.zeebeJobType(type))
            .endEvent("End")
            .done());
    long instance = start(processId).getProcessInstanceKey();
    var assess = activateOne(type);

    // when
    broadcast(signal, Map.of("closedBy", "ministry"));

    // then
    var close = activateOne(closeType);
    assertThat(close.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(close.getVariablesAsMap()).containsEntry("closedBy", "ministry");
    assertRejected(() -> complete(assess, Map.of()), Status.Code.NOT_FOUND);
    complete(close, Map.of());
    assertThat(completedElements(instance)).endsWith("End_Closed", "SubProcess_Closed", processId);
  }

  @Test
  void shouldBroadcastFromSignalThrowAndEndEvents() {
    // given: a listener waiting for the first signal, a process started by the second
    String first = signal("case-approved");
    String second = signal("case-closed");
    String listenerType = jobType("on-approved");
    String starterType = jobType("on-closed");
    String listenerId = id("Process_Listener");
    deploy(waitingForSignal(listenerId, first, listenerType));
    deploy(
        Bpmn.createExecutableProcess(id("Process_Archive"))
            .startEvent("Start_Closed")
            .signal(second)
            .serviceTask("Task_Archive", t -> t.zeebeJobType(starterType))
            .endEvent()
            .done());
    String throwerId = id("Process_Thrower");
    deploy(
        Bpmn.createExecutableProcess(throwerId)
            .startEvent("Start")
            .intermediateThrowEvent(
                "Throw_Approved",
                t -> t.signal(first).zeebeInputExpression("caseNumber", "approvedCase"))
            .endEvent("End_Closed", e -> e.signal(second))
            .done());
    long listener = start(listenerId).getProcessInstanceKey();

    // when
    long thrower = start(throwerId, Map.of("caseNumber", "EL-7")).getProcessInstanceKey();

    // then: the throw event's input mappings are the signal's variables
    var onApproved = activateOne(listenerType);
    assertThat(onApproved.getProcessInstanceKey()).isEqualTo(listener);
    assertThat(onApproved.getVariablesAsMap())
        .containsEntry("approvedCase", "EL-7")
        .doesNotContainKey("caseNumber");
    assertThat(activateOne(starterType)).isNotNull();
    assertThat(completedElements(thrower))
        .containsExactly("Start", "Throw_Approved", "End_Closed", throwerId);
  }

  @Test
  void shouldReachOnlyTheSignalsTenant() {
    // given: the same model waits in two tenants
    String processId = id("Process_TenantSignal");
    String signal = signal("tenant");
    String type = jobType("tenant");
    BpmnModelInstance model = waitingForSignal(processId, signal, type);
    for (String tenant : List.of("clearance", "partner-app")) {
      client
          .newDeployResourceCommand()
          .addProcessModel(model, processId + ".bpmn")
          .tenantId(tenant)
          .send()
          .join();
      client
          .newCreateInstanceCommand()
          .bpmnProcessId(processId)
          .latestVersion()
          .tenantId(tenant)
          .send()
          .join();
    }

    // when
    var response =
        client.newBroadcastSignalCommand().signalName(signal).tenantId("clearance").send().join();

    // then
    assertThat(response.getTenantId()).isEqualTo("clearance");
    var jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(5)
            .tenantIds(List.of("clearance", "partner-app"))
            .requestTimeout(java.time.Duration.ofSeconds(2))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).extracting(j -> j.getTenantId()).containsExactly("clearance");
  }

  @Test
  void shouldKeepSignalsAndMessagesOfTheSameNameApart() {
    // given: one instance waits for a message, one for a signal, both named alike
    String name = signal("decision");
    String messageType = jobType("after-message");
    String signalType = jobType("after-signal");
    String messageProcess = id("Process_Message");
    deploy(
        Bpmn.createExecutableProcess(messageProcess)
            .startEvent()
            .intermediateCatchEvent(
                "Catch_Message",
                c -> c.message(m -> m.name(name).zeebeCorrelationKeyExpression("caseId")))
            .serviceTask("Task_AfterMessage", t -> t.zeebeJobType(messageType))
            .endEvent()
            .done());
    String signalProcess = id("Process_Signal");
    deploy(waitingForSignal(signalProcess, name, signalType));
    start(messageProcess, Map.of("caseId", "c-1"));
    start(signalProcess);

    // when / then: the signal reaches only the signal catch event
    broadcast(name, Map.of());
    assertThat(activateOne(signalType)).isNotNull();
    assertThat(activateNow(messageType)).isEmpty();

    // and the message only the message catch event
    start(signalProcess);
    client.newPublishMessageCommand().messageName(name).correlationKey("c-1").send().join();
    assertThat(activateOne(messageType)).isNotNull();
    assertThat(activateNow(signalType)).isEmpty();
  }

  @Test
  void shouldBroadcastASignalAStoppedReplicaLeftBehind() throws Exception {
    // given: a thrown signal committed, but its replica stopped before broadcasting it
    String processId = id("Process_LeftBehind");
    String signal = signal("left-behind");
    String type = jobType("left-behind");
    deploy(waitingForSignal(processId, signal, type));
    long instance = start(processId).getProcessInstanceKey();
    try (var connection = dataSource.getConnection();
        var statement =
            connection.prepareStatement(
                "INSERT INTO engine.signal (key, name, variables, tenant_id, broadcast)"
                    + " VALUES (?, ?, '{\"late\":true}', '<default>', false)")) {
      statement.setLong(1, Long.MAX_VALUE - System.nanoTime() % 1_000_000_000L);
      statement.setString(2, signal);
      statement.executeUpdate();
    }

    // when: the message scheduler's round
    broadcasts.finishLeftBehind();

    // then
    var job = activateOne(type);
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(job.getVariablesAsMap()).containsEntry("late", true);
  }

  @Test
  void shouldRejectASignalWithoutName() {
    assertRejected(() -> broadcast("", Map.of()), Status.Code.INVALID_ARGUMENT, "name");
  }

  @Test
  void shouldRefuseASignalStartEventWithAnExpressionName() {
    assertThatThrownBy(
            () ->
                deploy(
                    Bpmn.createExecutableProcess(id("Process_DynamicStart"))
                        .startEvent("Start_Dynamic")
                        .signal("=signalName")
                        .endEvent()
                        .done()))
        .hasMessageContaining("The signal name of a signal start event must be static");
  }
}
