package org.clearance.api.dashboard;

import static org.clearance.api.cases.domain.CaseStatus.APPROVED;
import static org.clearance.api.cases.domain.CaseStatus.AWAITING_APPLICANT;
import static org.clearance.api.cases.domain.CaseStatus.AWAITING_APPROVAL;
import static org.clearance.api.cases.domain.CaseStatus.SCREENING;
import static org.clearance.api.cases.domain.CaseStatus.UNDER_REVIEW;
import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The process heat map and the case search's element filter over cases seeded with known times:
 * every badge equals the length of the list behind it.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessHeatmapTest {

  static final String ORG = "heatmap-org";

  @Inject AgroalDataSource dataSource;

  UUID screening;
  UUID inReview;
  UUID waiting;
  UUID approved;
  boolean seeded;

  @BeforeEach
  void seed() {
    if (seeded) {
      return;
    }
    seeded = true;
    CaseSeed seed = new CaseSeed(dataSource);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    // A: in screening now, past its total target -> overdue there
    screening = seed.submitted(ORG, hours(now, -30)).then(1, SCREENING).id;
    seed.sla(screening, hours(now, -1), null);

    // B: 2 h of screening, in review: audit task overdue, legal task due in 5 days
    inReview = seed.submitted(ORG, hours(now, -100)).then(1, SCREENING).then(1, UNDER_REVIEW).id;
    seed.sla(inReview, hours(now, 2000), null);
    task(seed, inReview, "Task_TechnicalAudit", "TECHNICAL_AUDIT", "auditor", hours(now, -24));
    task(seed, inReview, "Task_LegalReview", "LEGAL_REVIEW", "legal", hours(now, 120));

    // C: 4 h of screening, waiting for the applicant since 3 days (clock stopped then); its audit
    // task was due a day ago, after the clock stopped -> not overdue
    waiting =
        seed.submitted(ORG, hours(now, -200))
            .then(2, SCREENING)
            .then(2, UNDER_REVIEW)
            .then(124, AWAITING_APPLICANT)
            .id;
    seed.sla(waiting, hours(now, 2000), hours(now, -72));
    task(seed, waiting, "Task_TechnicalAudit", "TECHNICAL_AUDIT", "auditor", hours(now, -24));
    request(seed, waiting, "LEGAL_REVIEW", hours(now, -72), hours(now, 168), null);

    // D: 6 h of screening, approved two days ago; five audits done in 10, 20, 30, 40, 100 hours,
    // one legal request answered after 48 hours
    approved =
        seed.submitted(ORG, hours(now, -400))
            .then(3, SCREENING)
            .then(3, UNDER_REVIEW)
            .then(200, AWAITING_APPROVAL)
            .then(146, APPROVED)
            .id;
    for (int taskHours : new int[] {10, 20, 30, 40, 100}) {
      completedTask(seed, approved, "Task_TechnicalAudit", hours(now, -300), taskHours);
    }
    request(seed, approved, "LEGAL_REVIEW", hours(now, -350), hours(now, -100), hours(now, -302));
  }

  @AfterAll
  void removeSeededTasks() {
    new CaseSeed(dataSource)
        .execute(
            "DELETE FROM cases.review_task WHERE case_id IN"
                + " (SELECT id FROM cases.export_case WHERE organisation = ?)",
            ORG);
    new CaseSeed(dataSource)
        .execute(
            "DELETE FROM cases.information_request WHERE case_id IN"
                + " (SELECT id FROM cases.export_case WHERE organisation = ?)",
            ORG);
  }

  private JsonPath heatmap() {
    return as("max")
        .queryParam("organisation", ORG)
        .when()
        .get("/api/dashboard/process-heatmap")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .extract()
        .jsonPath();
  }

  private static String at(String elementId) {
    return "elements.find { it.elementId == '" + elementId + "' }";
  }

  @Test
  void shouldCountTheCasesAtEachElementNowAndHowManyAreOverdue() {
    JsonPath map = heatmap();

    assertFigures(map, "Task_ScreenParties", 1, 1);
    assertFigures(map, "Task_TechnicalAudit", 2, 1);
    assertFigures(map, "Task_LegalReview", 1, 0);
    assertFigures(map, "Gateway_AwaitLegalAnswer", 1, 0);
    assertFigures(map, "Gateway_AwaitAuditAnswer", 0, 0);
    assertFigures(map, "Task_Approval", 0, 0);
    assertFigures(map, "EndEvent_Approved", 1, 0);
    assertFigures(map, "EndEvent_Denied", 0, 0);
    org.assertj.core.api.Assertions.assertThat(map.getString("processId"))
        .isEqualTo("export-licence");
    org.assertj.core.api.Assertions.assertThat(map.getString(at("Task_TechnicalAudit") + ".name"))
        .isEqualTo("Technical audit");
    org.assertj.core.api.Assertions.assertThat(map.getString(at("Task_TechnicalAudit") + ".type"))
        .isEqualTo("userTask");
    org.assertj.core.api.Assertions.assertThat(
            map.getString(at("Gateway_AwaitLegalAnswer") + ".kind"))
        .isEqualTo("AWAITING_ANSWER");
  }

  @Test
  void shouldGiveTheTimeSpentAtEachElementOverTheWindow() {
    JsonPath map = heatmap();

    // audits of 10, 20, 30, 40, 100 h: p50 30, p90 40 + 0.6 * 60
    assertTimes(map, "Task_TechnicalAudit", 5, 30.0, 76.0);
    // screening of B, C, D: 2, 4, 6 h (A is still in it)
    assertTimes(map, "Task_ScreenParties", 3, 4.0, 5.6);
    assertTimes(map, "Gateway_AwaitLegalAnswer", 1, 48.0, 48.0);
    assertTimes(map, "Task_LegalReview", 0, null, null);
    // nobody spends time at an end event
    org.assertj.core.api.Assertions.assertThat(
            (Object) map.get(at("EndEvent_Approved") + ".passedInWindow"))
        .isNull();
  }

  @Test
  void shouldListTheCasesBehindEachBadge() {
    assertCasesAt("Task_ScreenParties", false, screening);
    assertCasesAt("Task_ScreenParties", true, screening);
    assertCasesAt("Task_TechnicalAudit", false, inReview, waiting);
    assertCasesAt("Task_TechnicalAudit", true, inReview);
    assertCasesAt("Task_LegalReview", false, inReview);
    assertCasesAt("Task_LegalReview", true);
    assertCasesAt("Gateway_AwaitLegalAnswer", false, waiting);
    assertCasesAt("EndEvent_Approved", false, approved);
    assertCasesAt("EndEvent_Approved", true);
  }

  @Test
  void shouldFilterCasesBySubmissionDates() {
    String tenDaysAgo =
        java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(10).toString();
    as("max")
        .queryParam("organisation", ORG)
        .queryParam("submittedTo", tenDaysAgo)
        .when()
        .get("/api/cases")
        .then()
        .statusCode(200)
        .body("items.id", containsInAnyOrder(approved.toString()));
    as("max")
        .queryParam("organisation", ORG)
        .queryParam("submittedFrom", tenDaysAgo)
        .when()
        .get("/api/cases")
        .then()
        .statusCode(200)
        .body(
            "items.id",
            containsInAnyOrder(screening.toString(), inReview.toString(), waiting.toString()));
    as("max")
        .queryParam("submittedFrom", "2026-12-31")
        .queryParam("submittedTo", "yesterday")
        .when()
        .get("/api/cases")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("submittedTo"));
    as("max")
        .queryParam("submittedFrom", "2026-12-31")
        .queryParam("submittedTo", "2026-12-01")
        .when()
        .get("/api/cases")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("submittedFrom"));
  }

  @Test
  void shouldRejectAnElementWhereNoCaseWaits() {
    as("max")
        .queryParam("element", "Gateway_ReviewFork")
        .when()
        .get("/api/cases")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("element"))
        .body("errors[0].message", containsString("Task_TechnicalAudit"));
  }

  @Test
  void shouldNameMalformedFilters() {
    as("max")
        .queryParam("weeks", "0")
        .queryParam("destination", "Japan")
        .when()
        .get("/api/dashboard/process-heatmap")
        .then()
        .statusCode(400)
        .body("type", endsWith("/invalid-dashboard-filter"))
        .body("errors.field", containsInAnyOrder("weeks", "destination"));
  }

  @Test
  void shouldCoverEveryPlaceOfTheModel() {
    as("max")
        .when()
        .get("/api/dashboard/process-heatmap")
        .then()
        .statusCode(200)
        .body(
            "elements.elementId",
            hasItems(
                "Task_ScreenParties",
                "Task_AdjudicateMatches",
                "Task_TechnicalAudit",
                "Task_LegalReview",
                "Task_Approval",
                "Task_Countersign",
                "Gateway_AwaitAuditAnswer",
                "Gateway_AwaitLegalAnswer",
                "EndEvent_Approved",
                "EndEvent_Denied",
                "EndEvent_NoLicenceRequired",
                "EndEvent_ReturnedWithoutAction"))
        .body("elements.name", org.hamcrest.Matchers.not(hasItems(nullValue())));
  }

  private void assertFigures(JsonPath map, String element, long now, long overdue) {
    org.assertj.core.api.Assertions.assertThat(map.getLong(at(element) + ".casesNow"))
        .as(element + " cases now")
        .isEqualTo(now);
    org.assertj.core.api.Assertions.assertThat(map.getLong(at(element) + ".overdueNow"))
        .as(element + " overdue now")
        .isEqualTo(overdue);
  }

  private void assertTimes(JsonPath map, String element, long passed, Double p50, Double p90) {
    org.assertj.core.api.Assertions.assertThat(map.getLong(at(element) + ".passedInWindow"))
        .as(element + " passed")
        .isEqualTo(passed);
    org.assertj.core.api.Assertions.assertThat((Object) map.get(at(element) + ".p50Hours"))
        .as(element + " p50")
        .isEqualTo(p50 == null ? null : (Object) p50.floatValue());
    org.assertj.core.api.Assertions.assertThat((Object) map.get(at(element) + ".p90Hours"))
        .as(element + " p90")
        .isEqualTo(p90 == null ? null : (Object) p90.floatValue());
  }

  private void assertCasesAt(String element, boolean overdue, UUID... expected) {
    List<String> ids = java.util.Arrays.stream(expected).map(UUID::toString).toList();
    as("max")
        .queryParam("organisation", ORG)
        .queryParam("element", element)
        .queryParam("overdue", overdue)
        .when()
        .get("/api/cases")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(ids.size()))
        .body("items.id", containsInAnyOrder(ids.toArray()));
    // the badge says the same
    JsonPath map = heatmap();
    org.assertj.core.api.Assertions.assertThat(
            map.getLong(at(element) + (overdue ? ".overdueNow" : ".casesNow")))
        .as(element + (overdue ? " overdue" : " now") + " badge")
        .isEqualTo(ids.size());
  }

  private static final java.util.concurrent.atomic.AtomicLong KEYS =
      new java.util.concurrent.atomic.AtomicLong(
          9_200_000_000_000L + System.nanoTime() % 1_000_000);

  private static void task(
      CaseSeed seed, UUID caseId, String element, String type, String role, Instant due) {
    long key = KEYS.incrementAndGet();
    seed.execute(
        "INSERT INTO cases.review_task (id, case_id, job_key, process_instance_key, element_id,"
            + " task_type, candidate_role, status, due_at, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)",
        UUID.randomUUID(),
        caseId,
        key,
        key,
        element,
        type,
        role,
        CaseSeed.utc(due),
        CaseSeed.utc(due.minus(Duration.ofDays(20))));
  }

  private static void completedTask(
      CaseSeed seed, UUID caseId, String element, Instant created, int hours) {
    long key = KEYS.incrementAndGet();
    seed.execute(
        "INSERT INTO cases.review_task (id, case_id, job_key, process_instance_key, element_id,"
            + " task_type, candidate_role, assignee, status, due_at, created_at, completed_at,"
            + " completed_by) VALUES (?, ?, ?, ?, ?, 'TECHNICAL_AUDIT', 'auditor', 'heat-auditor',"
            + " 'COMPLETED', ?, ?, ?, 'heat-auditor')",
        UUID.randomUUID(),
        caseId,
        key,
        key,
        element,
        CaseSeed.utc(created.plus(Duration.ofDays(20))),
        CaseSeed.utc(created),
        CaseSeed.utc(created.plus(Duration.ofHours(hours))));
  }

  private static void request(
      CaseSeed seed, UUID caseId, String stage, Instant asked, Instant answerBy, Instant answered) {
    seed.execute(
        "INSERT INTO cases.information_request (id, case_id, stage, question, asked_by, asked_at,"
            + " answer_by, status, answer, answered_by, answered_at, job_key)"
            + " VALUES (?, ?, ?, 'Who is the end user?', 'heat-legal', ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID(),
        caseId,
        stage,
        CaseSeed.utc(asked),
        CaseSeed.utc(answerBy),
        answered == null ? "OPEN" : "ANSWERED",
        answered == null ? null : "A university lab.",
        answered == null ? null : "alice",
        answered == null ? null : CaseSeed.utc(answered),
        KEYS.incrementAndGet());
  }

  private static Instant hours(Instant from, long hours) {
    return from.plus(Duration.ofHours(hours));
  }
}
