package org.clearance.api.licences.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearance.api.licences.Licences;
import org.clearance.api.support.FakeCaseProcess;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code clearance.licence.issue} worker driven through the real workflow engine: a tiny
 * process (start, issue licence, a follow-up task, end) runs for a case awaiting approval. The
 * follow-up job exists only once the licence job completed, and carries its {@code licenceNumber}.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class LicenceIssueJobWorkerTest {

  static final String AFTER_LICENCE_JOB = "clearance.test.after-licence";

  static final String MODEL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
          id="Definitions_LicenceIssueTest" targetNamespace="https://clearance.example.org/bpmn">
        <bpmn:process id="licence-issue-test" isExecutable="true">
          <bpmn:startEvent id="StartEvent_Approved"/>
          <bpmn:sequenceFlow id="Flow_Start" sourceRef="StartEvent_Approved" targetRef="Task_IssueLicence"/>
          <bpmn:serviceTask id="Task_IssueLicence">
            <bpmn:extensionElements>
              <zeebe:taskDefinition type="clearance.licence.issue" retries="3"/>
            </bpmn:extensionElements>
          </bpmn:serviceTask>
          <bpmn:sequenceFlow id="Flow_Issued" sourceRef="Task_IssueLicence" targetRef="Task_AfterLicence"/>
          <bpmn:serviceTask id="Task_AfterLicence">
            <bpmn:extensionElements>
              <zeebe:taskDefinition type="clearance.test.after-licence"/>
            </bpmn:extensionElements>
          </bpmn:serviceTask>
          <bpmn:sequenceFlow id="Flow_End" sourceRef="Task_AfterLicence" targetRef="EndEvent_Done"/>
          <bpmn:endEvent id="EndEvent_Done"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Inject CamundaClient client;

  @BeforeEach
  void prepare() {
    FakeCaseProcess.install();
    client
        .newDeployResourceCommand()
        .addResourceStringUtf8(MODEL, "licence-issue-test.bpmn")
        .send()
        .join();
  }

  @Test
  void shouldIssueTheLicenceAndCompleteTheJobWithItsNumber() {
    // given
    String caseId = Licences.awaitingApproval("alice");

    // when
    long instance = startInstance(Map.of("caseId", caseId));

    // then
    ActivatedJob next = awaitFollowUpJob(instance);
    String number = (String) next.getVariablesAsMap().get("licenceNumber");
    assertThat(number).matches("LIC-\\d{4}-\\d{6}");
    as("alice")
        .get("/api/cases/" + caseId + "/licence")
        .then()
        .statusCode(200)
        .body("number", equalTo(number))
        .body("status", equalTo("ISSUED"));
    as("alice").get("/api/cases/" + caseId).then().body("status", equalTo("APPROVED"));
    client.newCompleteCommand(next.getKey()).send().join();
  }

  @Test
  void shouldTakeConditionsAndValidityFromTheJobVariables() {
    // given
    String caseId = Licences.awaitingApproval("alice");

    // when
    long instance =
        startInstance(
            Map.of(
                "caseId",
                caseId,
                "licenceConditions",
                List.of("Annual end-use report", "No transfer of weights"),
                "licenceValidUntil",
                "2031-06-30"));

    // then
    ActivatedJob next = awaitFollowUpJob(instance);
    String number = (String) next.getVariablesAsMap().get("licenceNumber");
    as("alice")
        .get("/api/licences/" + number)
        .then()
        .statusCode(200)
        .body("conditions", contains("Annual end-use report", "No transfer of weights"))
        .body("validUntil", equalTo("2031-06-30"));
    client.newCompleteCommand(next.getKey()).send().join();
  }

  @Test
  void shouldNotIssueALicenceForACaseThatAwaitsNoApproval() throws InterruptedException {
    // given
    String caseId = org.clearance.api.support.Applications.draft("alice");

    // when
    long instance = startInstance(Map.of("caseId", caseId));

    // then: the job fails (and is retried later), so the process does not move on
    Thread.sleep(2_000);
    assertThat(activateFollowUpJobs()).noneMatch(job -> job.getProcessInstanceKey() == instance);
    as("alice").get("/api/cases/" + caseId + "/licence").then().statusCode(404);
    client.newCancelInstanceCommand(instance).send().join();
  }

  private long startInstance(Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("licence-issue-test")
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private ActivatedJob awaitFollowUpJob(long instance) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ActivatedJob> job =
          activateFollowUpJobs().stream()
              .filter(candidate -> candidate.getProcessInstanceKey() == instance)
              .findFirst();
      if (job.isPresent()) {
        return job.get();
      }
    }
    throw new AssertionError("the licence job of instance " + instance + " did not complete");
  }

  private List<ActivatedJob> activateFollowUpJobs() {
    return client
        .newActivateJobsCommand()
        .jobType(AFTER_LICENCE_JOB)
        .maxJobsToActivate(20)
        .timeout(Duration.ofMinutes(1))
        .requestTimeout(Duration.ofSeconds(2))
        .send()
        .join()
        .getJobs();
  }
}
