package org.clearance.api.tasks;

import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.CaseProcess.awaitTask;
import static org.clearance.api.support.CaseProcess.submit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.clearance.api.support.Applications;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The inbox filters the web UI offers (the case's stage, destination and classification; due-date
 * order) and the decision fields it sends (provisos and licence conditions), on cases the real
 * process has brought to review. Destinations NO (Norway) and NZ (New Zealand).
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskInboxFilterTest {

  String norway;
  String newZealand;

  @BeforeEach
  void twoCasesUnderReview() {
    if (norway != null) {
      return;
    }
    norway = submit(Applications.complete("NO", "4E091"));
    newZealand = submit(Applications.complete("NZ", "3A090.a"));
    awaitTask(norway, "TECHNICAL_AUDIT");
    awaitTask(newZealand, "TECHNICAL_AUDIT");
  }

  @Test
  void shouldFilterTasksByTheirCasesDestinationAndClassification() {
    as("audrey")
        .queryParam("destination", "no")
        .get("/api/tasks")
        .then()
        .statusCode(200)
        .body("items.caseId", hasItem(norway))
        .body("items.caseId", not(hasItem(newZealand)));
    as("audrey")
        .queryParam("classification", "3A090")
        .queryParam("destination", "NZ")
        .get("/api/tasks")
        .then()
        .body("items.caseId", contains(newZealand));
    as("audrey")
        .queryParam("classification", "4E091")
        .queryParam("destination", "NZ")
        .get("/api/tasks")
        .then()
        .body("items", empty());
  }

  @Test
  void shouldShowAnyReviewerTheWholeReviewHistoryOfOneCase() {
    as("ava")
        .queryParam("caseId", norway)
        .queryParam("all", true)
        .queryParam("status", "ANY")
        .get("/api/tasks")
        .then()
        .statusCode(200)
        .body("items.type", hasItem("TECHNICAL_AUDIT"))
        .body("items.type", hasItem("LEGAL_REVIEW"));
    as("ava").queryParam("all", true).get("/api/tasks").then().statusCode(403);
  }

  @Test
  void shouldFilterTasksByTheirCasesStage() {
    as("audrey")
        .queryParam("stage", "REVIEW")
        .queryParam("destination", "NO")
        .get("/api/tasks")
        .then()
        .body("items.caseId", contains(norway));
    as("audrey")
        .queryParam("stage", "APPROVAL,CLOSED")
        .queryParam("destination", "NO")
        .get("/api/tasks")
        .then()
        .body("items", empty());
  }

  @Test
  void shouldSortByDueDateBothWays() {
    java.util.List<String> ascending =
        as("leo").queryParam("size", 100).get("/api/tasks").then().extract().path("items.dueAt");
    java.util.List<String> descending =
        as("leo")
            .queryParam("size", 100)
            .queryParam("sort", "dueAt,desc")
            .get("/api/tasks")
            .then()
            .extract()
            .path("items.dueAt");
    org.assertj.core.api.Assertions.assertThat(ascending).isSortedAccordingTo(String::compareTo);
    org.assertj.core.api.Assertions.assertThat(descending)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void shouldNameEveryMalformedFilter() {
    as("audrey")
        .queryParam("stage", "NOWHERE")
        .queryParam("destination", "Norway")
        .queryParam("sort", "createdAt")
        .get("/api/tasks")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("stage", "destination", "sort"));
  }

  @Test
  void shouldKeepTheLegalReviewersProvisos() {
    String task = awaitTask(newZealand, "LEGAL_REVIEW");
    as("leo").post("/api/tasks/" + task + "/claim").then().statusCode(200);
    as("leo")
        .contentType(ContentType.JSON)
        .body(
            "{\"outcome\": \"COMPLETE\", \"comment\": \"approve\","
                + " \"conditions\": [\" No re-export to D:5 \", \"\"]}")
        .post("/api/tasks/" + task + "/complete")
        .then()
        .statusCode(200)
        .body("decision.conditions", contains("No re-export to D:5"));
  }

  @Test
  void shouldRefuseAnOverlongConditionAndKeepTheTaskOpen() {
    String task = awaitTask(norway, "TECHNICAL_AUDIT");
    as("audrey").post("/api/tasks/" + task + "/claim").then().statusCode(200);
    as("audrey")
        .contentType(ContentType.JSON)
        .body("{\"outcome\": \"COMPLETE\", \"conditions\": [\"" + "x".repeat(5000) + "\"]}")
        .post("/api/tasks/" + task + "/complete")
        .then()
        .statusCode(400)
        .body("errors.field", contains("conditions[0]"))
        .body("errors.message", hasItem(not(equalTo(""))));
    as("audrey").get("/api/tasks/" + task).then().body("status", equalTo("OPEN"));
  }
}
