package org.clearance.api.determination;

import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class CountryGroupResourceTest {

  @ParameterizedTest(name = "{0} reads country groups: {1}")
  @CsvSource({"alice,403", "adam,200", "audrey,200", "max,200"})
  void shouldShowCountryGroupsToAdminsAndStaff(String user, int status) {
    as(user).queryParam("country", "CN").get("/api/admin/country-groups").then().statusCode(status);
  }

  @Test
  void shouldListTheGroupsInForceOnADay() {
    as("adam")
        .queryParam("country", "cn")
        .get("/api/admin/country-groups")
        .then()
        .statusCode(200)
        .body("group", equalTo(java.util.List.of("D:1", "D:5")));
  }

  @Test
  void shouldChangeAGroupFromADayOnAndKeepHistory() {
    // when
    as("adam")
        .contentType(ContentType.JSON)
        .body("{\"groups\": [\"A:1\", \"D:1\"], \"validFrom\": \"2031-01-01\"}")
        .put("/api/admin/country-groups/SG")
        .then()
        .statusCode(200)
        .body("group", hasItems("A:1", "D:1"));

    // then
    as("adam")
        .queryParam("country", "SG")
        .queryParam("on", "2030-12-31")
        .get("/api/admin/country-groups")
        .then()
        .body("size()", equalTo(0));
    as("adam")
        .queryParam("country", "SG")
        .queryParam("on", "2031-01-01")
        .get("/api/admin/country-groups")
        .then()
        .body("group", hasItems("A:1", "D:1"));
  }

  @Test
  void shouldRefuseChangesFromNonAdminsAndInvalidChanges() {
    as("max")
        .contentType(ContentType.JSON)
        .body("{\"groups\": [], \"validFrom\": \"2031-01-01\"}")
        .put("/api/admin/country-groups/SG")
        .then()
        .statusCode(403);
    as("adam")
        .contentType(ContentType.JSON)
        .body("{\"groups\": [\"Z:9\"]}")
        .put("/api/admin/country-groups/SGP")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("countryCode", "groups", "validFrom"));
  }
}
