package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tenants as Zeebe documents them: a deployment, an instance, a job and a message belong to one
 * tenant; requests naming a tenant (or a worker's tenant list) never see another tenant's.
 */
@QuarkusTest
class TenantTest extends EngineTestSupport {

  private static final String LICENSING = "clearance";
  private static final String PARTNER = "partner-app";

  @Test
  void shouldCountVersionsPerTenant() {
    // given
    String processId = id("Process_SharedId");
    BpmnModelInstance model = oneTask(processId, "Task_Review", jobType("review"));

    // when
    var licensing = deployTo(LICENSING, model);
    var partner = deployTo(PARTNER, model);
    var defaultTenant =
        client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();

    // then: the same resource is version 1 in each tenant, under its own key
    assertThat(licensing.getTenantId()).isEqualTo(LICENSING);
    assertThat(licensing.getProcesses().get(0).getTenantId()).isEqualTo(LICENSING);
    assertThat(licensing.getProcesses().get(0).getVersion()).isEqualTo(1);
    assertThat(partner.getProcesses().get(0).getVersion()).isEqualTo(1);
    assertThat(partner.getProcesses().get(0).getTenantId()).isEqualTo(PARTNER);
    assertThat(defaultTenant.getProcesses().get(0).getTenantId()).isEqualTo("<default>");
    assertThat(
            List.of(
                licensing.getProcesses().get(0).getProcessDefinitionKey(),
                partner.getProcesses().get(0).getProcessDefinitionKey(),
                defaultTenant.getProcesses().get(0).getProcessDefinitionKey()))
        .doesNotHaveDuplicates();
  }

  @Test
  void shouldNotStartProcessOfAnotherTenant() {
    // given
    String processId = id("Process_LicensingOnly");
    long key =
        deployTo(LICENSING, oneTask(processId, "Task_Review", jobType("review")))
            .getProcesses()
            .get(0)
            .getProcessDefinitionKey();

    // then: by id and by key, another tenant (and the default tenant) finds nothing
    assertRejected(
        () ->
            client
                .newCreateInstanceCommand()
                .bpmnProcessId(processId)
                .latestVersion()
                .tenantId(PARTNER)
                .send()
                .join(),
        Status.Code.NOT_FOUND);
    assertRejected(() -> start(processId), Status.Code.NOT_FOUND);
    assertRejected(
        () ->
            client
                .newCreateInstanceCommand()
                .processDefinitionKey(key)
                .tenantId(PARTNER)
                .send()
                .join(),
        Status.Code.NOT_FOUND);

    // and its own tenant starts it
    var created =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .tenantId(LICENSING)
            .send()
            .join();
    assertThat(created.getTenantId()).isEqualTo(LICENSING);
    assertThat(created.getProcessDefinitionKey()).isEqualTo(key);
  }

  @Test
  void shouldActivateOnlyJobsOfTheWorkersTenants() {
    // given: one job type, an instance in each tenant
    String processId = id("Process_Screening");
    String type = jobType("screen");
    deployTo(LICENSING, oneTask(processId, "Task_Screen", type));
    deployTo(PARTNER, oneTask(processId, "Task_Screen", type));
    long licensingInstance = startIn(LICENSING, processId);
    long partnerInstance = startIn(PARTNER, processId);

    // when
    List<ActivatedJob> defaultJobs = activateIn(type, List.of());
    List<ActivatedJob> licensingJobs = activateIn(type, List.of(LICENSING));
    List<ActivatedJob> partnerJobs = activateIn(type, List.of(PARTNER));

    // then
    assertThat(defaultJobs).isEmpty();
    assertThat(licensingJobs)
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.getProcessInstanceKey()).isEqualTo(licensingInstance);
              assertThat(job.getTenantId()).isEqualTo(LICENSING);
            });
    assertThat(partnerJobs)
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.getProcessInstanceKey()).isEqualTo(partnerInstance);
              assertThat(job.getTenantId()).isEqualTo(PARTNER);
            });
  }

  @Test
  void shouldActivateJobsOfEveryTenantInTheWorkersList() {
    // given
    String processId = id("Process_Both");
    String type = jobType("both");
    deployTo(LICENSING, oneTask(processId, "Task_Work", type));
    deployTo(PARTNER, oneTask(processId, "Task_Work", type));
    startIn(LICENSING, processId);
    startIn(PARTNER, processId);

    // when
    List<ActivatedJob> jobs = activateIn(type, List.of(LICENSING, PARTNER));

    // then
    assertThat(jobs)
        .extracting(ActivatedJob::getTenantId)
        .containsExactlyInAnyOrder(LICENSING, PARTNER);
  }

  @Test
  void shouldCorrelateMessageOnlyWithinItsTenant() {
    // given: both tenants wait for the same message name and correlation key
    String processId = id("Process_AwaitAnswer");
    String next = jobType("after-answer");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent(
                "Catch_ApplicantAnswer",
                c ->
                    c.message(
                        m -> m.name("applicant-answer").zeebeCorrelationKeyExpression("caseId")))
            .serviceTask("Task_AfterAnswer", t -> t.zeebeJobType(next))
            .endEvent()
            .done();
    deployTo(LICENSING, model);
    deployTo(PARTNER, model);
    String caseId = "EL-" + suffix;
    long licensingInstance = startIn(LICENSING, processId, Map.of("caseId", caseId));
    startIn(PARTNER, processId, Map.of("caseId", caseId));

    // when
    var published =
        client
            .newPublishMessageCommand()
            .messageName("applicant-answer")
            .correlationKey(caseId)
            .tenantId(LICENSING)
            .send()
            .join();

    // then: only the licensing instance moved on
    assertThat(published.getTenantId()).isEqualTo(LICENSING);
    assertThat(activateIn(next, List.of(LICENSING)))
        .singleElement()
        .extracting(ActivatedJob::getProcessInstanceKey)
        .isEqualTo(licensingInstance);
    assertThat(activateIn(next, List.of(PARTNER))).isEmpty();
  }

  @Test
  void shouldRejectMalformedTenantId() {
    assertRejected(
        () -> deployTo("no spaces allowed", oneTask(id("Process_Bad"), "Task_X", jobType("bad"))),
        Status.Code.INVALID_ARGUMENT,
        "'no spaces allowed'");
  }

  private io.camunda.client.api.response.DeploymentEvent deployTo(
      String tenant, BpmnModelInstance model) {
    var process =
        model
            .getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)
            .iterator()
            .next();
    return client
        .newDeployResourceCommand()
        .addProcessModel(model, process.getId() + ".bpmn")
        .tenantId(tenant)
        .send()
        .join();
  }

  private long startIn(String tenant, String processId) {
    return startIn(tenant, processId, Map.of());
  }

  private long startIn(String tenant, String processId, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .tenantId(tenant)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private List<ActivatedJob> activateIn(String type, List<String> tenants) {
    var command =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(10)
            .timeout(Duration.ofMinutes(1));
    if (!tenants.isEmpty()) {
      command = command.tenantIds(tenants);
    }
    return command.requestTimeout(Duration.ofMillis(500)).send().join().getJobs();
  }
}
