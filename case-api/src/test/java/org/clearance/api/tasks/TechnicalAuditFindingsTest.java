package org.clearance.api.tasks;

import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.CaseProcess.awaitTask;
import static org.clearance.api.support.CaseProcess.submit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.clearance.api.support.Applications;
import org.clearance.api.support.CaseProcess;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A technical audit's findings (severity and text) and evidence: validated field by field, stored,
 * shown in the case's review history and the audit trail; refused on other task types.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TechnicalAuditFindingsTest {

  String caseId;
  String auditTask;
  String legalTask;

  /** One case under review whose tasks stay open: every invalid decision leaves them so. */
  @BeforeEach
  void aCaseUnderReview() {
    if (caseId != null) {
      return;
    }
    caseId = submit(Applications.complete());
    auditTask = awaitTask(caseId, "TECHNICAL_AUDIT");
    legalTask = awaitTask(caseId, "LEGAL_REVIEW");
  }

  static List<Object[]> invalidDecisions() {
    String tooLong = "x".repeat(2001);
    String fiftyOne =
        String.join(",", Collections.nCopies(51, "{\"severity\": \"MINOR\", \"text\": \"t\"}"));
    return List.of(
        new Object[] {
          "[{\"severity\": \"SEVERE\", \"text\": \"Weights unencrypted\"}]", "findings[0].severity"
        },
        new Object[] {"[{\"text\": \"Weights unencrypted\"}]", "findings[0].severity"},
        new Object[] {"[{\"severity\": \"MINOR\", \"text\": \"   \"}]", "findings[0].text"},
        new Object[] {"[{\"severity\": \"MINOR\"}]", "findings[0].text"},
        new Object[] {
          "[{\"severity\": \"MINOR\", \"text\": \"a\"}, {\"severity\": \"MAJOR\", \"text\": \"b\"},"
              + " {\"severity\": \"CRITICAL\", \"text\": \""
              + tooLong
              + "\"}]",
          "findings[2].text"
        },
        new Object[] {"[null]", "findings[0]"},
        new Object[] {"[" + fiftyOne + "]", "findings"},
        new Object[] {"[{\"severity\": 3, \"text\": \"a\"}]", "findings[0].severity"},
        new Object[] {"\"[Major] weights unencrypted\"", "findings"});
  }

  @ParameterizedTest(name = "findings {1} invalid")
  @MethodSource("invalidDecisions")
  void shouldRejectAnInvalidFindingNamingItsField(String findings, String field) {
    as("audrey")
        .contentType(ContentType.JSON)
        .body("{\"outcome\": \"COMPLETE\", \"findings\": " + findings + "}")
        .post("/api/tasks/" + auditTask + "/complete")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors.field", contains(field));
    as("audrey")
        .get("/api/tasks/" + auditTask)
        .then()
        .statusCode(200)
        .body("status", equalTo("OPEN"));
  }

  @Test
  void shouldNameEveryFaultyFindingAndTooLongEvidenceAtOnce() {
    as("audrey")
        .contentType(ContentType.JSON)
        .body(
            "{\"outcome\": \"COMPLETE\", \"evidence\": \""
                + "e".repeat(4001)
                + "\", \"findings\": [{\"severity\": \"MAJOR\", \"text\": \"fine\"},"
                + " {\"severity\": \"urgent\", \"text\": \"\"}]}")
        .post("/api/tasks/" + auditTask + "/complete")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", endsWith("validation-failed"))
        .body(
            "errors.field",
            containsInAnyOrder("evidence", "findings[1].severity", "findings[1].text"))
        .body(
            "errors.find { it.field == 'findings[1].severity' }.message",
            equalTo("must be one of [OBSERVATION, MINOR, MAJOR, CRITICAL]"));
  }

  @Test
  void shouldRefuseFindingsAndEvidenceOnALegalReview() {
    as("leo")
        .contentType(ContentType.JSON)
        .body(
            "{\"outcome\": \"COMPLETE\", \"evidence\": \"the contract\","
                + " \"findings\": [{\"severity\": \"MINOR\", \"text\": \"End user vague\"}]}")
        .post("/api/tasks/" + legalTask + "/complete")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("findings", "evidence"))
        .body(
            "errors.find { it.field == 'findings' }.message",
            equalTo("only a technical audit records findings, not a LEGAL_REVIEW task"));
    as("leo").get("/api/tasks/" + legalTask).then().statusCode(200).body("status", equalTo("OPEN"));
  }

  @Test
  void shouldStoreFindingsAndShowThemInTheReviewHistoryAndTheAuditTrail() {
    // given a case of its own under technical audit
    String id = submit(Applications.complete());
    String task = awaitTask(id, "TECHNICAL_AUDIT");

    // when audrey certifies it with two findings (severity in any case) and her evidence
    as("audrey")
        .contentType(ContentType.JSON)
        .body(
            "{\"outcome\": \"COMPLETE\", \"comment\": \"Certified.\","
                + " \"evidence\": \"  Pen-test report PT-7; key-management SOP v3 \","
                + " \"findings\": [{\"severity\": \"major\", \"text\": \" Weights copied to an"
                + " unencrypted staging bucket \"},"
                + " {\"severity\": \"OBSERVATION\", \"text\": \"Red-team scope excluded"
                + " fine-tuning\"}]}")
        .post("/api/tasks/" + task + "/complete")
        .then()
        .statusCode(200)
        .body("status", equalTo("COMPLETED"))
        .body("decision.findings.severity", contains("MAJOR", "OBSERVATION"))
        .body(
            "decision.findings.text",
            contains(
                "Weights copied to an unencrypted staging bucket",
                "Red-team scope excluded fine-tuning"))
        .body("decision.evidence", equalTo("Pen-test report PT-7; key-management SOP v3"))
        .body("decision.comment", equalTo("Certified."));

    // then the approver's view of the case's reviews (the earlier-reviews tab) reads them back
    JsonPath reviews =
        as("ava")
            .queryParam("caseId", id)
            .queryParam("all", true)
            .queryParam("status", "ANY")
            .get("/api/tasks")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> audit =
        reviews.getMap("items.find { it.type == 'TECHNICAL_AUDIT' }.decision");
    org.assertj.core.api.Assertions.assertThat(audit.get("findings"))
        .isEqualTo(
            List.of(
                Map.of(
                    "severity", "MAJOR", "text", "Weights copied to an unencrypted staging bucket"),
                Map.of("severity", "OBSERVATION", "text", "Red-team scope excluded fine-tuning")));
    org.assertj.core.api.Assertions.assertThat(audit.get("evidence"))
        .isEqualTo("Pen-test report PT-7; key-management SOP v3");
    // the legal review, still open, carries no findings of its own
    org.assertj.core.api.Assertions.assertThat(
            reviews.getString("items.find { it.type == 'LEGAL_REVIEW' }.decision"))
        .isNull();

    // and the audit trail says it in words; a major finding does not make the case high-risk
    as("max")
        .get("/api/cases/" + id + "/audit")
        .then()
        .statusCode(200)
        .body(
            "find { it.action == 'TASK_COMPLETED' }.detail.findings",
            equalTo(
                "2 findings: major — Weights copied to an unencrypted staging bucket; observation"
                    + " — Red-team scope excluded fine-tuning"))
        .body(
            "find { it.action == 'TASK_COMPLETED' }.detail.evidence",
            equalTo("Pen-test report PT-7; key-management SOP v3"))
        .body("action", not(hasItem("HIGH_RISK_FLAGGED")));
    as("ava")
        .get("/api/cases/" + id)
        .then()
        .statusCode(200)
        .body("process.highRisk", equalTo(false));
  }

  @Test
  void shouldKeepAcceptingACommentOnlyAudit() {
    String id = submit(Applications.complete());
    String task = awaitTask(id, "TECHNICAL_AUDIT");

    as("audrey")
        .contentType(ContentType.JSON)
        .body("{\"outcome\": \"COMPLETE\", \"comment\": \"[Minor] logging gaps\"}")
        .post("/api/tasks/" + task + "/complete")
        .then()
        .statusCode(200)
        .body("decision.comment", equalTo("[Minor] logging gaps"))
        .body("decision.findings", empty())
        .body("decision.evidence", nullValue());
    as("max")
        .get("/api/cases/" + id + "/audit")
        .then()
        .statusCode(200)
        .body("find { it.action == 'TASK_COMPLETED' }.detail.findings", equalTo("no findings"));
  }

  @Test
  void shouldFlagACaseCertifiedWithACriticalFindingSoThatItsApprovalNeedsACountersign() {
    // given a case whose audit audrey certifies with a critical finding
    String id = submit(Applications.complete());
    CaseProcess.complete(
        "audrey",
        awaitTask(id, "TECHNICAL_AUDIT"),
        "{\"outcome\": \"COMPLETE\", \"findings\": [{\"severity\": \"CRITICAL\","
            + " \"text\": \"Weights readable by every engineer\"}]}");

    // then the case is high-risk, in words, for the approver to see
    as("ava")
        .get("/api/cases/" + id)
        .then()
        .statusCode(200)
        .body("process.highRisk", equalTo(true))
        .body(
            "process.highRiskReason",
            equalTo(
                "Technical audit certified with a critical finding: Weights readable by every"
                    + " engineer"));
    as("max")
        .get("/api/cases/" + id + "/audit")
        .then()
        .statusCode(200)
        .body(
            "find { it.action == 'HIGH_RISK_FLAGGED' }.detail.reason",
            containsString("Weights readable by every engineer"));

    // when the legal review completes and ava approves
    CaseProcess.complete("leo", awaitTask(id, "LEGAL_REVIEW"), "{\"outcome\": \"COMPLETE\"}");
    CaseProcess.complete("ava", awaitTask(id, "APPROVAL"), "{\"outcome\": \"APPROVE\"}");

    // then a manager must countersign before any licence is issued
    awaitTask(id, "COUNTERSIGN");
    CaseProcess.awaitStatus(id, "COUNTERSIGN");
  }
}
