package org.clearance.api.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearance.api.support.Applications;
import org.clearance.api.support.CaseProcess;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.clearance.api.workflow.service.WorkflowConfig;
import org.junit.jupiter.api.Test;

/**
 * Another application on the same engine, with its own client of the realm, runs its own job-based
 * user tasks while case-api's workers are open: case-api deploys and works only in its tenant
 * ({@code clearance}), so it never takes (and holds for days) a job it does not own.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class OtherApplicationUserTaskTest {

  private static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";

  @Inject WorkflowConfig config;
  @Inject DataSource dataSource;

  @Test
  void shouldLeaveAnotherApplicationsUserTaskJobToThatApplication() throws Exception {
    // given: case-api runs and works a case of its own (its user-task worker is open)
    String caseId = CaseProcess.submit(Applications.complete("JP", "4E091"));
    CaseProcess.awaitTask(caseId, "TECHNICAL_AUDIT");
    String processId = "Process_PartnerOnboarding_" + UUID.randomUUID().toString().substring(0, 8);

    try (CamundaClient other = otherApplication()) {
      other
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(processId)
                  .startEvent()
                  .userTask("Task_ApprovePartner", t -> t.zeebeCandidateGroups("partner-admins"))
                  .endEvent("End_PartnerApproved")
                  .done(),
              processId + ".bpmn")
          .send()
          .join();

      // when: it starts an instance; case-api's streaming and polling workers have a moment to
      // take the job if they would
      long instance =
          other
              .newCreateInstanceCommand()
              .bpmnProcessId(processId)
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      Thread.sleep(1000);
      List<ActivatedJob> jobs =
          other
              .newActivateJobsCommand()
              .jobType(USER_TASK_JOB_TYPE)
              .maxJobsToActivate(5)
              .timeout(Duration.ofMinutes(5))
              .requestTimeout(Duration.ofSeconds(1))
              .send()
              .join()
              .getJobs();

      // then: the other application gets its own user-task job, case-api mirrored nothing of it
      assertThat(jobs)
          .singleElement()
          .satisfies(
              job -> {
                assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
                assertThat(job.getElementId()).isEqualTo("Task_ApprovePartner");
                assertThat(job.getTenantId()).isEqualTo("<default>");
              });
      assertThat(reviewTasksWithJob(jobs.get(0).getKey())).isZero();
      other.newCompleteCommand(jobs.get(0)).send().join();
    }
    // and case-api's own task is still its own
    assertThat(CaseProcess.tasks(caseId, "OPEN"))
        .extracting(t -> t.get("type"))
        .contains("TECHNICAL_AUDIT");
  }

  private long reviewTasksWithJob(long jobKey) throws Exception {
    try (var connection = dataSource.getConnection();
        var statement =
            connection.prepareStatement("SELECT count(*) FROM review_task WHERE job_key = ?")) {
      statement.setLong(1, jobKey);
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A second application: its own confidential client of the realm, the default tenant. */
  private CamundaClient otherApplication() throws Exception {
    return CamundaClient.newClientBuilder()
        .grpcAddress(config.grpcAddress())
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .credentialsProvider(
            CredentialsProvider.newCredentialsProviderBuilder()
                .applyEnvironmentOverrides(false)
                .clientId("other-application")
                .clientSecret("other-application-dev-secret")
                .audience(config.oauth().audience())
                .authorizationServerUrl(config.oauth().tokenUrl().toString())
                .credentialsCachePath(
                    Files.createTempDirectory("other-application")
                        .resolve("credentials")
                        .toString())
                .build())
        .build();
  }
}
