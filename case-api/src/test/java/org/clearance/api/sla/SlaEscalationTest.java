package org.clearance.api.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.CaseProcess.awaitTask;
import static org.clearance.api.support.CaseProcess.submit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.clearance.api.support.Applications;
import org.clearance.api.support.Await;
import org.clearance.api.support.CaseProcess;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;

/** A stage that passes its target is escalated by the BPMN's boundary timer; searches see it. */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
@TestProfile(SlaEscalationTest.ShortTargets.class)
class SlaEscalationTest {

  /** Targets of seconds, so that the technical audit breaches while the test watches. */
  public static class ShortTargets implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "clearance.sla.targets.adjudication", "PT1S",
          "clearance.sla.targets.technical-audit", "PT3S",
          "clearance.sla.targets.legal-review", "PT1H");
    }
  }

  @Test
  void shouldEscalateATechnicalAuditPastItsTargetAndListItAsOverdue() {
    // given
    String id = submit(Applications.complete());
    String audit = awaitTask(id, "TECHNICAL_AUDIT");

    // when the audit's target passes
    Map<String, Object> escalated =
        Await.until(
            "the audit escalation",
            () ->
                as("max")
                    .get("/api/cases/" + id + "/audit")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .<Map<String, Object>>getList("")
                    .stream()
                    .filter(e -> "SLA_ESCALATED".equals(e.get("action")))
                    .findFirst()
                    .orElse(null),
            e -> e != null);

    // then
    @SuppressWarnings("unchecked")
    Map<String, Object> detail = (Map<String, Object>) escalated.get("detail");
    assertThat(detail).containsEntry("stage", "TECHNICAL_AUDIT").containsKey("dueAt");
    as("audrey")
        .get("/api/tasks/" + audit)
        .then()
        .statusCode(200)
        .body("sla.state", equalTo("BREACHED"))
        .body("sla.timeLeft", org.hamcrest.Matchers.startsWith("PT-"));
    as("audrey")
        .queryParam("overdue", true)
        .get("/api/tasks")
        .then()
        .body("items.id", hasItem(audit));
    as("max")
        .queryParam("overdue", true)
        .get("/api/cases")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));
    List<Map<String, Object>> open = CaseProcess.openTasks(id);
    assertThat(open).extracting(t -> t.get("type")).contains("TECHNICAL_AUDIT", "LEGAL_REVIEW");
  }
}
