package org.clearance.api.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.clearance.api.support.KeycloakTokens;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only access tokens the clearance realm issued for this API get in; every other token, real or
 * forged, and every malformed Authorization header is 401 problem+json. The tokens are real ones
 * from the test Keycloak (clients in infra/keycloak/clearance-realm.json).
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class TokenAcceptanceTest {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

  @Test
  void shouldAcceptAnAccessTokenIssuedForTheApi() {
    // given
    String token =
        KeycloakTokens.directGrant(
            "clearance-api", "clearance-api-dev-secret", "alice", null, "access_token");
    // when / then
    me("Bearer " + token).statusCode(200).body("username", equalTo("alice"));
  }

  @Test
  void shouldRejectATokenOfKeycloaksAdminCliClient() {
    // given: the built-in public client of every realm; its tokens carry no clearance-api audience
    String token = KeycloakTokens.directGrant("admin-cli", null, "alice", null, "access_token");
    assertThat(claims(token)).contains("\"azp\":\"admin-cli\"").doesNotContain("clearance-api");
    // when / then
    rejected("Bearer " + token);
  }

  @Test
  void shouldRejectAnIdTokenUsedAsBearerToken() {
    // given: issued to clearance-api (aud = clearance-api), but of type ID, not Bearer
    String token =
        KeycloakTokens.directGrant(
            "clearance-api", "clearance-api-dev-secret", "alice", "openid", "id_token");
    assertThat(claims(token)).contains("\"typ\":\"ID\"").contains("\"aud\":\"clearance-api\"");
    // when / then
    rejected("Bearer " + token);
  }

  @Test
  void shouldRejectATokenIssuedForAnotherClientOfTheRealm() {
    // given
    String token =
        KeycloakTokens.directGrant(
            "clearance-reports", "clearance-reports-dev-secret", "alice", null, "access_token");
    assertThat(claims(token)).contains("\"azp\":\"clearance-reports\"");
    // when / then
    rejected("Bearer " + token);
  }

  @Test
  void shouldRejectATokenWithATamperedSignature() {
    // given
    String token = KeycloakTokens.accessToken("alice");
    int signature = token.lastIndexOf('.') + 1;
    char first = token.charAt(signature);
    String tampered =
        token.substring(0, signature) + (first == 'A' ? 'B' : 'A') + token.substring(signature + 1);
    // when / then
    rejected("Bearer " + tampered);
  }

  @Test
  void shouldRejectATokenWithATamperedPayload() {
    // given: alice's signature over a payload that now names the admin role
    String token = KeycloakTokens.accessToken("alice");
    String[] parts = token.split("\\.");
    String payload = claims(token).replace("\"applicant\"", "\"admin\"");
    String forged =
        parts[0]
            + "."
            + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    // when / then
    rejected("Bearer " + forged);
  }

  @Test
  void shouldRejectAnUnsignedTokenWithAlgNone() {
    // given: a genuine payload under {"alg":"none"} and no signature
    String token = KeycloakTokens.accessToken("alice");
    String payload = token.split("\\.")[1];
    String header = URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
    // when / then
    rejected("Bearer " + header + "." + payload + ".");
    rejected("Bearer " + header + "." + payload);
  }

  @Test
  void shouldRejectAnExpiredToken() throws InterruptedException {
    // given: the probe client's tokens are for clearance-api and live 2 seconds
    String token =
        KeycloakTokens.directGrant(
            "clearance-api-expiry-probe",
            "clearance-api-expiry-probe-secret",
            "alice",
            null,
            "access_token");
    assertThat(claims(token)).contains("clearance-api");
    me("Bearer " + token).statusCode(200);
    // when
    Thread.sleep(3_500);
    // then
    rejected("Bearer " + token);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer ...",
        "Bearer ..",
        "Bearer a.b.c",
        "Bearer e30.e30.e30",
        "Bearer e30.e30.",
        "Bearer eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln",
        "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6Im5vLXN1Y2gta2V5In0.e30.c2ln",
        "Bearer",
        "Bearer ",
        "Bearer  ",
        "bearer",
        "Basic YWxpY2U6ZGVtbw==",
        "Basic !!!",
        "Digest username=alice",
        "Bearer \u00ff\u00fe",
        "Bearer a b c",
        "Bearer %00",
        ",",
        "x"
      })
  void shouldRejectAMalformedAuthorizationHeader(String header) {
    rejected(header);
  }

  @Test
  void shouldRejectTwoAuthorizationHeaders() {
    String token = KeycloakTokens.accessToken("alice");
    given()
        .header("Authorization", "Bearer ...")
        .header("Authorization", "Bearer " + token)
        .when()
        .get("/api/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRejectAForgedTokenOnEveryKindOfEndpoint() {
    for (String path :
        new String[] {
          "/api/cases",
          "/api/tasks",
          "/api/notifications",
          "/api/escalations",
          "/api/admin/country-groups",
          "/api/licences/LIC-2026-000001",
          "/api/audit/verify"
        }) {
      given()
          .header("Authorization", "Bearer ...")
          .when()
          .get(path)
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .body("title", equalTo("Authentication required"));
    }
    given()
        .header("Authorization", "Bearer ...")
        .contentType("application/json")
        .body("{}")
        .when()
        .post("/api/cases")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  private static ValidatableResponse me(String authorization) {
    return given().header("Authorization", authorization).when().get("/api/me").then();
  }

  private static void rejected(String authorization) {
    me(authorization)
        .statusCode(401)
        .contentType("application/problem+json")
        .body("status", equalTo(401))
        .body("title", equalTo("Authentication required"));
  }

  private static String claims(String token) {
    return new String(URL_DECODER.decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
  }
}
