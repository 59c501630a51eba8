package org.clearance.api.dashboard;

import static io.restassured.RestAssured.given;
import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Managers track the SLA dashboards and escalations (DOMAIN.md); every other role, admins included,
 * gets 403.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class DashboardAuthorizationTest {

  @ParameterizedTest
  @CsvSource({
    "/api/dashboard/summary, application/json",
    "/api/dashboard/summary.csv, text/csv",
    "/api/escalations, application/json",
    "/api/dashboard/process-heatmap, application/json",
  })
  void shouldShowTheDashboardToManagers(String path, String contentType) {
    as("max").when().get(path).then().statusCode(200).contentType(startsWith(contentType));
  }

  @ParameterizedTest
  @CsvSource({
    "alice, /api/dashboard/summary",
    "bob, /api/dashboard/summary",
    "audrey, /api/dashboard/summary",
    "leo, /api/dashboard/summary",
    "ava, /api/dashboard/summary",
    "adam, /api/dashboard/summary",
    "alice, /api/dashboard/summary.csv",
    "bob, /api/dashboard/summary.csv",
    "audrey, /api/dashboard/summary.csv",
    "leo, /api/dashboard/summary.csv",
    "ava, /api/dashboard/summary.csv",
    "adam, /api/dashboard/summary.csv",
    "alice, /api/escalations",
    "bob, /api/escalations",
    "audrey, /api/escalations",
    "leo, /api/escalations",
    "ava, /api/escalations",
    "adam, /api/escalations",
    "alice, /api/dashboard/process-heatmap",
    "bob, /api/dashboard/process-heatmap",
    "audrey, /api/dashboard/process-heatmap",
    "leo, /api/dashboard/process-heatmap",
    "ava, /api/dashboard/process-heatmap",
    "lena, /api/dashboard/process-heatmap",
    "adam, /api/dashboard/process-heatmap",
  })
  void shouldRefuseTheDashboardToEveryoneButManagers(String user, String path) {
    as(user)
        .when()
        .get(path)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", endsWith("/forbidden"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/dashboard/summary",
        "/api/dashboard/summary.csv",
        "/api/escalations",
        "/api/dashboard/process-heatmap"
      })
  void shouldAskForATokenWithoutOne(String path) {
    given().when().get(path).then().statusCode(401);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/dashboard/summary",
        "/api/dashboard/summary.csv",
        "/api/dashboard/process-heatmap"
      })
  void shouldRefuseNonManagersBeforeLookingAtTheirFilters(String path) {
    as("audrey").queryParam("weeks", "0").when().get(path).then().statusCode(403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"audrey", "adam"})
  void shouldRefuseNonManagersBeforeLookingAtTheirEscalationFilters(String user) {
    as(user)
        .queryParam("stage", "LUNCH")
        .when()
        .get("/api/escalations")
        .then()
        .statusCode(403)
        .body("type", endsWith("/forbidden"));
  }
}
