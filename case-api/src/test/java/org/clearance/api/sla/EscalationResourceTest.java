package org.clearance.api.sla;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.CaseProcess.awaitTask;
import static org.clearance.api.support.CaseProcess.submit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.clearance.api.support.Applications;
import org.clearance.api.support.Await;
import org.clearance.api.support.CaseProcess;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Managers list the SLA escalations: one produced by the real process (short targets), and four
 * written straight into the tables in March 2020, so that every filter has exact values to narrow.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
@TestProfile(SlaEscalationTest.ShortTargets.class)
class EscalationResourceTest {

  /** The element id of seeded tasks, removed after the class so no inbox keeps them. */
  static final String SEEDED_TASK = "Task_EscalationSeed";

  static final String MARCH_FROM = "2020-03-01";
  static final String MARCH_TO = "2020-03-31";

  static final AtomicLong JOB_KEYS =
      new AtomicLong(9_200_000_000_000L + System.nanoTime() % 1_000_000);

  /** Case A: under review, escalated twice; B: withdrawn; C: waiting for the applicant. */
  static UUID caseA;

  static UUID caseB;
  static UUID caseC;
  static String auditTaskOfA;

  @Inject AgroalDataSource dataSource;

  @BeforeEach
  void seed() {
    if (caseA != null) {
      return;
    }
    caseA = seededCase("esc-org-a", "UNDER_REVIEW", null);
    caseB = seededCase("esc-org-b", "WITHDRAWN", null);
    caseC = seededCase("esc-org-c", "AWAITING_APPLICANT", at("2020-03-06T10:00:00Z"));
    auditTaskOfA =
        seededTask(
            caseA, "TECHNICAL_AUDIT", "auditor", "esc-auditor", "OPEN", "2020-03-02T09:00:00Z");
    seededTask(caseA, "LEGAL_REVIEW", "legal", null, "OPEN", "2020-03-03T09:00:00Z");
    seededTask(caseB, "APPROVAL", "approver", "esc-approver", "CANCELLED", "2020-03-04T12:00:00Z");
    seededTask(caseC, "LEGAL_REVIEW", "legal", "esc-legal", "OPEN", "2020-03-04T00:00:00Z");
    escalation(caseA, "TECHNICAL_AUDIT", "2020-03-02T09:00:00Z", "2020-03-02T09:00:05Z");
    escalation(caseA, "LEGAL_REVIEW", "2020-03-03T09:00:00Z", "2020-03-03T09:00:02Z");
    escalation(caseB, "APPROVAL", "2020-03-04T12:00:00Z", "2020-03-04T12:00:01Z");
    escalation(caseC, "TOTAL", "2020-03-05T00:00:00Z", "2020-03-05T00:00:03Z");
  }

  @AfterAll
  static void removeSeededTasks() {
    execute(
        Arc.container().instance(AgroalDataSource.class).get(),
        "DELETE FROM cases.review_task WHERE element_id = ?",
        SEEDED_TASK);
  }

  @Test
  void shouldListAnEscalationOfTheRealProcessWithWhoHoldsTheStage() {
    // given a case whose technical audit audrey holds
    String id = submit(Applications.complete());
    String audit = awaitTask(id, "TECHNICAL_AUDIT");
    as("audrey").post("/api/tasks/" + audit + "/claim").then().statusCode(200);
    JsonPath task = as("audrey").get("/api/tasks/" + audit).then().extract().jsonPath();
    JsonPath exportCase = CaseProcess.caseAs("max", id);

    // when the audit passes its target (3 s in this profile)
    JsonPath listed =
        Await.until(
            "the escalation of case " + id,
            () -> escalationsOf(id),
            page -> page.getInt("totalItems") > 0);

    // then
    assertThat(listed.getInt("totalItems")).isEqualTo(1);
    assertThat(listed.getString("items[0].stage")).isEqualTo("TECHNICAL_AUDIT");
    assertThat(listed.getString("items[0].caseId")).isEqualTo(id);
    assertThat(listed.getString("items[0].caseReference"))
        .isEqualTo(exportCase.getString("reference"))
        .startsWith("EL-");
    assertThat(listed.getString("items[0].organisation"))
        .isEqualTo(exportCase.getString("organisation"));
    assertThat(listed.getString("items[0].caseStatus")).isEqualTo("UNDER_REVIEW");
    Instant dueAt = Instant.parse(listed.getString("items[0].dueAt"));
    assertThat(dueAt).isEqualTo(Instant.parse(task.getString("dueAt")));
    assertThat(Instant.parse(listed.getString("items[0].escalatedAt"))).isAfterOrEqualTo(dueAt);
    assertThat(Duration.parse(listed.getString("items[0].overdueBy"))).isPositive();
    assertThat(listed.getList("items[0].openTasks", Map.class))
        .singleElement()
        .satisfies(
            open ->
                assertThat(open)
                    .containsEntry("id", audit)
                    .containsEntry("type", "TECHNICAL_AUDIT")
                    .containsEntry("candidateRole", "auditor")
                    .containsEntry("assignee", "audrey")
                    .containsEntry("dueAt", task.getString("dueAt")));

    // when the audit is done, the stage is no longer overdue and nobody holds it
    CaseProcess.complete("audrey", audit, "{\"outcome\": \"COMPLETE\"}");

    // then
    JsonPath done = escalationsOf(id);
    assertThat(done.getList("items[0].openTasks")).isEmpty();
    assertThat(done.getString("items[0].overdueBy")).isNull();
    assertThat(done.getString("items[0].stage")).isEqualTo("TECHNICAL_AUDIT");

    // when the applicant withdraws, the escalation moves from the open to the decided cases
    Applications.withdraw("alice", id);

    // then
    as("max")
        .queryParam("caseId", id)
        .queryParam("open", true)
        .get("/api/escalations")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(0))
        .body("items", empty());
    as("max")
        .queryParam("caseId", id)
        .queryParam("open", false)
        .get("/api/escalations")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(1))
        .body("items[0].caseStatus", equalTo("WITHDRAWN"));
  }

  @Test
  void shouldListEscalationsNewestFirstWithTheirCasesAndOpenTasks() {
    as("max")
        .queryParam("from", MARCH_FROM)
        .queryParam("to", MARCH_TO)
        .get("/api/escalations")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("totalItems", equalTo(4))
        .body("totalPages", equalTo(1))
        .body("items.stage", contains("TOTAL", "APPROVAL", "LEGAL_REVIEW", "TECHNICAL_AUDIT"))
        .body(
            "items.escalatedAt",
            contains(
                "2020-03-05T00:00:03Z",
                "2020-03-04T12:00:01Z",
                "2020-03-03T09:00:02Z",
                "2020-03-02T09:00:05Z"))
        .body(
            "items.caseId",
            contains(caseC.toString(), caseB.toString(), caseA.toString(), caseA.toString()))
        .body("items.organisation", contains("esc-org-c", "esc-org-b", "esc-org-a", "esc-org-a"))
        .body(
            "items.caseStatus",
            contains("AWAITING_APPLICANT", "WITHDRAWN", "UNDER_REVIEW", "UNDER_REVIEW"))
        .body("items[3].caseReference", equalTo(reference(caseA)))
        .body("items[3].dueAt", equalTo("2020-03-02T09:00:00Z"))
        // a stage in progress: only its own task, and who holds it
        .body("items[3].openTasks.id", contains(auditTaskOfA))
        .body("items[3].openTasks[0].type", equalTo("TECHNICAL_AUDIT"))
        .body("items[3].openTasks[0].candidateRole", equalTo("auditor"))
        .body("items[3].openTasks[0].assignee", equalTo("esc-auditor"))
        .body("items[3].openTasks[0].dueAt", equalTo("2020-03-02T09:00:00Z"))
        .body("items[2].openTasks.type", contains("LEGAL_REVIEW"))
        .body("items[2].openTasks[0].assignee", nullValue())
        // a decided case: its task was cancelled, nothing is overdue any more
        .body("items[1].openTasks", empty())
        .body("items[1].overdueBy", nullValue())
        // the total target spans every open task; the clock stopped 34 h after the due time
        .body("items[0].openTasks.assignee", contains("esc-legal"))
        .body("items[0].overdueBy", equalTo("PT34H"));
  }

  @Test
  void shouldMeasureOverdueUntilNowWhileTheStageIsInProgress() {
    JsonPath page =
        as("max")
            .queryParam("caseId", caseA)
            .queryParam("stage", "TECHNICAL_AUDIT")
            .get("/api/escalations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    Duration overdue = Duration.parse(page.getString("items[0].overdueBy"));
    Duration sinceDue = Duration.between(Instant.parse("2020-03-02T09:00:00Z"), Instant.now());
    assertThat(overdue).isBetween(sinceDue.minusMinutes(5), sinceDue);
  }

  @Test
  void shouldPageTheEscalations() {
    as("max")
        .queryParam("from", MARCH_FROM)
        .queryParam("to", MARCH_TO)
        .queryParam("size", 3)
        .get("/api/escalations")
        .then()
        .statusCode(200)
        .body("page", equalTo(0))
        .body("size", equalTo(3))
        .body("totalItems", equalTo(4))
        .body("totalPages", equalTo(2))
        .body("items.stage", contains("TOTAL", "APPROVAL", "LEGAL_REVIEW"));
    as("max")
        .queryParam("from", MARCH_FROM)
        .queryParam("to", MARCH_TO)
        .queryParam("size", 3)
        .queryParam("page", 1)
        .get("/api/escalations")
        .then()
        .statusCode(200)
        .body("page", equalTo(1))
        .body("totalItems", equalTo(4))
        .body("items.stage", contains("TECHNICAL_AUDIT"));
    as("max")
        .queryParam("from", MARCH_FROM)
        .queryParam("to", MARCH_TO)
        .queryParam("size", 3)
        .queryParam("page", 2)
        .get("/api/escalations")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(4))
        .body("items", empty());
  }

  @Test
  void shouldNarrowByStage() {
    inMarch()
        .queryParam("stage", "legal_review")
        .get("/api/escalations")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(1))
        .body("items.caseId", contains(caseA.toString()))
        .body("items.stage", contains("LEGAL_REVIEW"))
        .body("items.dueAt", contains("2020-03-03T09:00:00Z"));
  }

  @Test
  void shouldNarrowToOpenOrDecidedCases() {
    inMarch()
        .queryParam("open", true)
        .get("/api/escalations")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(3))
        .body("items.stage", contains("TOTAL", "LEGAL_REVIEW", "TECHNICAL_AUDIT"));
    inMarch()
        .queryParam("open", false)
        .get("/api/escalations")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(1))
        .body("items.caseId", contains(caseB.toString()))
        .body("items.caseStatus", contains("WITHDRAWN"));
  }

  @Test
  void shouldNarrowByCase() {
    as("max")
        .queryParam("caseId", caseA)
        .get("/api/escalations")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(2))
        .body("items.stage", contains("LEGAL_REVIEW", "TECHNICAL_AUDIT"))
        .body("items.caseReference", contains(reference(caseA), reference(caseA)));
  }

  @Test
  void shouldNarrowByEscalationTimeWithInclusiveDatesAndInstants() {
    // a date is the whole day in the SLA zone (GMT in early March)
    as("max")
        .queryParam("from", "2020-03-03")
        .queryParam("to", "2020-03-03")
        .get("/api/escalations")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(1))
        .body("items.stage", contains("LEGAL_REVIEW"));
    // instants are inclusive at both ends
    as("max")
        .queryParam("from", "2020-03-03T09:00:02Z")
        .queryParam("to", "2020-03-04T12:00:01Z")
        .get("/api/escalations")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(2))
        .body("items.stage", contains("APPROVAL", "LEGAL_REVIEW"));
    as("max")
        .queryParam("from", "2020-03-03T09:00:02.000001Z")
        .queryParam("to", "2020-03-04T12:00:00.999999Z")
        .get("/api/escalations")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(0));
    // to alone: everything escalated until the end of that day
    as("max")
        .queryParam("to", "2020-03-02")
        .get("/api/escalations")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(1))
        .body("items.escalatedAt", contains("2020-03-02T09:00:05Z"));
  }

  @Test
  void shouldListEverythingNewestFirstWithoutFilters() {
    List<String> escalatedAt =
        as("max")
            .queryParam("size", 100)
            .get("/api/escalations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.escalatedAt");

    assertThat(escalatedAt)
        .hasSizeGreaterThanOrEqualTo(4)
        .isSortedAccordingTo(Comparator.comparing(Instant::parse).reversed());
  }

  @Test
  void shouldNameEveryInvalidParameter() {
    as("max")
        .queryParam("stage", "LUNCH")
        .queryParam("open", "maybe")
        .queryParam("from", "yesterday")
        .queryParam("to", "2020-13-01")
        .queryParam("caseId", "EL-2026-000001")
        .get("/api/escalations")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", endsWith("/invalid-search"))
        .body("status", equalTo(400))
        .body("errors.field", containsInAnyOrder("stage", "open", "from", "to", "caseId"))
        .body(
            "errors.find { it.field == 'stage' }.message",
            equalTo(
                "must be one of [ADJUDICATION, TECHNICAL_AUDIT, LEGAL_REVIEW, APPROVAL,"
                    + " COUNTERSIGN, TOTAL]"));
    as("max")
        .queryParam("from", "2020-03-04")
        .queryParam("to", "2020-03-03T23:59:59Z")
        .get("/api/escalations")
        .then()
        .statusCode(400)
        .body("errors.field", contains("from"))
        .body("errors[0].message", equalTo("must not be after to"));
    as("max")
        .queryParam("size", 0)
        .get("/api/escalations")
        .then()
        .statusCode(400)
        .body("errors.field", contains("size"));
    as("max")
        .queryParam("to", "+300000-01-01")
        .get("/api/escalations")
        .then()
        .statusCode(400)
        .body("errors.field", contains("to"));
  }

  @Test
  void shouldTellOtherRolesWhyTheyAreRefused() {
    as("ava")
        .get("/api/escalations")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", endsWith("/forbidden"))
        .body("detail", containsString("Only managers"))
        .body("detail", containsString("approver"));
  }

  @Test
  void shouldDescribeTheEndpointInOpenApi() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths", hasKey("/api/escalations"))
        .body(
            "paths.'/api/escalations'.get.parameters.name",
            containsInAnyOrder("stage", "open", "from", "to", "caseId", "page", "size"))
        .body("paths.'/api/escalations'.get.responses", hasKey("403"));
  }

  private static RequestSpecification inMarch() {
    return as("max").queryParam("from", MARCH_FROM).queryParam("to", MARCH_TO);
  }

  private static JsonPath escalationsOf(String caseId) {
    return as("max")
        .queryParam("caseId", caseId)
        .get("/api/escalations")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String reference(UUID caseId) {
    return "ESC-" + caseId.toString().substring(0, 23);
  }

  /** A submitted case written directly, in {@code status}, with its clock stopped if paused. */
  private UUID seededCase(String organisation, String status, OffsetDateTime pausedAt) {
    UUID id = UUID.randomUUID();
    OffsetDateTime created = at("2020-02-01T10:00:00Z");
    execute(
        dataSource,
        "INSERT INTO cases.export_case (id, reference, status, organisation, created_by,"
            + " created_at, updated_at, submitted_at, sla_paused_at) VALUES"
            + " (?, ?, ?, ?, 'seed', ?, ?, ?, ?)",
        id,
        reference(id),
        status,
        organisation,
        created,
        created,
        created,
        pausedAt);
    return id;
  }

  private String seededTask(
      UUID caseId, String type, String role, String assignee, String status, String dueAt) {
    UUID id = UUID.randomUUID();
    long key = JOB_KEYS.incrementAndGet();
    execute(
        dataSource,
        "INSERT INTO cases.review_task (id, case_id, job_key, process_instance_key, element_id,"
            + " task_type, candidate_role, assignee, status, due_at, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        caseId,
        key,
        key,
        SEEDED_TASK,
        type,
        role,
        assignee,
        status,
        at(dueAt),
        at("2020-02-20T10:00:00Z"));
    return id.toString();
  }

  private void escalation(UUID caseId, String stage, String dueAt, String escalatedAt) {
    execute(
        dataSource,
        "INSERT INTO cases.sla_escalation (case_id, stage, due_at, escalated_at, job_key)"
            + " VALUES (?, ?, ?, ?, ?)",
        caseId,
        stage,
        at(dueAt),
        at(escalatedAt),
        JOB_KEYS.incrementAndGet());
  }

  private static OffsetDateTime at(String instant) {
    return OffsetDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
  }

  private static void execute(AgroalDataSource dataSource, String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
