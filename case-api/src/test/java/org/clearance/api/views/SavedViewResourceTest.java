package org.clearance.api.views;

import static io.restassured.RestAssured.given;
import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;

/** Saved list views: per user, named, optionally shared with a role, changed only by the owner. */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class SavedViewResourceTest {

  /** A screen name of this test only, so views of other tests never mix in. */
  private static String screen() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String create(String user, Map<String, Object> body) {
    return as(user)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/views")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void shouldSaveAViewAndAnswerItWithLocation() {
    // given
    String screen = screen();

    // when
    var response =
        as("max")
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name", "  Overdue audits ",
                    "screen", screen,
                    "query", "?status=UNDER_REVIEW&overdue=true&sort=createdAt,desc"))
            .when()
            .post("/api/views");

    // then
    response
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/views/"))
        .body("name", equalTo("Overdue audits"))
        .body("screen", equalTo(screen))
        .body("query", equalTo("status=UNDER_REVIEW&overdue=true&sort=createdAt,desc"))
        .body("sharedWithRole", nullValue())
        .body("owner", equalTo("max"))
        .body("mine", equalTo(true));
    String location = response.header("Location");
    as("max").when().get(location).then().statusCode(200).body("name", equalTo("Overdue audits"));
    as("max")
        .queryParam("screen", screen)
        .when()
        .get("/api/views")
        .then()
        .statusCode(200)
        .body("name", containsInAnyOrder("Overdue audits"));
  }

  @Test
  void shouldNameEveryInvalidField() {
    as("max")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name", " ",
                "screen", "Cases!",
                "query", "status=a b#frag",
                "sharedWithRole", "applicant"))
        .when()
        .post("/api/views")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", endsWith("/validation-failed"))
        .body("errors.field", containsInAnyOrder("name", "screen", "query", "sharedWithRole"))
        .body(
            "errors.find { it.field == 'sharedWithRole' }.message",
            containsString("different organisations"));
  }

  @Test
  void shouldRejectTooLongNamesAndQueries() {
    as("max")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "x".repeat(81), "screen", screen(), "query", "a=" + "b".repeat(2000)))
        .when()
        .post("/api/views")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("name", "query"));
  }

  @Test
  void shouldRejectARoleThatDoesNotExist() {
    as("max")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Mine", "screen", screen(), "sharedWithRole", "janitor"))
        .when()
        .post("/api/views")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("sharedWithRole"));
  }

  @Test
  void shouldNotLetApplicantsShareViews() {
    as("alice")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Mine", "screen", screen(), "sharedWithRole", "manager"))
        .when()
        .post("/api/views")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("sharedWithRole"));
  }

  @Test
  void shouldRefuseADuplicateNameOnTheSameScreenIgnoringCase() {
    // given
    String screen = screen();
    create("max", Map.of("name", "Week 48", "screen", screen, "query", "a=1"));

    // when / then
    as("max")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "WEEK 48", "screen", screen, "query", "a=2"))
        .when()
        .post("/api/views")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", endsWith("/duplicate-view-name"));
    // the same name on another screen, or for another user, is fine
    create("max", Map.of("name", "Week 48", "screen", screen(), "query", "a=1"));
    create("audrey", Map.of("name", "Week 48", "screen", screen, "query", "a=1"));
  }

  @Test
  void shouldRefuseRenamingOntoAnotherOfTheOwnersViews() {
    String screen = screen();
    create("max", Map.of("name", "First", "screen", screen));
    String second = create("max", Map.of("name", "Second", "screen", screen));

    as("max")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "first", "screen", screen))
        .when()
        .put("/api/views/" + second)
        .then()
        .statusCode(409);
    // keeping its own name is not a clash
    as("max")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Second", "screen", screen, "query", "page=2"))
        .when()
        .put("/api/views/" + second)
        .then()
        .statusCode(200)
        .body("query", equalTo("page=2"));
  }

  @Test
  void shouldShowASharedViewToHoldersOfTheRoleOnly() {
    // given: max shares a view with auditors
    String screen = screen();
    String shared =
        create(
            "max",
            Map.of(
                "name",
                "Team queue",
                "screen",
                screen,
                "query",
                "unassigned=true",
                "sharedWithRole",
                "auditor"));
    String privateView = create("max", Map.of("name", "Private", "screen", screen));

    // then: audrey (auditor) sees it, not the private one; leo (legal) sees neither
    as("audrey")
        .queryParam("screen", screen)
        .when()
        .get("/api/views")
        .then()
        .statusCode(200)
        .body("name", containsInAnyOrder("Team queue"))
        .body("[0].mine", equalTo(false))
        .body("[0].owner", equalTo("max"));
    as("audrey").when().get("/api/views/" + shared).then().statusCode(200);
    as("audrey").when().get("/api/views/" + privateView).then().statusCode(404);
    as("leo")
        .queryParam("screen", screen)
        .when()
        .get("/api/views")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    as("leo").when().get("/api/views/" + shared).then().statusCode(404);
    as("audrey").when().get("/api/views").then().statusCode(200).body("id", hasItem(shared));
    as("leo").when().get("/api/views").then().statusCode(200).body("id", not(hasItem(shared)));
  }

  @Test
  void shouldLetOnlyTheOwnerChangeOrDeleteAView() {
    // given
    String screen = screen();
    String shared =
        create("max", Map.of("name", "Shared", "screen", screen, "sharedWithRole", "auditor"));

    // when / then: a holder of the role may read, not change or delete
    as("audrey")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Hijacked", "screen", screen))
        .when()
        .put("/api/views/" + shared)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("max"));
    as("audrey").when().delete("/api/views/" + shared).then().statusCode(403);
    // someone who cannot see it learns nothing
    as("leo")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Hijacked", "screen", screen))
        .when()
        .put("/api/views/" + shared)
        .then()
        .statusCode(404);
    as("leo").when().delete("/api/views/" + shared).then().statusCode(404);
    as("max").when().get("/api/views/" + shared).then().body("name", equalTo("Shared"));

    // the owner stops sharing, then deletes it
    as("max")
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Shared", "screen", screen))
        .when()
        .put("/api/views/" + shared)
        .then()
        .statusCode(200)
        .body("sharedWithRole", nullValue());
    as("audrey").when().get("/api/views/" + shared).then().statusCode(404);
    as("max").when().delete("/api/views/" + shared).then().statusCode(204);
    as("max").when().get("/api/views/" + shared).then().statusCode(404);
    as("max").when().delete("/api/views/" + shared).then().statusCode(404);
  }

  @Test
  void shouldAnswer404ForAnUnknownView() {
    as("max")
        .when()
        .get("/api/views/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRejectAMalformedScreenFilter() {
    as("max")
        .queryParam("screen", "NOT A SCREEN")
        .when()
        .get("/api/views")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("screen"));
  }

  @Test
  void shouldAskForATokenWithoutOne() {
    given().when().get("/api/views").then().statusCode(401);
  }
}
