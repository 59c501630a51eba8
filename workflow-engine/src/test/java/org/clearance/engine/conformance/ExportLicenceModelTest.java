package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearance.engine.timer.ControlledEngineClock;
import org.clearance.engine.timer.TimerScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The case-api's export-licence model and licence-requirement decision, deployed from the case-api
 * sources as the case-api deploys them, driven through the paths the case-api relies on: the happy
 * path, a request-for-information loop, an unanswered request and a breached SLA target.
 */
@QuarkusTest
class ExportLicenceModelTest extends EngineTestSupport {

  private static final Path BPMN =
      Path.of("..", "case-api", "src", "main", "resources", "bpmn", "export-licence.bpmn");
  private static final Path DMN =
      Path.of("..", "case-api", "src", "main", "resources", "dmn", "licence-requirement.dmn");
  private static final String USER_TASK = "io.camunda.zeebe:userTask";
  private static final String PROCESS_ID = "export-licence";

  @Inject ControlledEngineClock clock;
  @Inject TimerScheduler scheduler;

  private final List<Long> started = new ArrayList<>();
  private final Map<String, ActivatedJob> activated = new LinkedHashMap<>();
  private String caseReference;

  @BeforeEach
  void deployModels() {
    client
        .newDeployResourceCommand()
        .addResourceFile(BPMN.toString())
        .addResourceFile(DMN.toString())
        .send()
        .join();
    caseReference = "EXP-" + suffix;
  }

  @AfterEach
  void cancelLeftovers() {
    for (long key : started) {
      if (rowsOf("process_instance", key) > 0) {
        client.newCancelInstanceCommand(key).send().join();
      }
    }
  }

  private void advance(Duration duration) {
    clock.advance(duration);
    scheduler.fireDueTimers();
  }

  private long submit(Duration auditTarget) {
    Instant now = Instant.ofEpochMilli(clock.now());
    var variables = new LinkedHashMap<String, Object>();
    variables.put("caseReference", caseReference);
    variables.put("classification", "3A090");
    variables.put("countryGroup", "D:1");
    variables.put("applicationDate", "2026-11-20");
    variables.put("confirmedMatch", false);
    variables.put("highRiskFlag", false);
    variables.put("adjudicationDueAt", now.plus(Duration.ofDays(60)).toString());
    variables.put("auditDueAt", now.plus(auditTarget).toString());
    variables.put("legalDueAt", now.plus(Duration.ofDays(60)).toString());
    variables.put("approvalDueAt", now.plus(Duration.ofDays(90)).toString());
    variables.put("countersignDueAt", now.plus(Duration.ofDays(95)).toString());
    variables.put("rfiTimeout", "P10D");
    long key = start(PROCESS_ID, variables).getProcessInstanceKey();
    started.add(key);
    return key;
  }

  /**
   * The job of this instance at an element. User tasks share one job type, so an activation may
   * bring jobs of other elements too: they are kept for later calls instead of waiting for their
   * activation to time out.
   */
  private ActivatedJob job(long processInstanceKey, String type, String elementId) {
    String wanted = processInstanceKey + "/" + elementId;
    for (int attempt = 0; attempt < 5; attempt++) {
      ActivatedJob kept = activated.remove(wanted);
      if (kept != null) {
        return kept;
      }
      for (ActivatedJob job : activate(type, 20)) {
        activated.put(job.getProcessInstanceKey() + "/" + job.getElementId(), job);
      }
    }
    throw new AssertionError("no job of type " + type + " at " + elementId);
  }

  private void screenWithoutMatches(long key) {
    complete(
        job(key, "clearance.screening.parties", "Task_ScreenParties"),
        Map.of("potentialMatches", 0));
  }

  private long count(long key, String elementId) {
    return completedElements(key).stream().filter(elementId::equals).count();
  }

  @Test
  void shouldIssueLicenceOnHappyPath() {
    // given
    long key = submit(Duration.ofDays(30));

    // when
    screenWithoutMatches(key);
    var audit = job(key, USER_TASK, "Task_TechnicalAudit");
    var legal = job(key, USER_TASK, "Task_LegalReview");
    complete(audit, Map.of("auditDecision", "NO_CONCERNS"));
    complete(legal, Map.of("legalDecision", "NO_CONCERNS"));
    complete(job(key, USER_TASK, "Task_Approval"), Map.of("approvalDecision", "APPROVE"));
    complete(job(key, "clearance.licence.issue", "Task_IssueLicence"), Map.of());

    // then
    assertThat(audit.getCustomHeaders())
        .containsEntry("clearance.taskType", "TECHNICAL_AUDIT")
        .containsKey("io.camunda.zeebe:dueDate");
    assertThat(records(key, "DECISION_EVALUATION", "EVALUATED", "Task_DetermineLicenceRequirement"))
        .hasSize(1);
    assertThat(variable(key, "determination")).contains("\"reviewPolicy\":\"CASE_BY_CASE\"");
    assertThat(completedElements(key))
        .contains("SubProcess_Review", "Task_Approval")
        .endsWith("Task_IssueLicence", "EndEvent_Approved", PROCESS_ID);
    assertThat(rowsOf("timer", key)).isZero();
    assertThat(rowsOf("message_subscription", key)).isZero();
  }

  @Test
  void shouldLoopBackToAuditWhenRequestForInformationIsAnswered() {
    // given
    long key = submit(Duration.ofDays(30));
    screenWithoutMatches(key);
    complete(
        job(key, USER_TASK, "Task_TechnicalAudit"), Map.of("auditDecision", "REQUEST_INFORMATION"));
    complete(job(key, "clearance.rfi.open", "Task_OpenAuditRfi"), Map.of());
    assertThat(records(key, "MESSAGE_SUBSCRIPTION", "CREATED", "Event_AuditRfiAnswered"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(((Map<?, ?>) r.get("value")).get("correlationKey"))
                    .isEqualTo(caseReference));

    // when
    client
        .newPublishMessageCommand()
        .messageName("clearance.rfi.answered.audit")
        .correlationKey(caseReference)
        .variables(Map.of("rfiAnswer", "end-user statement attached"))
        .send()
        .join();

    // then
    var secondAudit = job(key, USER_TASK, "Task_TechnicalAudit");
    assertThat(secondAudit.getVariablesAsMap())
        .containsEntry("rfiAnswer", "end-user statement attached");
    assertThat(rowsOf("timer", key))
        .as("the RFI timeout is cancelled; SLA timers of audit and legal remain")
        .isEqualTo(2);
    complete(secondAudit, Map.of("auditDecision", "NO_CONCERNS"));
    complete(job(key, USER_TASK, "Task_LegalReview"), Map.of("legalDecision", "NO_CONCERNS"));
    assertThat(job(key, USER_TASK, "Task_Approval")).isNotNull();
    assertThat(count(key, "Task_TechnicalAudit")).isEqualTo(2);
    assertThat(count(key, "Event_AuditRfiAnswered")).isEqualTo(1);
    assertThat(completedElements(key)).contains("SubProcess_Review");
  }

  @Test
  void shouldReturnWithoutActionAndEndLegalBranchWhenRequestForInformationTimesOut() {
    // given
    long key = submit(Duration.ofDays(30));
    screenWithoutMatches(key);
    var legal = job(key, USER_TASK, "Task_LegalReview");
    complete(
        job(key, USER_TASK, "Task_TechnicalAudit"), Map.of("auditDecision", "REQUEST_INFORMATION"));
    complete(job(key, "clearance.rfi.open", "Task_OpenAuditRfi"), Map.of());

    // when
    advance(Duration.ofDays(10).plusMinutes(1));

    // then
    var returnJob = job(key, "clearance.case.return-without-action", "Task_ReturnWithoutAction");
    assertThat(completedElements(key)).contains("Event_AuditRfiExpired", "Boundary_RfiUnanswered");
    assertThat(records(key, "PROCESS_INSTANCE", "ELEMENT_TERMINATED", "Task_LegalReview"))
        .hasSize(1);
    assertThat(records(key, "PROCESS_INSTANCE", "ELEMENT_TERMINATED", "SubProcess_Review"))
        .hasSize(1);
    assertThatThrownBy(() -> complete(legal, Map.of("legalDecision", "NO_CONCERNS")))
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
    assertThat(rowsOf("timer", key)).as("SLA timers of the review are gone").isZero();
    assertThat(subscribedMessages(key))
        .as("only the process-level new-match subscription is left, none of the review's")
        .containsExactly("clearance.screening.new-match");
    complete(returnJob, Map.of());
    assertThat(completedElements(key)).endsWith("EndEvent_ReturnedWithoutAction", PROCESS_ID);
  }

  @Test
  void shouldEscalateBreachedAuditTargetWithoutInterruptingTheAudit() {
    // given
    long key = submit(Duration.ofDays(5));
    screenWithoutMatches(key);
    var audit = job(key, USER_TASK, "Task_TechnicalAudit");

    // when
    advance(Duration.ofDays(5).plusMinutes(1));

    // then
    assertThat(records(key, "TIMER", "TRIGGERED", "Boundary_AuditSlaBreached")).hasSize(1);
    var escalation = job(key, "clearance.sla.escalate", "Task_EscalateAudit");
    assertThat(escalation.getCustomHeaders()).containsEntry("stage", "TECHNICAL_AUDIT");
    complete(escalation, Map.of());
    complete(audit, Map.of("auditDecision", "NO_CONCERNS"));
    complete(job(key, USER_TASK, "Task_LegalReview"), Map.of("legalDecision", "NO_CONCERNS"));
    assertThat(job(key, USER_TASK, "Task_Approval")).isNotNull();
    assertThat(completedElements(key))
        .contains("Boundary_AuditSlaBreached", "EndEvent_AuditEscalated", "SubProcess_Review");
    assertThat(records(key, "PROCESS_INSTANCE", "ELEMENT_TERMINATED", "Task_TechnicalAudit"))
        .isEmpty();
  }

  /** Names of the messages an instance still waits for. */
  private List<String> subscribedMessages(long processInstanceKey) {
    try (var connection = dataSource.getConnection();
        var statement =
            connection.prepareStatement(
                "SELECT name FROM engine.message_subscription WHERE process_instance_key = ?"
                    + " ORDER BY name")) {
      statement.setLong(1, processInstanceKey);
      var names = new java.util.ArrayList<String>();
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
