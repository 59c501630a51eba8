package org.clearance.api.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;

/**
 * The web UI is served at / and every app route answers index.html, while API and management paths
 * keep their problem+json 404s. The test classpath's META-INF/resources/index.html (a marker page)
 * stands in for the built UI.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class SinglePageAppResourceTest {

  private static final String MARKER = "clearance-spa-test-index";

  @Test
  void shouldServeTheAppAtTheRoot() {
    given()
        .when()
        .get("/")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString(MARKER));
  }

  @Test
  void shouldAnswerDeepLinksWithTheApp() {
    for (String path : new String[] {"/cases/EL-2026-000001", "/tasks?view=mine", "/inbox/x/y"}) {
      given()
          .when()
          .get(path)
          .then()
          .statusCode(200)
          .contentType(containsString("text/html"))
          .header("Cache-Control", containsString("no-cache"))
          .body(containsString(MARKER));
    }
  }

  @Test
  void shouldServeStaticFilesAsThemselves() {
    given()
        .when()
        .get("/assets/test-asset.js")
        .then()
        .statusCode(200)
        .body(containsString("clearance-test-asset"))
        .body(not(containsString(MARKER)));
  }

  @Test
  void shouldKeepProblemJsonForUnknownApiPaths() {
    given()
        .when()
        .get("/api/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
    given().when().get("/api").then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void shouldNotAnswerManagementOrMissingAssetPathsWithTheApp() {
    given()
        .when()
        .get("/q/no-such-endpoint")
        .then()
        .statusCode(404)
        .body(not(containsString(MARKER)));
    given()
        .when()
        .get("/assets/missing-chunk.js")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldTellTheBrowserWhereToSignIn() {
    given()
        .when()
        .get("/api/ui-config")
        .then()
        .statusCode(200)
        .body("realm", equalTo("clearance"))
        .body("clientId", equalTo("clearance-ui"))
        .body("keycloakUrl", not(containsString("/realms/")));
  }

  @Test
  void shouldStillRequireATokenForTheApi() {
    given().when().get("/api/cases").then().statusCode(401);
  }
}
