package org.clearance.api.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.CaseProcess.auditActions;
import static org.clearance.api.support.CaseProcess.awaitStatus;
import static org.clearance.api.support.CaseProcess.awaitTask;
import static org.clearance.api.support.CaseProcess.caseAs;
import static org.clearance.api.support.CaseProcess.complete;
import static org.clearance.api.support.CaseProcess.submit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.clearance.api.screening.ScreeningLists;
import org.clearance.api.support.Applications;
import org.clearance.api.support.Await;
import org.clearance.api.support.CaseProcess;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;

/**
 * The life of a case through export-licence.bpmn on the real engine, with real tokens: every path
 * the process can take, asserted on statuses, tasks, audit events and process variables.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class ExportLicenceProcessTest {

  @Test
  void shouldTakeACaseThroughScreeningReviewsAndApprovalToTheLicenceStep() {
    // given
    String id = submit(Applications.complete("JP", "4E091"));

    // when
    String audit = awaitTask(id, "TECHNICAL_AUDIT");
    String legal = awaitTask(id, "LEGAL_REVIEW");
    assertThat(CaseProcess.status(id)).isEqualTo("UNDER_REVIEW");
    complete(
        "audrey", audit, "{\"outcome\": \"COMPLETE\", \"comment\": \"weights enclave verified\"}");
    complete("leo", legal, "{\"outcome\": \"complete\"}");
    String approval = awaitTask(id, "APPROVAL");
    awaitStatus(id, "AWAITING_APPROVAL");
    complete("ava", approval, "{\"outcome\": \"APPROVE\"}");

    // then
    awaitStatus(id, "APPROVED");
    as("alice")
        .get("/api/cases/" + id + "/licence")
        .then()
        .statusCode(200)
        .body("number", org.hamcrest.Matchers.startsWith("LIC-"));
    JsonPath process = caseAs("alice", id);
    assertThat(process.getString("process.classification")).isEqualTo("4E091");
    assertThat(process.getString("process.countryGroup")).isEqualTo("A:1");
    assertThat(process.getBoolean("process.licenceRequired")).isTrue();
    assertThat(process.getString("process.reviewPolicy")).isEqualTo("APPROVE");
    assertThat(auditActions(id))
        .containsSubsequence(
            "CASE_SUBMITTED",
            "SCREENING_STARTED",
            "PARTIES_SCREENED",
            "REVIEW_STARTED",
            "TASK_COMPLETED",
            "REVIEW_COMPLETED",
            "TASK_COMPLETED");
    assertThat(CaseProcess.tasks(id, "COMPLETED"))
        .extracting(t -> t.get("type") + " by " + t.get("completedBy"))
        .containsExactlyInAnyOrder(
            "TECHNICAL_AUDIT by audrey", "LEGAL_REVIEW by leo", "APPROVAL by ava");
  }

  @Test
  void shouldCloseTheCaseAsNoLicenceRequiredWhenNothingIsControlled() {
    // when
    String id = submit(Applications.complete("JP", "EAR99"));

    // then
    awaitStatus(id, "NO_LICENCE_REQUIRED");
    JsonPath closed = caseAs("alice", id);
    assertThat(closed.getBoolean("process.licenceRequired")).isFalse();
    assertThat(closed.getString("process.determinationBasis")).contains("EAR99");
    assertThat(closed.getString("closedAt")).isNotNull();
    assertThat(auditActions(id)).contains("PARTIES_SCREENED", "NO_LICENCE_REQUIRED");
    assertThat(CaseProcess.tasks(id, "ANY")).isEmpty();
  }

  @Test
  void shouldHaveLegalAdjudicatePotentialMatchesBeforeTheReviewsStart() {
    // given a consignee whose name is a listed party's, give or take its legal form
    String id = submit(CaseProcess.withConsignee("DE", "3A090", "VOLGA PHOTONICS, Ltd."));
    String adjudication = awaitTask(id, "ADJUDICATE_MATCHES");
    assertThat(CaseProcess.status(id)).isEqualTo("SCREENING");

    // when a disposition is missing
    as("leo")
        .contentType(ContentType.JSON)
        .body("{\"dispositions\": []}")
        .post("/api/tasks/" + adjudication + "/complete")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("dispositions"));

    // and when every match is disposed of
    long matchId =
        Await.until("screening matches", () -> matchIds(id), ids -> !ids.isEmpty()).get(0);
    complete(
        "leo",
        adjudication,
        "{\"dispositions\": [{\"matchId\": %d, \"disposition\": \"false_match\", \"reason\": \"different company, registered in Bavaria\"}]}"
            .formatted(matchId));

    // then the reviews begin, with the match disposed and not confirmed
    awaitTask(id, "TECHNICAL_AUDIT");
    awaitStatus(id, "UNDER_REVIEW");
    assertThat(auditActions(id)).contains("PARTIES_SCREENED", "TASK_COMPLETED", "REVIEW_STARTED");
  }

  @Test
  void shouldMakeACaseHighRiskAndNeedACountersignWhenLegalConfirmsAMatch() {
    // given a consignee whose name is a listed party's, reordered, in the entry's country
    String id = submit(CaseProcess.withConsignee("DE", "3A090", "Photonics Volga OOO"));
    String adjudication = awaitTask(id, "ADJUDICATE_MATCHES");
    List<Long> matches =
        Await.until("screening matches", () -> matchIds(id), ids -> !ids.isEmpty());
    JsonPath explained = as("leo").get("/api/cases/" + id + "/screening-matches").jsonPath();
    assertThat(explained.getString("[0].listedName")).isEqualTo("Volga Photonics GmbH");
    assertThat(explained.getList("[0].explanation.aligned.listedTokens", String.class))
        .containsExactlyInAnyOrder("volga", "photonics");

    // when legal confirms it
    StringBuilder dispositions = new StringBuilder();
    for (long matchId : matches) {
      dispositions
          .append(dispositions.isEmpty() ? "" : ",")
          .append(
              "{\"matchId\": %d, \"disposition\": \"TRUE_MATCH\", \"reason\": \"same registry number\"}"
                  .formatted(matchId));
    }
    complete("leo", adjudication, "{\"dispositions\": [" + dispositions + "]}");

    // then the case is high-risk, and its approval needs a manager's countersign
    complete("audrey", awaitTask(id, "TECHNICAL_AUDIT"), "{\"outcome\": \"COMPLETE\"}");
    complete("leo", awaitTask(id, "LEGAL_REVIEW"), "{\"outcome\": \"COMPLETE\"}");
    assertThat(caseAs("alice", id).getBoolean("process.highRisk")).isTrue();
    assertThat(caseAs("alice", id).getString("process.highRiskReason"))
        .contains("Confirmed screening match");
    complete("ava", awaitTask(id, "APPROVAL"), "{\"outcome\": \"APPROVE\"}");
    complete("max", awaitTask(id, "COUNTERSIGN"), "{\"outcome\": \"APPROVE\"}");
    awaitStatus(id, "APPROVED");
    assertThat(auditActions(id)).contains("PARTIES_SCREENED", "HIGH_RISK_FLAGGED");
  }

  @Test
  void shouldOpenANewAdjudicationWhenAReScreenRaisesAMatchAfterScreeningIsDone() {
    // given a case in review whose consignee matched nothing when it was screened
    String id = submit(CaseProcess.withConsignee("DE", "3A090", "Quillomar Vextrane Systems GmbH"));
    String audit = awaitTask(id, "TECHNICAL_AUDIT");
    String legal = awaitTask(id, "LEGAL_REVIEW");
    assertThat(matchIds(id)).isEmpty();

    // when a new list version names the consignee
    ScreeningLists.upload(
            "csl-csv",
            ScreeningLists.source(),
            "text/csv",
            ScreeningLists.CSL_HEADER
                + ScreeningLists.cslRow(
                    "q-1", "Entity", "Quillomar Vextrane Systems", "", "Industriestr. 1, DE"))
        .then()
        .statusCode(201);

    // then the legal reviewers get a new adjudication task for it, beside the running reviews
    String adjudication = awaitTask(id, "ADJUDICATE_MATCHES");
    assertThat(
            CaseProcess.openTasks(id).stream()
                .filter(t -> adjudication.equals(t.get("id")))
                .map(t -> t.get("elementId")))
        .containsExactly("Task_AdjudicateNewMatches");
    List<Long> matches = matchIds(id);
    assertThat(matches).hasSize(1);
    assertThat(auditActions(id)).contains("PARTIES_RESCREENED", "ADJUDICATION_REOPENED");

    // and the approval waits until the new match is disposed of
    complete("audrey", audit, "{\"outcome\": \"COMPLETE\"}");
    complete("leo", legal, "{\"outcome\": \"COMPLETE\"}");
    String approval = awaitTask(id, "APPROVAL");
    as("ava")
        .contentType(ContentType.JSON)
        .body("{\"outcome\": \"APPROVE\"}")
        .post("/api/tasks/" + approval + "/complete")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", org.hamcrest.Matchers.endsWith("matches-pending"));

    // when legal confirms the match
    complete(
        "leo",
        adjudication,
        "{\"dispositions\": [{\"matchId\": %d, \"disposition\": \"TRUE_MATCH\", \"reason\": \"same address\"}]}"
            .formatted(matches.get(0)));

    // then the case is high-risk and its approval needs a manager's countersign
    assertThat(caseAs("alice", id).getBoolean("process.highRisk")).isTrue();
    complete("ava", approval, "{\"outcome\": \"APPROVE\"}");
    complete("max", awaitTask(id, "COUNTERSIGN"), "{\"outcome\": \"APPROVE\"}");
    awaitStatus(id, "APPROVED");
  }

  @Test
  void shouldReturnTheCaseWithoutActionWhenARequestForInformationGoesUnanswered() {
    // given
    String id = submit(Applications.complete());
    String audit = awaitTask(id, "TECHNICAL_AUDIT");
    awaitTask(id, "LEGAL_REVIEW");
    as("audrey")
        .contentType(ContentType.JSON)
        .body("{\"outcome\": \"REQUEST_INFORMATION\"}")
        .post("/api/tasks/" + audit + "/complete")
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("question"));

    // when
    complete(
        "audrey",
        audit,
        "{\"outcome\": \"REQUEST_INFORMATION\", \"question\": \"Describe the weights' key management.\"}");

    // then
    awaitStatus(id, "RETURNED_WITHOUT_ACTION");
    as("alice")
        .get("/api/cases/" + id + "/rfis")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1))
        .body("[0].stage", equalTo("TECHNICAL_AUDIT"))
        .body("[0].question", equalTo("Describe the weights' key management."))
        .body("[0].askedBy", equalTo("audrey"))
        .body("[0].status", equalTo("EXPIRED"));
    assertThat(CaseProcess.openTasks(id)).isEmpty();
    assertThat(CaseProcess.tasks(id, "CANCELLED"))
        .extracting(t -> t.get("type"))
        .containsExactly("LEGAL_REVIEW");
    assertThat(auditActions(id))
        .containsSubsequence("INFORMATION_REQUESTED", "RETURNED_WITHOUT_ACTION", "TASK_CANCELLED");
  }

  @Test
  void shouldResumeTheReviewWithAMovedSlaPlanWhenTheApplicantAnswers() {
    // given
    String id = submit(Applications.complete());
    String legal = awaitTask(id, "LEGAL_REVIEW");
    complete(
        "leo",
        legal,
        "{\"outcome\": \"REQUEST_INFORMATION\", \"question\": \"Who is the end user?\"}");
    awaitStatus(id, "AWAITING_APPLICANT");
    String rfi =
        Await.until(
                "open request",
                () ->
                    as("alice").get("/api/cases/" + id + "/rfis").jsonPath().<String>getList("id"),
                ids -> !ids.isEmpty())
            .get(0);
    assertThat(caseAs("alice", id).getBoolean("process.sla.paused")).isTrue();

    // when
    as("bob")
        .contentType(ContentType.JSON)
        .body("{\"text\": \"not ours\"}")
        .post("/api/cases/" + id + "/rfis/" + rfi + "/answer")
        .then()
        .statusCode(404);
    // A document can be added while the applicant answers, and the answer names it.
    String evidence =
        as("alice")
            .multiPart("file", "end-user.txt", "Kumo Research KK".getBytes(), "text/plain")
            .post("/api/cases/" + id + "/documents")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("alice")
        .contentType(ContentType.JSON)
        .body(
            "{\"text\": \"Kumo Research KK, Tokyo, for medical triage.\", \"documentIds\": [\""
                + evidence
                + "\"]}")
        .post("/api/cases/" + id + "/rfis/" + rfi + "/answer")
        .then()
        .statusCode(200)
        .body("status", equalTo("ANSWERED"))
        .body("documentIds", org.hamcrest.Matchers.contains(evidence));

    // then the legal review comes back and the case is under review again
    Await.until(
        "a new legal review",
        () ->
            CaseProcess.openTasks(id).stream()
                .filter(t -> "LEGAL_REVIEW".equals(t.get("type")))
                .map(t -> t.get("id"))
                .findFirst(),
        found -> found.isPresent() && !found.get().equals(legal));
    assertThat(CaseProcess.status(id)).isEqualTo("UNDER_REVIEW");
    assertThat(caseAs("alice", id).getBoolean("process.sla.paused")).isFalse();
    assertThat(auditActions(id))
        .containsSubsequence("INFORMATION_REQUESTED", "INFORMATION_PROVIDED");
  }

  @Test
  void shouldDenyWithTheApproversReasonsAndAnAppealDeadline() {
    // given
    String id = CaseProcess.reviewed();
    String approval = awaitTask(id, "APPROVAL");
    as("ava")
        .contentType(ContentType.JSON)
        .body("{\"outcome\": \"DENY\", \"reasons\": []}")
        .post("/api/tasks/" + approval + "/complete")
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("reasons"));

    // when
    complete(
        "ava",
        approval,
        "{\"outcome\": \"DENY\", \"reasons\": [\"Risk of diversion to a military end user\"]}");

    // then
    awaitStatus(id, "DENIED");
    JsonPath denied = caseAs("alice", id);
    assertThat(denied.getList("process.denialReasons"))
        .containsExactly("Risk of diversion to a military end user");
    assertThat(denied.getString("process.appealDeadline"))
        .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(45).toString());
    assertThat(auditActions(id)).contains("CASE_DENIED");
  }

  @Test
  void shouldNeedAManagersCountersignForAHighRiskCase() {
    // given a case a manager flagged as high-risk during review
    String id = submit(Applications.complete());
    awaitTask(id, "TECHNICAL_AUDIT");
    as("max")
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"end user linked to a sanctioned lab\"}")
        .post("/api/cases/" + id + "/high-risk")
        .then()
        .statusCode(200)
        .body("highRisk", equalTo(true));
    complete("audrey", awaitTask(id, "TECHNICAL_AUDIT"), "{\"outcome\": \"COMPLETE\"}");
    complete("leo", awaitTask(id, "LEGAL_REVIEW"), "{\"outcome\": \"COMPLETE\"}");

    // when
    complete("ava", awaitTask(id, "APPROVAL"), "{\"outcome\": \"APPROVE\"}");

    // then
    String countersign = awaitTask(id, "COUNTERSIGN");
    awaitStatus(id, "COUNTERSIGN");
    as("ava").post("/api/tasks/" + countersign + "/claim").then().statusCode(403);
    complete("max", countersign, "{\"outcome\": \"APPROVE\"}");
    awaitStatus(id, "APPROVED");
    assertThat(caseAs("alice", id).getBoolean("process.highRisk")).isTrue();
    assertThat(CaseProcess.tasks(id, "COMPLETED"))
        .extracting(t -> t.get("type") + " by " + t.get("completedBy"))
        .contains("APPROVAL by ava", "COUNTERSIGN by max");
  }

  @Test
  void shouldDenyWhenAManagerRefusesToCountersignAPresumptionOfDenial() {
    // given chips to an arms-embargoed destination (D:5): approval needs a countersign
    String id = submit(Applications.complete("CN", "3A090"));
    complete("audrey", awaitTask(id, "TECHNICAL_AUDIT"), "{\"outcome\": \"COMPLETE\"}");
    complete("leo", awaitTask(id, "LEGAL_REVIEW"), "{\"outcome\": \"COMPLETE\"}");
    complete("ava", awaitTask(id, "APPROVAL"), "{\"outcome\": \"APPROVE\"}");
    String countersign = awaitTask(id, "COUNTERSIGN");

    // when
    complete(
        "max",
        countersign,
        "{\"outcome\": \"DENY\", \"reasons\": [\"Destination under arms embargo\"]}");

    // then
    awaitStatus(id, "DENIED");
    JsonPath denied = caseAs("alice", id);
    assertThat(denied.getString("process.countryGroup")).isEqualTo("D:5");
    assertThat(denied.getString("process.reviewPolicy")).isEqualTo("PRESUMPTION_OF_DENIAL");
    assertThat(denied.getList("process.denialReasons"))
        .containsExactly("Destination under arms embargo");
  }

  @Test
  void shouldCloseOpenTasksWhenTheApplicantWithdraws() {
    // given
    String id = submit(Applications.complete());
    awaitTask(id, "TECHNICAL_AUDIT");
    awaitTask(id, "LEGAL_REVIEW");

    // when
    Applications.withdraw("alice", id);

    // then
    assertThat(CaseProcess.status(id)).isEqualTo("WITHDRAWN");
    assertThat(CaseProcess.openTasks(id)).isEmpty();
    assertThat(CaseProcess.tasks(id, "CANCELLED")).hasSize(2);
    assertThat(auditActions(id))
        .containsSubsequence("CASE_WITHDRAWN", "TASK_CANCELLED", "TASK_CANCELLED");
  }

  private static List<Long> matchIds(String caseId) {
    return as("leo")
        .get("/api/cases/" + caseId + "/screening-matches")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("id", Long.class);
  }
}
