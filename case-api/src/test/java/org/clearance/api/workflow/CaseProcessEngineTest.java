package org.clearance.api.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.Applications.draft;
import static org.hamcrest.Matchers.equalTo;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;

/**
 * Submit and withdraw against the real workflow engine over gRPC: what case-api expects from a
 * Zeebe gateway. The case side alone is covered with a fake in CaseResourceTest.
 *
 * <p>The tests deploy a minimal stand-in for export-licence.bpmn whose first element is a service
 * task; once the real model is deployed at start-up, switch to its first job type.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class CaseProcessEngineTest {

  static final String FIRST_JOB = "clearance.test.case-submitted";

  static final String STAND_IN_MODEL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
          id="Definitions_ExportLicenceStandIn" targetNamespace="https://clearance.example.org/bpmn">
        <bpmn:process id="export-licence" isExecutable="true">
          <bpmn:startEvent id="StartEvent_Submitted"/>
          <bpmn:sequenceFlow id="Flow_Start" sourceRef="StartEvent_Submitted" targetRef="Task_Submitted"/>
          <bpmn:serviceTask id="Task_Submitted">
            <bpmn:extensionElements>
              <zeebe:taskDefinition type="clearance.test.case-submitted"/>
            </bpmn:extensionElements>
          </bpmn:serviceTask>
          <bpmn:sequenceFlow id="Flow_End" sourceRef="Task_Submitted" targetRef="EndEvent_Done"/>
          <bpmn:endEvent id="EndEvent_Done"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Inject CamundaClient client;

  @Test
  void shouldStartTheExportLicenceProcessWithTheCaseVariablesWhenSubmitted() {
    // given
    deployStandInModel();
    String id = draft("alice");

    // when
    long key =
        as("alice")
            .when()
            .post("/api/cases/" + id + "/submit")
            .then()
            .statusCode(200)
            .body("status", equalTo("SUBMITTED"))
            .extract()
            .<Number>path("processInstanceKey")
            .longValue();

    // then
    List<ActivatedJob> jobs = activateFirstJobs();
    ActivatedJob job =
        jobs.stream().filter(j -> j.getProcessInstanceKey() == key).findFirst().orElseThrow();
    Map<String, Object> variables = job.getVariablesAsMap();
    assertThat(job.getBpmnProcessId()).isEqualTo("export-licence");
    assertThat(variables)
        .containsEntry("caseId", id)
        .containsEntry("organisation", "acme-ai")
        .containsEntry("destinations", List.of("JP"))
        .containsEntry("classifications", List.of("4E091"));
    assertThat((String) variables.get("reference")).matches("EL-\\d{4}-\\d{6}");
    client.newCompleteCommand(job.getKey()).send().join();
  }

  @Test
  void shouldCancelTheProcessWhenASubmittedCaseIsWithdrawn() {
    // given
    deployStandInModel();
    String id = draft("alice");
    long key =
        as("alice")
            .post("/api/cases/" + id + "/submit")
            .then()
            .statusCode(200)
            .extract()
            .<Number>path("processInstanceKey")
            .longValue();

    // when
    as("alice")
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"order cancelled\"}")
        .post("/api/cases/" + id + "/withdraw")
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));

    // then: the instance is gone, so its job can no longer be activated
    assertThat(activateFirstJobs()).noneMatch(job -> job.getProcessInstanceKey() == key);
  }

  private void deployStandInModel() {
    client
        .newDeployResourceCommand()
        .addResourceStringUtf8(STAND_IN_MODEL, "export-licence-stand-in.bpmn")
        .send()
        .join();
  }

  private List<ActivatedJob> activateFirstJobs() {
    return client
        .newActivateJobsCommand()
        .jobType(FIRST_JOB)
        .maxJobsToActivate(50)
        .timeout(Duration.ofMinutes(1))
        .requestTimeout(Duration.ofSeconds(5))
        .send()
        .join()
        .getJobs();
  }
}
