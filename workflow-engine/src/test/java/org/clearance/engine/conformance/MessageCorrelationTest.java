package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.clearance.engine.message.MessageService;
import org.clearance.engine.timer.ControlledEngineClock;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MessageCorrelationTest extends EngineTestSupport {

  @Inject ControlledEngineClock clock;
  @Inject MessageService messages;

  private void deployWaitingForPayment(String processId, String messageName) {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .intermediateCatchEvent(
                "Event_PaymentReceived",
                e -> e.message(m -> m.name(messageName).zeebeCorrelationKeyExpression("caseId")))
            .endEvent("End")
            .done());
  }

  @Test
  void shouldCorrelateMessageToWaitingInstanceAndMergeItsVariables() {
    // given
    String processId = id("Process_Payment");
    String message = id("payment-received");
    deployWaitingForPayment(processId, message);
    var instance = start(processId, Map.of("caseId", "case-1"));

    // when
    var response =
        client
            .newPublishMessageCommand()
            .messageName(message)
            .correlationKey("case-1")
            .variables(Map.of("amount", 250))
            .send()
            .join();

    // then
    assertThat(response.getMessageKey()).isPositive();
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly("Start", "Event_PaymentReceived", "End", processId);
    assertThat(variable(instance.getProcessInstanceKey(), "amount")).isEqualTo("250");
  }

  @Test
  void shouldNotCorrelateMessageWithOtherCorrelationKey() {
    // given
    String processId = id("Process_Payment");
    String message = id("payment-received");
    deployWaitingForPayment(processId, message);
    var instance = start(processId, Map.of("caseId", "case-1"));

    // when
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("case-2")
        .timeToLive(Duration.ZERO)
        .send()
        .join();

    // then
    assertThat(completedElements(instance.getProcessInstanceKey())).containsExactly("Start");
  }

  @Test
  void shouldCorrelateOneMessageToAllWaitingInstances() {
    // given
    String processId = id("Process_Payment");
    String message = id("payment-received");
    deployWaitingForPayment(processId, message);
    var first = start(processId, Map.of("caseId", "case-7"));
    var second = start(processId, Map.of("caseId", "case-7"));

    // when
    client.newPublishMessageCommand().messageName(message).correlationKey("case-7").send().join();

    // then
    assertThat(isCompleted(first.getProcessInstanceKey(), processId)).isTrue();
    assertThat(isCompleted(second.getProcessInstanceKey(), processId)).isTrue();
  }

  @Test
  void shouldCorrelateBufferedMessageToSubscriptionOpenedLater() {
    // given
    String processId = id("Process_Payment");
    String message = id("payment-received");
    deployWaitingForPayment(processId, message);
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("case-3")
        .timeToLive(Duration.ofHours(1))
        .variables(Map.of("paidBy", "ACME"))
        .send()
        .join();

    // when
    var instance = start(processId, Map.of("caseId", "case-3"));

    // then
    assertThat(isCompleted(instance.getProcessInstanceKey(), processId)).isTrue();
    assertThat(variable(instance.getProcessInstanceKey(), "paidBy")).isEqualTo("\"ACME\"");
  }

  @Test
  void shouldCorrelateBufferedMessageOnlyOncePerInstance() {
    // given
    String processId = id("Process_TwoPayments");
    String message = id("payment-received");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .intermediateCatchEvent(
                "Event_FirstPayment",
                e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
            .intermediateCatchEvent(
                "Event_SecondPayment",
                e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
            .endEvent("End")
            .done());
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("case-4")
        .timeToLive(Duration.ofHours(1))
        .send()
        .join();

    // when
    var instance = start(processId, Map.of("caseId", "case-4"));

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly("Start", "Event_FirstPayment");
  }

  @Test
  void shouldNotBufferMessageWithoutTimeToLive() {
    // given
    String processId = id("Process_Payment");
    String message = id("payment-received");
    deployWaitingForPayment(processId, message);
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("case-5")
        .timeToLive(Duration.ZERO)
        .send()
        .join();

    // when
    var instance = start(processId, Map.of("caseId", "case-5"));

    // then
    assertThat(completedElements(instance.getProcessInstanceKey())).containsExactly("Start");
  }

  @Test
  void shouldNotCorrelateExpiredMessage() {
    // given
    String processId = id("Process_Payment");
    String message = id("payment-received");
    deployWaitingForPayment(processId, message);
    var published =
        client
            .newPublishMessageCommand()
            .messageName(message)
            .correlationKey("case-6")
            .timeToLive(Duration.ofMinutes(5))
            .send()
            .join();
    clock.advance(Duration.ofMinutes(6));
    messages.expireMessages();

    // when
    var instance = start(processId, Map.of("caseId", "case-6"));

    // then
    assertThat(completedElements(instance.getProcessInstanceKey())).containsExactly("Start");
    assertThat(
            allRecords().stream()
                .anyMatch(
                    r ->
                        "MESSAGE".equals(r.get("valueType"))
                            && "EXPIRED".equals(r.get("intent"))
                            && ((Number) r.get("key")).longValue() == published.getMessageKey()))
        .isTrue();
  }

  @Test
  void shouldRejectPublishingMessageWithDuplicateId() {
    // given
    String message = id("licence-granted");
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("case-8")
        .messageId("msg-1")
        .timeToLive(Duration.ofHours(1))
        .send()
        .join();

    // when / then
    assertRejected(
        () ->
            client
                .newPublishMessageCommand()
                .messageName(message)
                .correlationKey("case-8")
                .messageId("msg-1")
                .timeToLive(Duration.ofHours(1))
                .send()
                .join(),
        Status.Code.ALREADY_EXISTS);
  }

  @Test
  void shouldAcceptSameMessageIdOnceTheFirstMessageExpired() {
    // given
    String message = id("licence-granted");
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("case-9")
        .messageId("msg-2")
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();
    clock.advance(Duration.ofMinutes(2));

    // when
    var second =
        client
            .newPublishMessageCommand()
            .messageName(message)
            .correlationKey("case-9")
            .messageId("msg-2")
            .send()
            .join();

    // then
    assertThat(second.getMessageKey()).isPositive();
  }

  @Test
  void shouldRejectPublishingMessageWithoutName() {
    assertRejected(
        () ->
            client
                .newPublishMessageCommand()
                .messageName("")
                .correlationKey("case-10")
                .send()
                .join(),
        Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void shouldCompleteReceiveTaskAndApplyItsOutputMappings() {
    // given
    String processId = id("Process_Receive");
    String message = id("screening-result");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .receiveTask("Task_AwaitScreening")
            .message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId"))
            .zeebeOutputExpression("outcome", "screeningOutcome")
            .endEvent("End")
            .done());
    var instance = start(processId, Map.of("caseId", "case-11"));

    // when
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("case-11")
        .variables(Map.of("outcome", "clear"))
        .send()
        .join();

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly("Start", "Task_AwaitScreening", "End", processId);
    assertThat(variable(instance.getProcessInstanceKey(), "screeningOutcome"))
        .isEqualTo("\"clear\"");
    assertThat(variable(instance.getProcessInstanceKey(), "outcome")).isNull();
  }

  @Test
  void shouldRaiseIncidentWhenCorrelationKeyCannotBeEvaluated() {
    // given
    String processId = id("Process_Payment");
    String message = id("payment-received");
    deployWaitingForPayment(processId, message);

    // when
    var instance = start(processId);

    // then
    var incident =
        records(instance.getProcessInstanceKey()).stream()
            .filter(r -> "INCIDENT".equals(r.get("valueType")) && "CREATED".equals(r.get("intent")))
            .findFirst()
            .orElseThrow();
    var value = (Map<?, ?>) incident.get("value");
    assertThat(value.get("elementId")).isEqualTo("Event_PaymentReceived");
    assertThat((String) value.get("errorMessage")).contains("correlation key").contains("caseId");
  }

  @Test
  void shouldOpenSubscriptionOnceIncidentOfCorrelationKeyIsResolved() {
    // given
    String processId = id("Process_Payment");
    String message = id("payment-received");
    deployWaitingForPayment(processId, message);
    var instance = start(processId);
    long incidentKey =
        records(instance.getProcessInstanceKey()).stream()
            .filter(r -> "INCIDENT".equals(r.get("valueType")) && "CREATED".equals(r.get("intent")))
            .map(r -> ((Number) r.get("key")).longValue())
            .findFirst()
            .orElseThrow();

    // when
    client
        .newSetVariablesCommand(instance.getProcessInstanceKey())
        .variables(Map.of("caseId", 12))
        .send()
        .join();
    client.newResolveIncidentCommand(incidentKey).send().join();
    client.newPublishMessageCommand().messageName(message).correlationKey("12").send().join();

    // then
    assertThat(isCompleted(instance.getProcessInstanceKey(), processId)).isTrue();
  }
}
