package org.clearance.api.audit;

import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.Applications.complete;
import static org.clearance.api.support.Applications.draft;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.clearance.api.support.Await;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;

/**
 * With the sealer's periodic round an hour away, only the wake-up after each commit can seal the
 * events the tests write.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
@TestProfile(AuditSealingOnCommitTest.NoPeriodicRound.class)
class AuditSealingOnCommitTest {

  public static class NoPeriodicRound implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("clearance.audit.seal-interval", "1h");
    }
  }

  @Test
  void shouldSealEventsSoonAfterTheirTransactionCommits() {
    // given
    String id = draft("alice", "{}");

    // when
    as("alice")
        .contentType(ContentType.JSON)
        .body(complete())
        .put("/api/cases/" + id)
        .then()
        .statusCode(200);

    // then
    Await.until(
        "the audit events of case " + id + " sealed by the wake-up after commit",
        () -> as("alice").get("/api/cases/" + id + "/audit").<List<Boolean>>path("sealed"),
        flags -> flags.size() == 2 && flags.stream().allMatch(Boolean.TRUE::equals));
    as("alice")
        .get("/api/cases/" + id + "/audit")
        .then()
        .body("action", contains("CASE_CREATED", "CASE_UPDATED"))
        .body("hash", everyItem(matchesPattern("[0-9a-f]{64}")));
  }
}
