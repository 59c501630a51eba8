package org.clearance.api.dashboard;

import static org.clearance.api.cases.domain.CaseStatus.APPROVED;
import static org.clearance.api.cases.domain.CaseStatus.AWAITING_APPLICANT;
import static org.clearance.api.cases.domain.CaseStatus.AWAITING_APPROVAL;
import static org.clearance.api.cases.domain.CaseStatus.SCREENING;
import static org.clearance.api.cases.domain.CaseStatus.UNDER_REVIEW;
import static org.clearance.api.cases.domain.CaseStatus.WITHDRAWN;
import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Breach rates from the SLA plan of each case, and open tasks per reviewer and role. */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class DashboardSlaAndWorkloadTest {

  static final String BREACHES = "dash-breach-org";
  static final String WORKLOAD = "dash-workload-org";

  /**
   * Reviewers no demo user is, and tasks removed after the class: the inboxes and the task tests of
   * the process feature never see this workload.
   */
  static final String AUDITOR = "dash-auditor-1";

  static final String LEGAL = "dash-legal-1";

  static boolean seeded;

  @Inject AgroalDataSource dataSource;

  @BeforeEach
  void seed() {
    if (seeded) {
      return;
    }
    seeded = true;
    CaseSeed seed = new CaseSeed(dataSource);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    // Decided: K1 due 10 days after submission, approved after 20 -> breached
    Instant k1 = days(now, -30);
    UUID k1Id =
        seed.submitted(BREACHES, k1)
            .then(1, SCREENING)
            .then(1, UNDER_REVIEW)
            .then(400, AWAITING_APPROVAL)
            .then(78, APPROVED)
            .id;
    seed.sla(k1Id, days(k1, 10), null);
    // K2 due after 90 days, approved after 5 -> on time
    Instant k2 = days(now, -30);
    UUID k2Id =
        seed.submitted(BREACHES, k2)
            .then(1, SCREENING)
            .then(1, UNDER_REVIEW)
            .then(100, AWAITING_APPROVAL)
            .then(18, APPROVED)
            .id;
    seed.sla(k2Id, days(k2, 90), null);
    // K3 due after 10 days, clock stopped after 8 (a request for information), withdrawn after 20
    // while still waiting -> on time: the clock read 8 days
    Instant k3 = days(now, -40);
    UUID k3Id =
        seed.submitted(BREACHES, k3)
            .then(1, SCREENING)
            .then(1, UNDER_REVIEW)
            .then(190, AWAITING_APPLICANT)
            .then(288, WITHDRAWN)
            .id;
    seed.sla(k3Id, days(k3, 10), days(k3, 8));
    // K4 decided without an SLA plan -> not counted
    seed.submitted(BREACHES, days(now, -30)).then(1, SCREENING).then(1, WITHDRAWN);

    // Open: O1 due 10 days ago -> breached
    UUID o1 = seed.submitted(BREACHES, days(now, -20)).id;
    seed.sla(o1, days(now, -10), null);
    // O2 due in 85 days -> on time
    UUID o2 = seed.submitted(BREACHES, days(now, -5)).id;
    seed.sla(o2, days(now, 85), null);
    // O3 due 5 days ago but its clock stopped 10 days ago -> on time
    UUID o3 = seed.submitted(BREACHES, days(now, -30)).id;
    seed.sla(o3, days(now, -5), days(now, -10));
    // O4 without an SLA plan -> not counted
    seed.submitted(BREACHES, days(now, -3));

    // Workload: W1 running, W2 with its clock stopped 10 days ago, W3 running
    UUID w1 = seed.submitted(WORKLOAD, days(now, -15)).id;
    seed.task(w1, "TECHNICAL_AUDIT", "auditor", AUDITOR, "OPEN", days(now, -1)); // overdue
    seed.task(w1, "LEGAL_REVIEW", "legal", null, "OPEN", days(now, 3));
    seed.task(w1, "ADJUDICATE_MATCHES", "legal", LEGAL, "COMPLETED", days(now, -5)); // done
    UUID w2 = seed.submitted(WORKLOAD, days(now, -30)).id;
    seed.sla(w2, days(now, 60), days(now, -10));
    seed.task(w2, "TECHNICAL_AUDIT", "auditor", AUDITOR, "OPEN", days(now, -5)); // stopped first
    seed.task(w2, "APPROVAL", "approver", null, "OPEN", days(now, -1)); // stopped first
    UUID w3 = seed.submitted(WORKLOAD, days(now, -8)).id;
    seed.task(w3, "LEGAL_REVIEW", "legal", LEGAL, "OPEN", now.minus(Duration.ofHours(1)));
    seed.task(w3, "COUNTERSIGN", "manager", "dash-manager", "CANCELLED", days(now, 1)); // not open
  }

  @AfterAll
  static void removeSeededTasks() {
    new CaseSeed(Arc.container().instance(AgroalDataSource.class).get())
        .execute("DELETE FROM cases.review_task WHERE element_id = ?", CaseSeed.SEEDED_TASK);
  }

  static Instant days(Instant from, int days) {
    return from.plus(Duration.ofDays(days));
  }

  @Test
  void shouldGiveTheShareOfCasesPastTheirTotalTargetAtDecisionAndNow() {
    as("max")
        .queryParam("organisation", BREACHES)
        .when()
        .get("/api/dashboard/summary")
        .then()
        .statusCode(200)
        // decided K1 (late), K2, K3 (paused before its due time); K4 has no plan
        .body("breaches.decided.cases", equalTo(3))
        .body("breaches.decided.breached", equalTo(1))
        .body("breaches.decided.rate", equalTo(0.3333f))
        // open O1 (late), O2, O3 (paused before its due time); O4 has no plan
        .body("breaches.open.cases", equalTo(3))
        .body("breaches.open.breached", equalTo(1))
        .body("breaches.open.rate", equalTo(0.3333f));
  }

  @Test
  void shouldLeaveTheRateEmptyWhenNoCaseHasAPlan() {
    as("max")
        .queryParam("organisation", "nobody-at-all")
        .when()
        .get("/api/dashboard/summary")
        .then()
        .statusCode(200)
        .body("breaches.decided.cases", equalTo(0))
        .body("breaches.decided.rate", nullValue())
        .body("breaches.open.rate", nullValue())
        .body("workload.byAssignee", empty())
        .body("workload.byCandidateRole", empty());
  }

  @Test
  void shouldCountOpenTasksPerAssigneeAndRoleWithOverdueOnes() {
    as("max")
        .queryParam("organisation", WORKLOAD)
        .when()
        .get("/api/dashboard/summary")
        .then()
        .statusCode(200)
        .body("workload.byAssignee.assignee", contains(AUDITOR, LEGAL))
        .body("workload.byAssignee.openTasks", contains(2, 1))
        .body("workload.byAssignee.overdueTasks", contains(1, 1))
        .body("workload.byCandidateRole.candidateRole", contains("approver", "auditor", "legal"))
        .body("workload.byCandidateRole.openTasks", contains(1, 2, 2))
        .body("workload.byCandidateRole.unassignedTasks", contains(1, 0, 1))
        .body("workload.byCandidateRole.overdueTasks", contains(0, 1, 1));
  }

  @Test
  void shouldExportBreachesAndWorkloadAsCsvSections() {
    String csv =
        as("max")
            .queryParam("organisation", WORKLOAD)
            .when()
            .get("/api/dashboard/summary.csv")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    org.hamcrest.MatcherAssert.assertThat(
        java.util.Arrays.asList(csv.split("\r\n")),
        hasItems(
            "breach,open,cases,1",
            "breach,open,breached,0",
            "breach,open,rate,0.0",
            "breach,decided,rate,",
            "workload_assignee," + AUDITOR + ",open_tasks,2",
            "workload_assignee," + AUDITOR + ",overdue_tasks,1",
            "workload_role,legal,unassigned_tasks,1",
            "workload_role,approver,overdue_tasks,0"));
  }
}
