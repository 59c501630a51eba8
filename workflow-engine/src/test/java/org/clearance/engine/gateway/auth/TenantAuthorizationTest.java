package org.clearance.engine.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenants assigned per client with {@code auth=oidc}, with real client-credentials tokens of the
 * test realm: {@code case-api-workflow} may use only {@code clearance}, {@code other-application}
 * every tenant ({@link OidcGatewaysProfile}). A request naming a tenant the client is not assigned
 * is PERMISSION_DENIED (gRPC) or 403 (REST); searches and gets answer only the client's tenants.
 */
@QuarkusTest
@TestProfile(OidcGatewaysProfile.class)
class TenantAuthorizationTest {

  private static final String LICENSING = "clearance";
  private static final String PARTNER = "partner-app";

  @ConfigProperty(name = "quarkus.grpc.server.test-port")
  int grpcPort;

  @ConfigProperty(name = "clearance.engine.oidc.issuer")
  String issuer;

  CamundaClient caseApi;
  CamundaClient operator;
  String processId;
  String type;

  @BeforeEach
  void clients() throws Exception {
    caseApi = client("case-api-workflow");
    operator = client("other-application");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    processId = "Process_Tenants_" + suffix;
    type = "clearance.test.tenants." + suffix;
  }

  @AfterEach
  void close() {
    caseApi.close();
    operator.close();
  }

  @Test
  void shouldDenyDeploymentIntoTenantTheClientIsNotAssigned() {
    // when / then: another tenant, and the default tenant (none named), are not case-api's
    assertDenied(
        () -> deploy(caseApi, PARTNER), "client 'case-api-workflow'", "tenant 'partner-app'");
    assertDenied(() -> deploy(caseApi, null), "tenant '<default>'");

    // and its own tenant is
    assertThat(deploy(caseApi, LICENSING)).isPositive();
  }

  @Test
  void shouldDenyCreationPublicationAndActivationForAnotherTenant() {
    // given
    deploy(operator, PARTNER);

    // then
    assertDenied(
        () ->
            caseApi
                .newCreateInstanceCommand()
                .bpmnProcessId(processId)
                .latestVersion()
                .tenantId(PARTNER)
                .send()
                .join(),
        "tenant 'partner-app'");
    assertDenied(
        () ->
            caseApi
                .newPublishMessageCommand()
                .messageName("anything")
                .correlationKey("1")
                .tenantId(PARTNER)
                .send()
                .join(),
        "tenant 'partner-app'");
    assertDenied(
        () ->
            caseApi
                .newActivateJobsCommand()
                .jobType(type)
                .maxJobsToActivate(1)
                .tenantIds(List.of(LICENSING, PARTNER))
                .send()
                .join(),
        "tenant 'partner-app'");
  }

  @Test
  void shouldNotFindAnotherTenantsJobsAndInstancesByKey() {
    // given: the operator's partner instance with its job activated
    deploy(operator, PARTNER);
    long instance = start(operator, PARTNER);
    long job =
        operator
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .tenantIds(List.of(PARTNER))
            .send()
            .join()
            .getJobs()
            .get(0)
            .getKey();

    // then: to case-api the keys name nothing
    assertNotFound(() -> caseApi.newCompleteCommand(job).send().join());
    assertNotFound(() -> caseApi.newFailCommand(job).retries(0).send().join());
    assertNotFound(() -> caseApi.newThrowErrorCommand(job).errorCode("E").send().join());
    assertNotFound(() -> caseApi.newUpdateRetriesCommand(job).retries(5).send().join());
    assertNotFound(
        () -> caseApi.newUpdateTimeoutCommand(job).timeout(Duration.ofMinutes(9)).send().join());
    assertNotFound(
        () -> caseApi.newSetVariablesCommand(instance).variables(Map.of("x", 1)).send().join());
    assertNotFound(() -> caseApi.newCancelInstanceCommand(instance).send().join());

    given()
        .header("Authorization", "Bearer " + token("case-api-workflow"))
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/v2/process-instances/" + instance + "/cancellation")
        .then()
        .statusCode(404);

    // and the job is untouched: its own tenant's client still completes it
    operator.newCompleteCommand(job).send().join();
  }

  private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void shouldActivateTheAssignedTenantsJobsOverRest() {
    // given: a job in each tenant
    deploy(operator, PARTNER);
    deploy(caseApi, LICENSING);
    long partner = start(operator, PARTNER);
    long licensing = start(caseApi, LICENSING);

    // when: tenant filter ASSIGNED, as Camunda's REST API offers it
    List<Map<String, Object>> jobs =
        given()
            .header("Authorization", "Bearer " + token("case-api-workflow"))
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "type", type,
                    "timeout", 60000,
                    "maxJobsToActivate", 5,
                    "requestTimeout", 1000,
                    "tenantFilter", "ASSIGNED"))
            .post("/v2/jobs/activation")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("jobs");

    // then: only case-api's tenant's job
    assertThat(jobs)
        .extracting(job -> job.get("processInstanceKey"), job -> job.get("tenantId"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Long.toString(licensing), LICENSING));
    assertThat(partner).isNotEqualTo(licensing);
  }

  @Test
  void shouldAnswerRestCommandsForAnotherTenantWith403() {
    String caseApiToken = token("case-api-workflow");
    given()
        .header("Authorization", "Bearer " + caseApiToken)
        .multiPart("resources", processId + ".bpmn", model().getBytes(StandardCharsets.UTF_8))
        .multiPart("tenantId", PARTNER)
        .post("/v2/deployments")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("title", equalTo("FORBIDDEN"))
        .body("detail", containsString("tenant 'partner-app'"));
    given()
        .header("Authorization", "Bearer " + caseApiToken)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "anything", "correlationKey", "1", "tenantId", PARTNER))
        .post("/v2/messages/publication")
        .then()
        .statusCode(403)
        .body("title", equalTo("FORBIDDEN"));
    given()
        .header("Authorization", "Bearer " + caseApiToken)
        .contentType(ContentType.JSON)
        .body(Map.of("processDefinitionId", processId, "tenantId", PARTNER))
        .post("/v2/process-instances")
        .then()
        .statusCode(403)
        .body("title", equalTo("FORBIDDEN"));
  }

  @Test
  void shouldSearchOnlyTheClientsTenants() throws Exception {
    // given: an instance in each tenant, both projected (the operator sees both)
    deploy(operator, PARTNER);
    long licensingDefinition = deploy(caseApi, LICENSING);
    long partner = start(operator, PARTNER);
    long licensing = start(caseApi, LICENSING);
    String operatorToken = token("other-application");
    String caseApiToken = token("case-api-workflow");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (instances(operatorToken, Map.of()).size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(instances(operatorToken, Map.of())).hasSize(2);

    // then: case-api sees its tenant's rows only, whatever it filters by
    assertThat(instances(caseApiToken, Map.of()))
        .extracting(i -> i.get("processInstanceKey"))
        .containsExactly(Long.toString(licensing));
    assertThat(instances(caseApiToken, Map.of("tenantId", PARTNER))).isEmpty();
    assertThat(
            search(
                caseApiToken,
                "/v2/element-instances/search",
                Map.of("processInstanceKey", Long.toString(partner))))
        .isEmpty();
    assertThat(
            search(
                caseApiToken,
                "/v2/process-definitions/search",
                Map.of("processDefinitionId", processId)))
        .extracting(d -> d.get("processDefinitionKey"))
        .containsExactly(Long.toString(licensingDefinition));
    given()
        .header("Authorization", "Bearer " + caseApiToken)
        .get("/v2/process-instances/" + partner)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .header("Authorization", "Bearer " + caseApiToken)
        .get("/v2/process-instances/" + licensing)
        .then()
        .statusCode(200)
        .body("tenantId", equalTo(LICENSING));
    // the record log has every tenant's records: only a client assigned every tenant reads it
    given()
        .header("Authorization", "Bearer " + caseApiToken)
        .get("/records?from=0&limit=1")
        .then()
        .statusCode(403)
        .body("detail", containsString("assigned every tenant"));
  }

  private List<Map<String, Object>> instances(String token, Map<String, Object> filter) {
    var withProcess = new java.util.HashMap<String, Object>(filter);
    withProcess.put("processDefinitionId", processId);
    return search(token, "/v2/process-instances/search", withProcess);
  }

  private static List<Map<String, Object>> search(
      String token, String path, Map<String, Object> filter) {
    return given()
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON)
        .body(Map.of("filter", filter))
        .post(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  private static void assertDenied(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String... messageParts) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
              assertThat(e.getMessage()).contains(messageParts);
            });
  }

  private BpmnModelInstance bpmn() {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .serviceTask("Task_Work", t -> t.zeebeJobType(type))
        .endEvent()
        .done();
  }

  private String model() {
    return Bpmn.convertToString(bpmn());
  }

  private long deploy(CamundaClient client, String tenant) {
    var command = client.newDeployResourceCommand().addProcessModel(bpmn(), processId + ".bpmn");
    if (tenant != null) {
      command = command.tenantId(tenant);
    }
    return command.send().join().getProcesses().get(0).getProcessDefinitionKey();
  }

  private long start(CamundaClient client, String tenant) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .tenantId(tenant)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private String token(String clientId) {
    return given()
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", clientId)
        .formParam("client_secret", clientId + "-dev-secret")
        .post(issuer + "/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  private CamundaClient client(String clientId) throws java.io.IOException {
    CredentialsProvider credentials =
        CredentialsProvider.newCredentialsProviderBuilder()
            .applyEnvironmentOverrides(false)
            .clientId(clientId)
            .clientSecret(clientId + "-dev-secret")
            .audience("clearance-engine")
            .authorizationServerUrl(issuer + "/protocol/openid-connect/token")
            .credentialsCachePath(
                Files.createTempDirectory("engine-tenant-test").resolve("credentials").toString())
            .build();
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://localhost:" + grpcPort))
        .preferRestOverGrpc(false)
        .credentialsProvider(credentials)
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }
}
