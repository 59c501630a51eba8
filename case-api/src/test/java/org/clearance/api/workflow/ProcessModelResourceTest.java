package org.clearance.api.workflow;

import static io.restassured.RestAssured.given;
import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;

/** The deployed BPMN, served for bpmn-js, with its diagram and a validator. */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class ProcessModelResourceTest {

  @Test
  void shouldServeTheDeployedModelWithItsDiagram() throws Exception {
    String deployed;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("bpmn/export-licence.bpmn")) {
      deployed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    String served =
        as("max")
            .when()
            .get("/api/process/export-licence.bpmn")
            .then()
            .statusCode(200)
            .contentType(startsWith("application/xml"))
            .header("ETag", startsWith("\""))
            .header("Cache-Control", containsString("no-cache"))
            .body(containsString("id=\"Task_TechnicalAudit\""))
            .body(containsString("BPMNDiagram"))
            .extract()
            .asString();
    org.assertj.core.api.Assertions.assertThat(served).isEqualTo(deployed);
  }

  @Test
  void shouldAnswerNotModifiedWhileTheModelIsUnchanged() {
    String etag =
        as("audrey").when().get("/api/process/export-licence.bpmn").then().extract().header("ETag");

    as("audrey")
        .header("If-None-Match", etag)
        .when()
        .get("/api/process/export-licence.bpmn")
        .then()
        .statusCode(304);
    as("audrey")
        .header("If-None-Match", "\"something-else\"")
        .when()
        .get("/api/process/export-licence.bpmn")
        .then()
        .statusCode(200);
  }

  @Test
  void shouldKeepTheModelFromApplicants() {
    as("alice")
        .when()
        .get("/api/process/export-licence.bpmn")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", endsWith("/forbidden"));
    given().when().get("/api/process/export-licence.bpmn").then().statusCode(401);
  }
}
