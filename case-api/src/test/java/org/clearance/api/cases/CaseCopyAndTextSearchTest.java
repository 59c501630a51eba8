package org.clearance.api.cases;

import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.Applications.complete;
import static org.clearance.api.support.Applications.draft;
import static org.clearance.api.support.Applications.submitted;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.clearance.api.support.FakeCaseProcess;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Copying an earlier application as a new draft, and the free-text search (reference, organisation,
 * party name) the web UI's global search uses. Destination LI (Liechtenstein), which no other test
 * uses.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class CaseCopyAndTextSearchTest {

  static final String LIECHTENSTEIN = "LI";

  static String aliceSubmitted;
  static String bobSubmitted;

  @BeforeEach
  void cases() {
    FakeCaseProcess.install();
    if (aliceSubmitted == null) {
      aliceSubmitted = submitted("alice", LIECHTENSTEIN, "4E091");
      bobSubmitted =
          draft(
              "bob",
              complete(LIECHTENSTEIN, "3A090")
                  .replace("Kumo Research KK", "Zyxwv_Precision 100% AG"));
      as("bob").when().post("/api/cases/" + bobSubmitted + "/submit").then().statusCode(200);
    }
  }

  @Test
  void shouldCopyAnEarlierApplicationAsANewDraft() {
    String reference = as("alice").get("/api/cases/" + aliceSubmitted).path("reference");
    String copyId =
        as("alice")
            .when()
            .post("/api/cases/" + aliceSubmitted + "/copy")
            .then()
            .statusCode(201)
            .header("Location", startsWith("http"))
            .body("status", equalTo("DRAFT"))
            .body("reference", not(equalTo(reference)))
            .body("items[0].eccn", equalTo("4E091"))
            .body("items[0].aiModel.weights", equalTo("CLOSED"))
            .body("parties.name", hasItem("Kumo Research KK"))
            .body("destinations", contains(LIECHTENSTEIN))
            .body("contact.email", equalTo("alice@acme-ai.example.com"))
            .body("documents", empty())
            .body("submittedAt", nullValue())
            .extract()
            .path("id");
    // The copy is a draft of its own: editable, while the original is unchanged.
    as("alice")
        .contentType(ContentType.JSON)
        .body(complete("JP", "5D002"))
        .when()
        .put("/api/cases/" + copyId)
        .then()
        .statusCode(200);
    as("alice")
        .get("/api/cases/" + aliceSubmitted)
        .then()
        .body("items[0].eccn", equalTo("4E091"))
        .body("status", not(equalTo("DRAFT")));
    as("alice")
        .get("/api/cases/" + copyId + "/audit")
        .then()
        .body("[0].action", equalTo("CASE_CREATED"))
        .body("[0].detail.copiedFrom", equalTo(reference));
    as("alice")
        .get("/api/cases/" + aliceSubmitted + "/audit")
        .then()
        .body("action", hasItem("CASE_COPIED"));
  }

  @Test
  void shouldNotCopyAnotherOrganisationsCaseNorLetStaffCopy() {
    as("alice").when().post("/api/cases/" + bobSubmitted + "/copy").then().statusCode(404);
    as("audrey").when().post("/api/cases/" + aliceSubmitted + "/copy").then().statusCode(403);
  }

  @Test
  void shouldFindCasesByReferencePrefixOrganisationAndPartyName() {
    String reference = as("alice").get("/api/cases/" + aliceSubmitted).path("reference");
    as("audrey")
        .queryParam("q", reference.toLowerCase())
        .get("/api/cases")
        .then()
        .statusCode(200)
        .body("items.id", contains(aliceSubmitted));
    as("audrey")
        .queryParam("q", "BOREALIS")
        .queryParam("destination", LIECHTENSTEIN)
        .get("/api/cases")
        .then()
        .body("items.id", contains(bobSubmitted));
    as("audrey")
        .queryParam("q", "kumo research")
        .queryParam("destination", LIECHTENSTEIN)
        .get("/api/cases")
        .then()
        .body("items.id", contains(aliceSubmitted));
  }

  @Test
  void shouldTreatLikeWildcardsAsPlainText() {
    as("audrey")
        .queryParam("q", "zyxwv_precision 100%")
        .get("/api/cases")
        .then()
        .body("items.id", contains(bobSubmitted));
    as("audrey").queryParam("q", "zyxwv%precision").get("/api/cases").then().body("items", empty());
  }

  @Test
  void shouldKeepVisibilityWhenSearchingText() {
    as("alice")
        .queryParam("q", "Zyxwv")
        .get("/api/cases")
        .then()
        .statusCode(200)
        .body("items", empty());
  }

  @Test
  void shouldRejectAnOverlongText() {
    as("alice")
        .queryParam("q", "x".repeat(101))
        .get("/api/cases")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("q"));
  }
}
