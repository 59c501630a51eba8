package org.clearance.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clearance.api.support.KeycloakTokens;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class MeResourceTest {

  @Test
  void shouldDescribeAnApplicantWithHerOrganisation() {
    given()
        .auth()
        .oauth2(KeycloakTokens.accessToken("alice"))
        .when()
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("username", equalTo("alice"))
        .body("name", equalTo("Alice Adeyemi"))
        .body("roles", contains("applicant"))
        .body("organisation", equalTo("acme-ai"));
  }

  @Test
  void shouldDescribeAnAuditorWithoutOrganisation() {
    given()
        .auth()
        .oauth2(KeycloakTokens.accessToken("audrey"))
        .when()
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("username", equalTo("audrey"))
        .body("roles", contains("auditor"))
        .body("organisation", nullValue());
  }

  @Test
  void shouldRejectARequestWithoutToken() {
    given()
        .when()
        .get("/api/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("status", equalTo(401))
        .body("title", equalTo("Authentication required"));
  }

  @Test
  void shouldRejectAGarbageToken() {
    given()
        .auth()
        .oauth2("not-a-token")
        .when()
        .get("/api/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRejectATokenWhoseSignatureWasTamperedWith() {
    String token = KeycloakTokens.accessToken("alice");
    String tampered =
        token.substring(0, token.lastIndexOf('.') + 1)
            + "AAAA"
            + token.substring(token.lastIndexOf('.') + 5);
    given().auth().oauth2(tampered).when().get("/api/me").then().statusCode(401);
  }
}
