package org.clearance.api.cases;

import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.Applications.complete;
import static org.clearance.api.support.Applications.draft;
import static org.clearance.api.support.Applications.submitted;
import static org.clearance.api.support.Applications.withdraw;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clearance.api.support.FakeCaseProcess;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Searches within destination IS (Iceland), which no other test uses. */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class CaseSearchTest {

  static final String ICELAND = "IS";

  /** Alice: draft A, submitted B and C, withdrawn draft D. Bob: submitted E, draft F. */
  static String a, b, c, d, e, f;

  @BeforeEach
  void cases() {
    FakeCaseProcess.install();
    if (a == null) {
      a = draft("alice", complete(ICELAND, "3A090.a"));
      b = submitted("alice", ICELAND, "4E091");
      c = submitted("alice", ICELAND, "5D002");
      d = draft("alice", complete(ICELAND, "4E091"));
      withdraw("alice", d);
      e = submitted("bob", ICELAND, "3A090");
      f = draft("bob", complete(ICELAND, "3A090"));
    }
  }

  @Test
  void shouldShowAnApplicantOnlyHerOrganisationsCases() {
    as("alice")
        .queryParam("destination", ICELAND)
        .when()
        .get("/api/cases")
        .then()
        .statusCode(200)
        .body("items.id", containsInAnyOrder(a, b, c, d))
        .body("totalItems", equalTo(4));
    as("bob")
        .queryParam("destination", ICELAND)
        .when()
        .get("/api/cases")
        .then()
        .body("items.id", containsInAnyOrder(e, f));
  }

  @Test
  void shouldShowStaffEverySubmittedCaseButNoDraft() {
    for (String staff : new String[] {"audrey", "leo", "ava", "max"}) {
      as(staff)
          .queryParam("destination", ICELAND)
          .when()
          .get("/api/cases")
          .then()
          .statusCode(200)
          .body("items.id", containsInAnyOrder(b, c, e));
    }
  }

  @Test
  void shouldFilterByStatusAndStage() {
    as("alice")
        .queryParam("destination", ICELAND)
        .queryParam("status", "WITHDRAWN")
        .get("/api/cases")
        .then()
        .body("items.id", contains(d));
    as("alice")
        .queryParam("destination", ICELAND)
        .queryParam("stage", "DRAFTING")
        .get("/api/cases")
        .then()
        .body("items.id", contains(a));
    as("max")
        .queryParam("destination", ICELAND)
        .queryParam("status", "SUBMITTED", "WITHDRAWN")
        .get("/api/cases")
        .then()
        .body("items.id", containsInAnyOrder(b, c, e));
  }

  @Test
  void shouldFilterByOrganisation() {
    as("max")
        .queryParam("destination", ICELAND)
        .queryParam("organisation", "borealis-chips")
        .get("/api/cases")
        .then()
        .body("items.id", contains(e))
        .body("items[0].organisation", equalTo("borealis-chips"));
    as("alice")
        .queryParam("organisation", "borealis-chips")
        .get("/api/cases")
        .then()
        .statusCode(200)
        .body("items", empty())
        .body("totalItems", equalTo(0));
  }

  @Test
  void shouldFilterByClassificationIncludingSubParagraphs() {
    as("max")
        .queryParam("destination", ICELAND)
        .queryParam("classification", "3A090")
        .get("/api/cases")
        .then()
        .body("items.id", contains(e))
        .body("items[0].classifications", contains("3A090"));
    as("alice")
        .queryParam("destination", ICELAND)
        .queryParam("classification", "3A090")
        .get("/api/cases")
        .then()
        .body("items.id", contains(a));
  }

  @Test
  void shouldPageAndSortByAWhitelistedField() {
    as("alice")
        .queryParam("destination", ICELAND)
        .queryParam("sort", "reference,asc")
        .queryParam("size", 2)
        .queryParam("page", 0)
        .get("/api/cases")
        .then()
        .body("items.id", contains(a, b))
        .body("page", equalTo(0))
        .body("size", equalTo(2))
        .body("totalItems", equalTo(4))
        .body("totalPages", equalTo(2));
    as("alice")
        .queryParam("destination", ICELAND)
        .queryParam("sort", "reference,desc")
        .queryParam("size", 2)
        .queryParam("page", 1)
        .get("/api/cases")
        .then()
        .body("items.id", contains(b, a));
  }

  @Test
  void shouldRejectAnUnknownSortFieldAndAnUnknownStatus() {
    as("alice")
        .queryParam("sort", "contactEmail")
        .queryParam("status", "LOST")
        .get("/api/cases")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", endsWith("/invalid-search"))
        .body("errors.field", containsInAnyOrder("sort", "status"));
  }

  @Test
  void shouldRejectAnOversizedPageByThePagingRule() {
    as("alice")
        .queryParam("size", 101)
        .queryParam("sort", "contactEmail")
        .get("/api/cases")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", endsWith("/invalid-paging"))
        .body("errors.field", containsInAnyOrder("size"));
  }

  @Test
  void shouldSummariseEachCaseForAList() {
    as("alice")
        .queryParam("destination", ICELAND)
        .queryParam("status", "SUBMITTED")
        .get("/api/cases")
        .then()
        .body("items.reference", hasItem(org.hamcrest.Matchers.startsWith("EL-")))
        .body("items[0].stage", equalTo("SCREENING"))
        .body("items[0].destinations", contains(ICELAND));
  }
}
