package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.clearance.engine.timer.ControlledEngineClock;
import org.clearance.engine.timer.TimerScheduler;
import org.junit.jupiter.api.Test;

/**
 * Events where they meet multi-instance activities: boundary events belong to the body (one
 * subscription, fires once, interrupting terminates every inner instance), while events inside a
 * multi-instance sub-process belong to each inner instance.
 */
@QuarkusTest
class MultiInstanceEventTest extends EngineTestSupport {

  private static final List<String> PARTIES = List.of("Acme", "Globex", "Initech");

  @Inject ControlledEngineClock clock;
  @Inject TimerScheduler scheduler;

  private void advance(Duration duration) {
    clock.advance(duration);
    scheduler.fireDueTimers();
  }

  private static void assertNotFound(Runnable command) {
    assertThatThrownBy(command::run)
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  private long count(long processInstanceKey, String elementId) {
    return completedElements(processInstanceKey).stream().filter(elementId::equals).count();
  }

  @Test
  void shouldTerminateAllInnerInstancesWhenInterruptingTimerOnBodyFires() {
    // given
    String processId = id("Process_ScreenParties");
    String type = jobType("screen");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .serviceTask("Task_Screen", t -> t.zeebeJobType(type))
            .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("parties"))
            .boundaryEvent("Timer_Overdue", b -> b.timerWithDuration("PT1H").cancelActivity(true))
            .endEvent("End_Overdue")
            .moveToActivity("Task_Screen")
            .endEvent("End_Screened")
            .done());
    long key = start(processId, Map.of("parties", PARTIES)).getProcessInstanceKey();
    List<ActivatedJob> jobs = activate(type, 3);
    assertThat(jobs).hasSize(3);

    // when
    advance(Duration.ofHours(1).plusMinutes(1));

    // then
    assertThat(records(key, "TIMER", "CREATED", "Timer_Overdue")).hasSize(1);
    assertThat(records(key, "TIMER", "TRIGGERED", "Timer_Overdue")).hasSize(1);
    assertThat(completedElements(key))
        .containsExactly("Start", "Timer_Overdue", "End_Overdue", processId);
    assertThat(records(key, "PROCESS_INSTANCE", "ELEMENT_TERMINATED", "Task_Screen")).hasSize(4);
    for (ActivatedJob job : jobs) {
      assertNotFound(() -> complete(job, Map.of()));
    }
    assertThat(rowsOf("job", key)).isZero();
    assertThat(rowsOf("timer", key)).isZero();
    assertThat(rowsOf("process_instance", key)).isZero();
  }

  @Test
  void shouldFireNonInterruptingTimerOnBodyOnceAndKeepInnerInstances() {
    // given
    String processId = id("Process_ScreenParties");
    String type = jobType("screen");
    String remindType = jobType("remind");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .serviceTask("Task_Screen", t -> t.zeebeJobType(type))
            .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("parties"))
            .boundaryEvent("Timer_Remind", b -> b.timerWithDuration("PT1H").cancelActivity(false))
            .serviceTask("Task_Remind", t -> t.zeebeJobType(remindType))
            .endEvent("End_Reminded")
            .moveToActivity("Task_Screen")
            .endEvent("End_Screened")
            .done());
    long key = start(processId, Map.of("parties", PARTIES)).getProcessInstanceKey();

    // when
    advance(Duration.ofHours(1).plusMinutes(1));

    // then
    assertThat(records(key, "TIMER", "TRIGGERED", "Timer_Remind")).hasSize(1);
    assertThat(activate(remindType, 5)).hasSize(1);
    List<ActivatedJob> jobs = activate(type, 5);
    assertThat(jobs).hasSize(3);
    jobs.forEach(job -> complete(job, Map.of()));
    assertThat(count(key, "Task_Screen")).isEqualTo(4); // three inner instances and the body
    assertThat(completedElements(key)).contains("End_Screened");
  }

  @Test
  void shouldTerminateInnerSubProcessesWhenInterruptingTimerOnMultiInstanceSubProcessFires() {
    // given
    String processId = id("Process_ReviewParties");
    String type = jobType("review");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .subProcess(
                "SubProcess_Review",
                s ->
                    s.multiInstance(
                            m ->
                                m.sequential()
                                    .zeebeInputCollectionExpression("parties")
                                    .zeebeInputElement("party"))
                        .embeddedSubProcess()
                        .startEvent("Start_Review")
                        .serviceTask("Task_Review", t -> t.zeebeJobType(type))
                        .endEvent("End_Review"))
            .boundaryEvent("Timer_Overdue", b -> b.timerWithDuration("P1D"))
            .endEvent("End_Overdue")
            .moveToActivity("SubProcess_Review")
            .endEvent("End_Reviewed")
            .done());
    long key = start(processId, Map.of("parties", PARTIES)).getProcessInstanceKey();
    complete(activateOne(type), Map.of());
    var second = activateOne(type);
    assertThat(second.getVariablesAsMap()).containsEntry("party", "Globex");

    // when
    advance(Duration.ofDays(1).plusMinutes(1));

    // then
    assertThat(records(key, "TIMER", "CREATED", "Timer_Overdue")).hasSize(1);
    assertThat(completedElements(key)).endsWith("Timer_Overdue", "End_Overdue", processId);
    assertThat(records(key, "PROCESS_INSTANCE", "ELEMENT_TERMINATED", "SubProcess_Review"))
        .hasSize(2); // the running inner instance and the body
    assertNotFound(() -> complete(second, Map.of()));
    assertThat(activateNow(type)).isEmpty();
    assertThat(rowsOf("timer", key)).isZero();
  }

  @Test
  void shouldCorrelateEventBasedGatewayOfEachInnerInstanceByItsInputElement() {
    // given
    String processId = id("Process_AwaitAnswers");
    String message = id("party-answered");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .subProcess(
                "SubProcess_Ask",
                s ->
                    s.multiInstance(
                            m ->
                                m.parallel()
                                    .zeebeInputCollectionExpression("parties")
                                    .zeebeInputElement("party")
                                    .zeebeOutputCollection("answers")
                                    .zeebeOutputElementExpression("answer"))
                        .embeddedSubProcess()
                        .startEvent("Start_Ask")
                        .eventBasedGateway("Gateway_Await")
                        .intermediateCatchEvent(
                            "Event_Answered",
                            e -> e.message(mm -> mm.name(message).zeebeCorrelationKey("=party")))
                        .endEvent("End_Answered")
                        .moveToLastGateway()
                        .intermediateCatchEvent("Event_Expired", e -> e.timerWithDuration("P2D"))
                        .scriptTask(
                            "Script_NoAnswer",
                            t -> t.zeebeExpression("\"none\"").zeebeResultVariable("answer"))
                        .endEvent("End_Expired"))
            .endEvent("End")
            .done());
    long key =
        start(processId, Map.of("parties", List.of("Acme", "Globex"))).getProcessInstanceKey();
    assertThat(records(key, "MESSAGE_SUBSCRIPTION", "CREATED", "Event_Answered"))
        .extracting(r -> (Object) ((Map<?, ?>) r.get("value")).get("correlationKey"))
        .containsExactlyInAnyOrder("Acme", "Globex");
    assertThat(records(key, "TIMER", "CREATED", "Event_Expired")).hasSize(2);

    // when
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("Globex")
        .variables(Map.of("answer", "licence held"))
        .send()
        .join();
    advance(Duration.ofDays(2).plusMinutes(1));

    // then
    assertThat(count(key, "End_Answered")).isEqualTo(1);
    assertThat(count(key, "End_Expired")).isEqualTo(1);
    assertThat(isCompleted(key, processId)).isTrue();
    assertThat(variable(key, "answers")).isEqualTo("[\"none\",\"licence held\"]");
    assertThat(rowsOf("timer", key)).isZero();
    assertThat(rowsOf("message_subscription", key)).isZero();
  }

  @Test
  void shouldCollectDecisionResultsOfMultiInstanceBusinessRuleTaskPerInputElement() {
    // given
    client
        .newDeployResourceCommand()
        .addResourceBytes(DmnModels.licenceRequirement(suffix), "licence-requirement.dmn")
        .send()
        .join();
    String processId = id("Process_DecidePerDestination");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .businessRuleTask(
                "Task_Decide",
                t ->
                    t.zeebeCalledDecisionId("licence_requirement_" + suffix)
                        .zeebeResultVariable("requirement")
                        .multiInstance(
                            m ->
                                m.parallel()
                                    .zeebeInputCollectionExpression("destinations")
                                    .zeebeInputElement("countryGroup")
                                    .zeebeOutputCollection("requirements")
                                    .zeebeOutputElementExpression("requirement.reviewPolicy")))
            .endEvent("End")
            .done());

    // when
    long key =
        start(
                processId,
                Map.of("controlClassification", "3A090", "destinations", List.of("E:1", "A:1")))
            .getProcessInstanceKey();

    // then
    assertThat(isCompleted(key, processId)).isTrue();
    assertThat(records(key, "DECISION_EVALUATION", "EVALUATED", "Task_Decide")).hasSize(2);
    assertThat(variable(key, "requirements")).isEqualTo("[\"PRESUMPTION_OF_DENIAL\",\"APPROVE\"]");
  }

  @Test
  void shouldCatchErrorFromChildJobOnBoundaryOfMultiInstanceCallActivity() {
    // given
    String childId = id("Process_ScreenParty");
    String parentId = id("Process_ScreenAll");
    String screenType = jobType("screen");
    String escalateType = jobType("escalate");
    deploy(oneTask(childId, "Task_Screen", screenType));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent("Start")
            .callActivity("Call_Screen", c -> c.zeebeProcessId(childId))
            .multiInstance(
                m ->
                    m.parallel()
                        .zeebeInputCollectionExpression("parties")
                        .zeebeInputElement("party"))
            .boundaryEvent("Boundary_Hit", b -> b.error("SANCTIONS_HIT"))
            .serviceTask("Task_Escalate", t -> t.zeebeJobType(escalateType))
            .endEvent("End_Escalated")
            .moveToActivity("Call_Screen")
            .endEvent("End")
            .done());
    long key = start(parentId, Map.of("parties", PARTIES)).getProcessInstanceKey();
    List<ActivatedJob> jobs = activate(screenType, 3);
    assertThat(jobs).hasSize(3);

    // when
    client
        .newThrowErrorCommand(jobs.get(1).getKey())
        .errorCode("SANCTIONS_HIT")
        .variables(Map.of("hitOn", jobs.get(1).getVariablesAsMap().get("party")))
        .send()
        .join();

    // then
    var escalation = activateOne(escalateType);
    assertThat(escalation.getProcessInstanceKey()).isEqualTo(key);
    assertThat(escalation.getVariablesAsMap()).containsKey("hitOn");
    assertThat(records(key, "PROCESS_INSTANCE", "ELEMENT_TERMINATED", "Call_Screen")).hasSize(4);
    assertNotFound(() -> complete(jobs.get(0), Map.of()));
    assertNotFound(() -> complete(jobs.get(2), Map.of()));
    for (ActivatedJob job : jobs) {
      assertThat(rowsOf("process_instance", job.getProcessInstanceKey())).isZero();
    }
  }

  @Test
  void shouldCancelEveryChildWhenInterruptingTimerOnMultiInstanceCallActivityFires() {
    // given
    String childId = id("Process_ScreenParty");
    String parentId = id("Process_ScreenAll");
    String screenType = jobType("screen");
    deploy(oneTask(childId, "Task_Screen", screenType));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent("Start")
            .callActivity("Call_Screen", c -> c.zeebeProcessId(childId))
            .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("parties"))
            .boundaryEvent("Timer_Overdue", b -> b.timerWithDuration("PT4H"))
            .endEvent("End_Overdue")
            .moveToActivity("Call_Screen")
            .endEvent("End")
            .done());
    long key = start(parentId, Map.of("parties", PARTIES)).getProcessInstanceKey();
    List<ActivatedJob> jobs = activate(screenType, 3);
    assertThat(jobs).hasSize(3);

    // when
    advance(Duration.ofHours(4).plusMinutes(1));

    // then
    assertThat(completedElements(key)).endsWith("Timer_Overdue", "End_Overdue", parentId);
    for (ActivatedJob job : jobs) {
      assertNotFound(() -> complete(job, Map.of()));
      assertThat(rowsOf("process_instance", job.getProcessInstanceKey())).isZero();
      assertThat(
              records(
                  job.getProcessInstanceKey(), "PROCESS_INSTANCE", "ELEMENT_TERMINATED", childId))
          .hasSize(1);
    }
  }

  @Test
  void shouldInterruptEveryInnerInstanceWhenMessageBoundaryOnBodyCorrelates() {
    // given
    String processId = id("Process_ScreenParties");
    String type = jobType("screen");
    String message = id("case-withdrawn");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .serviceTask("Task_Screen", t -> t.zeebeJobType(type))
            .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("parties"))
            .boundaryEvent(
                "Boundary_Withdrawn",
                b -> b.message(mm -> mm.name(message).zeebeCorrelationKeyExpression("caseId")))
            .endEvent("End_Withdrawn")
            .moveToActivity("Task_Screen")
            .endEvent("End")
            .done());
    long key =
        start(processId, Map.of("parties", PARTIES, "caseId", "case-9")).getProcessInstanceKey();
    List<ActivatedJob> jobs = activate(type, 3);
    assertThat(rowsOf("message_subscription", key)).isEqualTo(1);

    // when
    client.newPublishMessageCommand().messageName(message).correlationKey("case-9").send().join();

    // then
    assertThat(completedElements(key))
        .containsExactly("Start", "Boundary_Withdrawn", "End_Withdrawn", processId);
    jobs.forEach(job -> assertNotFound(() -> complete(job, Map.of())));
    assertThat(rowsOf("job", key)).isZero();
  }

  @Test
  void shouldCollectResultsOfChildrenThatCompleteByCorrelatedMessages() {
    // given
    String childId = id("Process_AwaitAnswer");
    String parentId = id("Process_AskAll");
    String message = id("party-answered");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent("Start_Child")
            .intermediateCatchEvent(
                "Event_Answered",
                e -> e.message(mm -> mm.name(message).zeebeCorrelationKeyExpression("party")))
            .endEvent("End_Child")
            .done());
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent("Start")
            .callActivity("Call_Ask", c -> c.zeebeProcessId(childId))
            .multiInstance(
                m ->
                    m.parallel()
                        .zeebeInputCollectionExpression("parties")
                        .zeebeInputElement("party")
                        .zeebeOutputCollection("answers")
                        .zeebeOutputElementExpression("answer"))
            .serviceTask("Task_Review", t -> t.zeebeJobType(jobType("review")))
            .endEvent("End")
            .done());
    long key =
        start(parentId, Map.of("parties", List.of("Acme", "Globex"))).getProcessInstanceKey();

    // when
    for (String party : List.of("Globex", "Acme")) {
      client
          .newPublishMessageCommand()
          .messageName(message)
          .correlationKey(party)
          .variables(Map.of("answer", "answer of " + party))
          .send()
          .join();
    }

    // then
    var review = activateOne(jobType("review"));
    assertThat(review.getProcessInstanceKey()).isEqualTo(key);
    assertThat(review.getVariablesAsMap())
        .containsEntry("answers", List.of("answer of Acme", "answer of Globex"));
  }

  @Test
  void shouldStartNextSequentialChildWhenPreviousChildCompletesByTimer() {
    // given
    String childId = id("Process_CoolingOff");
    String parentId = id("Process_CoolEach");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent("Start_Child")
            .intermediateCatchEvent("Timer_CoolingOff", e -> e.timerWithDuration("PT1H"))
            .endEvent("End_Child")
            .done());
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent("Start")
            .callActivity("Call_Cool", c -> c.zeebeProcessId(childId))
            .multiInstance(m -> m.sequential().zeebeInputCollectionExpression("parties"))
            .serviceTask("Task_Review", t -> t.zeebeJobType(jobType("review")))
            .endEvent("End")
            .done());
    long key =
        start(parentId, Map.of("parties", List.of("Acme", "Globex"))).getProcessInstanceKey();

    // when
    advance(Duration.ofHours(1).plusMinutes(1));
    advance(Duration.ofHours(1).plusMinutes(1));

    // then
    var review = activateOne(jobType("review"));
    assertThat(review.getProcessInstanceKey()).isEqualTo(key);
    assertThat(records(key, "PROCESS_INSTANCE", "ELEMENT_COMPLETED", "Call_Cool")).hasSize(3);
  }

  @Test
  void shouldEndEachInnerInstanceByItsOwnInterruptingTimerEventSubProcess() {
    // given
    String processId = id("Process_ReviewParties");
    String type = jobType("review");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .subProcess(
                "SubProcess_Review",
                s -> {
                  s.multiInstance(
                      m ->
                          m.parallel()
                              .zeebeInputCollectionExpression("parties")
                              .zeebeInputElement("party"));
                  s.embeddedSubProcess()
                      .eventSubProcess(
                          "SubProcess_Expiry",
                          e ->
                              e.startEvent("Start_Expired")
                                  .interrupting(true)
                                  .timerWithDuration("P1D")
                                  .endEvent("End_Expired"));
                  s.embeddedSubProcess()
                      .startEvent("Start_Review")
                      .serviceTask("Task_Review", t -> t.zeebeJobType(type))
                      .endEvent("End_Review");
                })
            .serviceTask("Task_Decide", t -> t.zeebeJobType(jobType("decide")))
            .endEvent("End")
            .done());
    long key =
        start(processId, Map.of("parties", List.of("Acme", "Globex"))).getProcessInstanceKey();
    List<ActivatedJob> jobs = activate(type, 2);
    assertThat(jobs).hasSize(2);
    assertThat(records(key, "TIMER", "CREATED", "Start_Expired")).hasSize(2);
    complete(jobs.get(0), Map.of());

    // when
    advance(Duration.ofDays(1).plusMinutes(1));

    // then
    assertThat(records(key, "TIMER", "TRIGGERED", "Start_Expired")).hasSize(1);
    assertThat(count(key, "End_Review")).isEqualTo(1);
    assertThat(count(key, "End_Expired")).isEqualTo(1);
    assertNotFound(() -> complete(jobs.get(1), Map.of()));
    assertThat(activateOne(jobType("decide")).getProcessInstanceKey()).isEqualTo(key);
    assertThat(rowsOf("timer", key)).isZero();
  }

  @Test
  void shouldResolveIncidentOfInnerInstanceWhenInterruptingTimerOnBodyFires() {
    // given
    String processId = id("Process_ScreenParties");
    String type = jobType("screen");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .serviceTask("Task_Screen", t -> t.zeebeJobType(type).zeebeJobRetries("1"))
            .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("parties"))
            .boundaryEvent("Timer_Overdue", b -> b.timerWithDuration("PT1H"))
            .endEvent("End_Overdue")
            .moveToActivity("Task_Screen")
            .endEvent("End")
            .done());
    long key =
        start(processId, Map.of("parties", List.of("Acme", "Globex"))).getProcessInstanceKey();
    var failing = activate(type, 2).get(0);
    client.newFailCommand(failing.getKey()).retries(0).errorMessage("screening down").send().join();
    assertThat(rowsOf("incident", key)).isEqualTo(1);

    // when
    advance(Duration.ofHours(1).plusMinutes(1));

    // then
    assertThat(completedElements(key)).endsWith("Timer_Overdue", "End_Overdue", processId);
    assertThat(rowsOf("incident", key)).isZero();
    assertThat(rowsOf("failed_job", key)).isZero();
    assertThat(rowsOf("job", key)).isZero();
    assertThat(records(key, "INCIDENT", "RESOLVED", "Task_Screen")).hasSize(1);
  }
}
