package org.clearance.engine.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The gateways with {@code auth=oidc} against the test Keycloak that {@code ./clearance test}
 * starts: real client-credentials tokens of the realm's clients, the official client's OAuth
 * credentials provider, and tokens that must be refused.
 */
@QuarkusTest
@TestProfile(OidcGatewaysProfile.class)
class GatewayAuthTest {

  @ConfigProperty(name = "quarkus.grpc.server.test-port")
  int grpcPort;

  @ConfigProperty(name = "clearance.engine.oidc.issuer")
  String issuer;

  @Test
  void shouldRefuseCallWithoutToken() {
    try (CamundaClient anonymous = client(null)) {
      assertThatThrownBy(() -> anonymous.newTopologyRequest().send().join())
          .isInstanceOfSatisfying(
              ClientStatusException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(e.getMessage()).contains("a bearer access token is required");
              });
    }
  }

  @Test
  void shouldRunProcessForClientWithTheEngineRole() {
    // given: the official client with its OAuth credentials provider
    String processId = "Process_Authenticated_" + UUID.randomUUID().toString().substring(0, 8);
    String jobType = "clearance.test.authenticated." + processId;
    try (CamundaClient client = client(oauth("other-application"))) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(processId)
                  .startEvent()
                  .serviceTask("Task_Check", t -> t.zeebeJobType(jobType))
                  .endEvent("End_Checked")
                  .done(),
              processId + ".bpmn")
          .send()
          .join();

      // when
      long instance =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(processId)
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      var jobs =
          client
              .newActivateJobsCommand()
              .jobType(jobType)
              .maxJobsToActivate(1)
              .requestTimeout(Duration.ofSeconds(5))
              .send()
              .join()
              .getJobs();
      client.newCompleteCommand(jobs.get(0)).send().join();

      // then
      assertThat(jobs).hasSize(1);
      assertThat(jobs.get(0).getProcessInstanceKey()).isEqualTo(instance);
    }
  }

  @Test
  void shouldDenyClientWithoutTheEngineRole() {
    try (CamundaClient client = client(oauth("engine-no-role"))) {
      assertThatThrownBy(() -> client.newTopologyRequest().send().join())
          .isInstanceOfSatisfying(
              ClientStatusException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                assertThat(e.getMessage())
                    .contains("client 'engine-no-role' lacks the role 'engine-user'");
              });
    }
  }

  @Test
  void shouldRefuseUserTokenIssuedForTheCaseApi() {
    // given: a reviewer's token for the case API (audience clearance-api), used against the engine
    String token =
        given()
            .formParam("grant_type", "password")
            .formParam("client_id", "clearance-api")
            .formParam("client_secret", "clearance-api-dev-secret")
            .formParam("username", "leo")
            .formParam("password", "demo")
            .post(issuer + "/protocol/openid-connect/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");

    try (CamundaClient client = client(fixed(token))) {
      assertThatThrownBy(() -> client.newTopologyRequest().send().join())
          .isInstanceOfSatisfying(
              ClientStatusException.class,
              e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }
  }

  @Test
  void shouldRefuseTokenWithTamperedSignature() {
    String token = clientCredentialsToken("other-application");
    String tampered = token.substring(0, token.length() - 6) + "AAAAAA";

    try (CamundaClient client = client(fixed(tampered))) {
      assertThatThrownBy(() -> client.newTopologyRequest().send().join())
          .isInstanceOfSatisfying(
              ClientStatusException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(e.getMessage()).contains("signature");
              });
    }
  }

  @Test
  void shouldGuardTheHttpEndpointsWithProblemJson() {
    given()
        .get("/records?from=0&limit=1")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("status", equalTo(401))
        .body(
            "detail", equalTo("a bearer access token is required (Authorization: Bearer <token>)"));
    given()
        .header("Authorization", "Bearer " + clientCredentialsToken("engine-no-role"))
        .get("/records?from=0&limit=1")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("title", equalTo("FORBIDDEN"));
    given()
        .header("Authorization", "Bearer " + clientCredentialsToken("other-application"))
        .get("/records?from=0&limit=1")
        .then()
        .statusCode(200);
    given()
        .get("/v2/topology")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("title", equalTo("UNAUTHORIZED"));
    given().get("/q/health/ready").then().statusCode(200);
  }

  private String clientCredentialsToken(String clientId) {
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

  private CredentialsProvider oauth(String clientId) {
    try {
      return CredentialsProvider.newCredentialsProviderBuilder()
          .applyEnvironmentOverrides(false)
          .clientId(clientId)
          .clientSecret(clientId + "-dev-secret")
          .audience("clearance-engine")
          .authorizationServerUrl(issuer + "/protocol/openid-connect/token")
          .credentialsCachePath(
              Files.createTempDirectory("engine-auth-test").resolve("credentials").toString())
          .build();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CredentialsProvider fixed(String token) {
    return new CredentialsProvider() {
      @Override
      public void applyCredentials(CredentialsApplier applier) {
        applier.put("Authorization", "Bearer " + token);
      }

      @Override
      public boolean shouldRetryRequest(StatusCode statusCode) {
        return false;
      }
    };
  }

  private CamundaClient client(CredentialsProvider credentials) {
    var builder =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://localhost:" + grpcPort))
            .preferRestOverGrpc(false)
            .defaultRequestTimeout(Duration.ofSeconds(10));
    if (credentials != null) {
      builder.credentialsProvider(credentials);
    }
    return builder.build();
  }
}
