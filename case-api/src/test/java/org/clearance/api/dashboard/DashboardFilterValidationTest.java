package org.clearance.api.dashboard;

import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class DashboardFilterValidationTest {

  @ParameterizedTest
  @CsvSource({
    "destination, NZL, destination",
    "destination, N1, destination",
    "classification, 4E91, classification",
    "classification, 3a090, classification",
    "from, 2026-13-01, from",
    "to, 27/11/2026, to",
    "weeks, 0, weeks",
    "weeks, 53, weeks",
    "weeks, twelve, weeks",
  })
  void shouldRejectAMalformedFilterNamingIt(String parameter, String value, String field) {
    for (String path : new String[] {"/api/dashboard/summary", "/api/dashboard/summary.csv"}) {
      as("max")
          .queryParam(parameter, value)
          .when()
          .get(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("type", endsWith("/invalid-dashboard-filter"))
          .body("status", equalTo(400))
          .body("errors.field", containsInAnyOrder(field));
    }
  }

  @Test
  void shouldRejectAnOrganisationLongerThanACaseCanHave() {
    as("max")
        .queryParam("organisation", "o".repeat(101))
        .when()
        .get("/api/dashboard/summary")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("organisation"));
  }

  @Test
  void shouldRejectARangeThatEndsBeforeItStartsAndReportEveryBadField() {
    as("max")
        .queryParam("from", "2026-11-20")
        .queryParam("to", "2026-11-01")
        .queryParam("weeks", "-3")
        .queryParam("destination", "xx1")
        .when()
        .get("/api/dashboard/summary")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("from", "weeks", "destination"));
  }

  @Test
  void shouldAcceptBlankFiltersAsNoFilter() {
    as("max")
        .queryParam("organisation", "")
        .queryParam("destination", " ")
        .queryParam("weeks", "")
        .when()
        .get("/api/dashboard/summary")
        .then()
        .statusCode(200)
        .body("filters.weeks", equalTo(12))
        .body("throughput.size()", equalTo(12));
  }
}
