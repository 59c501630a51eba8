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

@QuarkusTest
class EventBasedGatewayTest extends EngineTestSupport {

  @Inject ControlledEngineClock clock;
  @Inject TimerScheduler scheduler;

  private BpmnModelInstance awaitPaymentOrTimeout(String processId, String message) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("Start")
        .eventBasedGateway("Gateway_AwaitPayment")
        .intermediateCatchEvent(
            "Event_FeePaid",
            e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
        .endEvent("End_Paid")
        .moveToLastGateway()
        .intermediateCatchEvent("Timer_PaymentOverdue", e -> e.timerWithDuration("P14D"))
        .endEvent("End_Lapsed")
        .done();
  }

  @Test
  void shouldTakeMessageBranchAndCloseTimerWhenMessageArrivesFirst() {
    // given
    String processId = id("Process_Fee");
    String message = id("fee-paid");
    deploy(awaitPaymentOrTimeout(processId, message));
    var instance = start(processId, Map.of("caseId", "case-31"));

    // when
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("case-31")
        .variables(Map.of("receipt", "R-1"))
        .send()
        .join();
    clock.advance(Duration.ofDays(15));
    scheduler.fireDueTimers();

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly("Start", "Gateway_AwaitPayment", "Event_FeePaid", "End_Paid", processId);
    assertThat(variable(instance.getProcessInstanceKey(), "receipt")).isEqualTo("\"R-1\"");
    assertThat(
            records(instance.getProcessInstanceKey()).stream()
                .filter(r -> "TIMER".equals(r.get("valueType")))
                .map(r -> r.get("intent")))
        .containsExactly("CREATED", "CANCELED");
  }

  @Test
  void shouldTakeTimerBranchAndCloseSubscriptionWhenTimerFiresFirst() {
    // given
    String processId = id("Process_Fee");
    String message = id("fee-paid");
    deploy(awaitPaymentOrTimeout(processId, message));
    var instance = start(processId, Map.of("caseId", "case-32"));

    // when
    clock.advance(Duration.ofDays(14).plusMinutes(1));
    scheduler.fireDueTimers();
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("case-32")
        .timeToLive(Duration.ZERO)
        .send()
        .join();

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly(
            "Start", "Gateway_AwaitPayment", "Timer_PaymentOverdue", "End_Lapsed", processId);
    assertThat(
            records(instance.getProcessInstanceKey()).stream()
                .filter(r -> "MESSAGE_SUBSCRIPTION".equals(r.get("valueType")))
                .map(r -> r.get("intent")))
        .containsExactly("CREATED", "DELETED");
  }

  @Test
  void shouldTakeBranchOfBufferedMessageAtOnce() {
    // given
    String processId = id("Process_Fee");
    String message = id("fee-paid");
    deploy(awaitPaymentOrTimeout(processId, message));
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("case-33")
        .timeToLive(Duration.ofHours(1))
        .send()
        .join();

    // when
    var instance = start(processId, Map.of("caseId", "case-33"));

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly("Start", "Gateway_AwaitPayment", "Event_FeePaid", "End_Paid", processId);
  }

  @Test
  void shouldRejectEventBasedGatewayLeadingToTask() {
    // given
    String processId = id("Process_BadGateway");
    var model =
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .eventBasedGateway("Gateway_Await")
            .serviceTask("Task_NotAnEvent", t -> t.zeebeJobType("clearance.test.none"))
            .endEvent("End_A")
            .moveToLastGateway()
            .intermediateCatchEvent("Timer_Wait", e -> e.timerWithDuration("PT1H"))
            .endEvent("End_B")
            .done();

    // when / then
    assertThatThrownBy(() -> deploy(model))
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains("Gateway_Await").contains("Task_NotAnEvent");
            });
  }
}
