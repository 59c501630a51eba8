package org.clearance.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.CaseProcess.awaitTask;
import static org.clearance.api.support.CaseProcess.submit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clearance.api.security.service.Caller;
import org.clearance.api.support.Applications;
import org.clearance.api.support.CaseProcess;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may do what with tasks, requests for information, the high-risk flag and country groups:
 * every role with real tokens, on a case the real process has brought to review.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskAuthorizationTest {

  String caseId;
  String auditTask;
  String legalTask;

  /** One case under review shared by the tests (set up once the application listens). */
  @BeforeEach
  void aCaseUnderReview() {
    if (caseId != null) {
      return;
    }
    caseId = submit(Applications.complete());
    auditTask = awaitTask(caseId, "TECHNICAL_AUDIT");
    legalTask = awaitTask(caseId, "LEGAL_REVIEW");
  }

  @ParameterizedTest(name = "{0} lists tasks: {1}")
  @CsvSource({"alice,403", "bob,403", "adam,403", "audrey,200", "leo,200", "ava,200", "max,200"})
  void shouldOpenTheInboxesToCaseStaffOnly(String user, int status) {
    as(user).get("/api/tasks").then().statusCode(status);
  }

  @Test
  void shouldOfferEachRoleOnlyItsOwnTasks() {
    as("audrey")
        .queryParam("caseId", caseId)
        .get("/api/tasks")
        .then()
        .statusCode(200)
        .body("items.type", equalTo(List.of("TECHNICAL_AUDIT")))
        .body("items[0].candidateRole", equalTo("auditor"))
        .body("items[0].sla.state", equalTo("ON_TRACK"))
        .body("items[0].dueAt", org.hamcrest.Matchers.notNullValue());
    as("leo")
        .queryParam("caseId", caseId)
        .get("/api/tasks")
        .then()
        .body("items.type", equalTo(List.of("LEGAL_REVIEW")));
    as("ava").queryParam("caseId", caseId).get("/api/tasks").then().body("totalItems", equalTo(0));
    as("audrey").queryParam("all", true).get("/api/tasks").then().statusCode(403);
  }

  @ParameterizedTest(name = "{0} claims the technical audit: {1}")
  @CsvSource({"alice,403", "bob,403", "adam,403", "leo,403", "ava,403", "max,403"})
  void shouldRefuseClaimsOutsideTheTasksRole(String user, int status) {
    as(user)
        .post("/api/tasks/" + auditTask + "/claim")
        .then()
        .statusCode(status)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRejectInvalidInboxFiltersAndUnknownTasks() {
    as("audrey")
        .queryParam("type", "LUNCH")
        .get("/api/tasks")
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("type"));
    as("audrey")
        .post("/api/tasks/00000000-0000-0000-0000-000000000000/claim")
        .then()
        .statusCode(404);
  }

  @Test
  void shouldLetExactlyOneOfTwoConcurrentClaimsWin() throws Exception {
    // given
    String id = submit(Applications.complete());
    String task = awaitTask(id, "TECHNICAL_AUDIT");
    as("audrey").get("/api/tasks").then().statusCode(200); // token fetched before the race
    CountDownLatch start = new CountDownLatch(1);
    Callable<Integer> claim =
        () -> {
          start.await();
          return as("audrey").post("/api/tasks/" + task + "/claim").statusCode();
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // when
      Future<Integer> first = pool.submit(claim);
      Future<Integer> second = pool.submit(claim);
      start.countDown();

      // then
      assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
    } finally {
      pool.shutdownNow();
    }
    as("max")
        .contentType(ContentType.JSON)
        .body("{\"assignee\": \"nobody-we-know\"}")
        .post("/api/tasks/" + task + "/reassign")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("assignee"))
        .body("errors[0].message", containsString("no user nobody-we-know is known"));
    as("leo").get("/api/me").then().statusCode(200); // any signed-in request makes leo known
    as("max")
        .contentType(ContentType.JSON)
        .body("{\"assignee\": \"leo\"}")
        .post("/api/tasks/" + task + "/reassign")
        .then()
        .statusCode(400)
        .body("errors[0].message", containsString("does not have the role auditor"));
    as("audrey")
        .contentType(ContentType.JSON)
        .body("{\"assignee\": \"audrey\"}")
        .post("/api/tasks/" + task + "/reassign")
        .then()
        .statusCode(403);
    as("max")
        .contentType(ContentType.JSON)
        .body("{\"assignee\": \"audrey\"}")
        .post("/api/tasks/" + task + "/reassign")
        .then()
        .statusCode(200)
        .body("assignee", equalTo("audrey"));
    as("audrey").post("/api/tasks/" + task + "/unclaim").then().statusCode(200);
    CaseProcess.complete("audrey", task, "{\"outcome\": \"COMPLETE\"}");
    as("audrey").post("/api/tasks/" + task + "/claim").then().statusCode(409);
    as("audrey")
        .contentType(ContentType.JSON)
        .body("{\"outcome\": \"COMPLETE\"}")
        .post("/api/tasks/" + task + "/complete")
        .then()
        .statusCode(409)
        .body("type", containsString("task-closed"));
  }

  @Test
  void shouldRefuseAnApprovalBySomeoneWhoReviewedTheCase() {
    // given a case whose technical audit audrey completed
    String id = CaseProcess.reviewed();
    String approval = awaitTask(id, "APPROVAL");

    // when audrey, now also an approver, claims its approval (roles from a stand-in caller)
    QuarkusMock.installMockForType(
        new org.clearance.api.security.service.FixedCaller(
            "audrey", Set.of(Caller.AUDITOR, Caller.APPROVER)),
        Caller.class);

    // then
    as("ava")
        .post("/api/tasks/" + approval + "/claim")
        .then()
        .statusCode(403)
        .body("detail", containsString("Four eyes"))
        .body("detail", containsString("TECHNICAL_AUDIT"));
  }

  @ParameterizedTest(name = "{0} flags a case high-risk: {1}")
  @CsvSource({"alice,403", "adam,403", "audrey,403", "leo,403", "ava,403"})
  void shouldLetOnlyManagersFlagHighRisk(String user, int status) {
    as(user)
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"x\"}")
        .post("/api/cases/" + caseId + "/high-risk")
        .then()
        .statusCode(status);
  }

  @Test
  void shouldHideRequestsForInformationFromOtherOrganisations() {
    as("bob").get("/api/cases/" + caseId + "/rfis").then().statusCode(404);
    as("bob")
        .contentType(ContentType.JSON)
        .body("{\"text\": \"x\"}")
        .post("/api/cases/" + caseId + "/rfis/00000000-0000-0000-0000-000000000000/answer")
        .then()
        .statusCode(404);
    as("audrey")
        .contentType(ContentType.JSON)
        .body("{\"text\": \"x\"}")
        .post("/api/cases/" + caseId + "/rfis/00000000-0000-0000-0000-000000000000/answer")
        .then()
        .statusCode(403);
    as("alice")
        .contentType(ContentType.JSON)
        .body("{\"text\": \"x\"}")
        .post("/api/cases/" + caseId + "/rfis/00000000-0000-0000-0000-000000000000/answer")
        .then()
        .statusCode(404);
    as("alice").get("/api/cases/" + caseId + "/screening-matches").then().statusCode(403);
  }

  @Test
  void shouldFindCasesByAssigneeAndOverdue() {
    // given
    String id = submit(Applications.complete());
    String task = awaitTask(id, "LEGAL_REVIEW");
    as("leo").post("/api/tasks/" + task + "/claim").then().statusCode(200);

    // then
    as("max")
        .queryParam("assignee", "leo")
        .get("/api/cases")
        .then()
        .statusCode(200)
        .body("items.id", hasItems(id));
    as("audrey")
        .queryParam("assignee", "me")
        .get("/api/cases")
        .then()
        .body("items.id", everyItem(org.hamcrest.Matchers.not(id)));
    as("max")
        .queryParam("overdue", true)
        .get("/api/cases")
        .then()
        .statusCode(200)
        .body("items.id", everyItem(org.hamcrest.Matchers.not(id)));
  }

  @Test
  void shouldListWhoAManagerMayHandATaskTo() {
    // given: audrey and leo are known from their tokens
    as("audrey").get("/api/tasks").then().statusCode(200);
    as("leo").get("/api/tasks").then().statusCode(200);

    // then: the audit goes to auditors only
    as("max")
        .get("/api/tasks/" + auditTask + "/eligible-assignees")
        .then()
        .statusCode(200)
        .body("$", org.hamcrest.Matchers.hasItem("audrey"))
        .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("leo")));
    as("audrey").get("/api/tasks/" + auditTask + "/eligible-assignees").then().statusCode(403);
    as("max")
        .get("/api/tasks/" + java.util.UUID.randomUUID() + "/eligible-assignees")
        .then()
        .statusCode(404);
  }

  @Test
  void shouldKeepTheManagersNoteOnAReassignment() {
    // given: a case of its own, so the other tests' tasks stay unassigned
    String ownCase = submit(Applications.complete());
    String ownAudit = awaitTask(ownCase, "TECHNICAL_AUDIT");
    as("audrey").get("/api/tasks").then().statusCode(200);
    as("max")
        .contentType(ContentType.JSON)
        .body(java.util.Map.of("assignee", "audrey", "note", "x".repeat(501)))
        .post("/api/tasks/" + ownAudit + "/reassign")
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("note"));
    as("max")
        .contentType(ContentType.JSON)
        .body(java.util.Map.of("assignee", "audrey", "note", "Covering for the holidays"))
        .post("/api/tasks/" + ownAudit + "/reassign")
        .then()
        .statusCode(200)
        .body("assignee", equalTo("audrey"));
    as("max")
        .get("/api/cases/" + ownCase + "/audit")
        .then()
        .statusCode(200)
        .body(
            "find { it.action == 'TASK_REASSIGNED' }.detail.note",
            equalTo("Covering for the holidays"));
  }
}
