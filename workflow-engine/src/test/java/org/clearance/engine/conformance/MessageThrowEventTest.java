package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Message intermediate throw events and message end events as Camunda Modeler writes them for
 * Camunda 8: implemented by a job worker ({@code zeebe:taskDefinition}), as Zeebe runs them.
 */
@QuarkusTest
class MessageThrowEventTest extends EngineTestSupport {

  @Test
  void shouldRunMessageThrowEventAsJobAndContinueAfterItsCompletion() {
    // given
    String processId = id("Process_NotifyApplicant");
    String notify = jobType("notify-applicant");
    String archive = jobType("archive");
    deployXml(
        processId,
        """
        <bpmn:startEvent id="Start_CaseDecided"/>
        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_CaseDecided" targetRef="Throw_NotifyApplicant"/>
        <bpmn:intermediateThrowEvent id="Throw_NotifyApplicant">
          <bpmn:extensionElements>
            <zeebe:taskDefinition type="%s" retries="2"/>
            <zeebe:taskHeaders><zeebe:header key="channel" value="e-mail"/></zeebe:taskHeaders>
          </bpmn:extensionElements>
          <bpmn:messageEventDefinition id="Def_Notify" messageRef="Message_Decision"/>
        </bpmn:intermediateThrowEvent>
        <bpmn:sequenceFlow id="Flow_2" sourceRef="Throw_NotifyApplicant" targetRef="Task_Archive"/>
        <bpmn:serviceTask id="Task_Archive">
          <bpmn:extensionElements><zeebe:taskDefinition type="%s"/></bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_Archive" targetRef="End_Archived"/>
        <bpmn:endEvent id="End_Archived"/>
        """
            .formatted(notify, archive));
    long instance = start(processId, Map.of("caseId", "EL-1")).getProcessInstanceKey();

    // when
    var thrown = activateOne(notify);
    complete(thrown, Map.of("notificationId", "N-7"));
    var next = activateOne(archive);

    // then
    assertThat(thrown.getElementId()).isEqualTo("Throw_NotifyApplicant");
    assertThat(thrown.getRetries()).isEqualTo(2);
    assertThat(thrown.getCustomHeaders()).containsEntry("channel", "e-mail");
    assertThat(thrown.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(next.getVariablesAsMap()).containsEntry("notificationId", "N-7");
  }

  @Test
  void shouldEndTheProcessAfterTheMessageEndEventsJob() {
    // given
    String processId = id("Process_SendLicence");
    String send = jobType("send-licence");
    deployXml(
        processId,
        """
        <bpmn:startEvent id="Start_LicenceIssued"/>
        <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_LicenceIssued" targetRef="End_LicenceSent"/>
        <bpmn:endEvent id="End_LicenceSent">
          <bpmn:extensionElements><zeebe:taskDefinition type="%s"/></bpmn:extensionElements>
          <bpmn:messageEventDefinition id="Def_Send" messageRef="Message_Decision"/>
        </bpmn:endEvent>
        """
            .formatted(send));
    long instance = start(processId).getProcessInstanceKey();

    // when
    var job = activateOne(send);
    assertThat(isCompleted(instance, processId)).isFalse();
    complete(job, Map.of());

    // then
    assertThat(job.getElementId()).isEqualTo("End_LicenceSent");
    // the completion runs the instance to its end in the same command
    assertThat(isCompleted(instance, processId)).isTrue();
    assertThat(completedElements(instance)).containsSubsequence("End_LicenceSent", processId);
  }

  @Test
  void shouldRejectMessageThrowEventWithoutJobType() {
    String processId = id("Process_NoWorker");
    assertThatThrownBy(
            () ->
                deployXml(
                    processId,
                    """
                    <bpmn:startEvent id="Start_1"/>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Throw_Unimplemented"/>
                    <bpmn:intermediateThrowEvent id="Throw_Unimplemented">
                      <bpmn:messageEventDefinition id="Def_1" messageRef="Message_Decision"/>
                    </bpmn:intermediateThrowEvent>
                    """))
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getMessage())
                  .contains("Throw_Unimplemented")
                  .contains("zeebe:taskDefinition");
            });
  }

  @Test
  void shouldStillRefuseSignalThrowEventNamingIt() {
    String processId = id("Process_Signal");
    assertThatThrownBy(
            () ->
                deployXml(
                    processId,
                    """
                    <bpmn:startEvent id="Start_1"/>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Throw_LicenceRevoked"/>
                    <bpmn:intermediateThrowEvent id="Throw_LicenceRevoked">
                      <bpmn:signalEventDefinition id="Def_1" signalRef="Signal_Revoked"/>
                    </bpmn:intermediateThrowEvent>
                    """))
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains("Throw_LicenceRevoked").contains("signal");
            });
  }

  private void deployXml(String processId, String body) {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            id="Definitions_%1$s" targetNamespace="http://bpmn.io/schema/bpmn"
            exporter="Camunda Modeler" exporterVersion="5.30.0">
          <bpmn:message id="Message_Decision" name="decision-notice"/>
          <bpmn:signal id="Signal_Revoked" name="licence-revoked"/>
          <bpmn:process id="%1$s" isExecutable="true">
        %2$s
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(processId, body);
    client.newDeployResourceCommand().addResourceStringUtf8(xml, processId + ".bpmn").send().join();
  }
}
