package org.clearance.api.workflow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class WorkflowEngineReadinessTest {

  @Test
  void shouldBeReadyWhenTheEngineAnswersTheTopologyOverGrpc() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("workflow-engine"))
        .body("checks.find { it.name == 'workflow-engine' }.data.gatewayVersion", equalTo("8.9.0"))
        .body("checks.find { it.name == 'workflow-engine' }.data.leaderPartitions", equalTo(1));
  }
}
