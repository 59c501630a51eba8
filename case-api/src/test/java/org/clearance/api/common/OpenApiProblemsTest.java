package org.clearance.api.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;

/** The API document declares every error as the Problem schema, from one OpenAPI filter. */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class OpenApiProblemsTest {

  @Test
  void shouldDescribeEveryErrorResponseAsAProblemAndEveryApiOperationWith401() throws Exception {
    // given
    JsonNode document =
        new ObjectMapper()
            .readTree(
                given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    // when
    List<String> wrong = new ArrayList<>();
    int errors = 0;
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        JsonNode responses = operation.getValue().path("responses");
        if (path.getKey().startsWith("/api") && !responses.has("401")) {
          wrong.add(operation.getKey() + " " + path.getKey() + " has no 401");
        }
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
          if (response.getKey().matches("[45]..")) {
            errors++;
            String ref =
                response
                    .getValue()
                    .path("content")
                    .path("application/problem+json")
                    .path("schema")
                    .path("$ref")
                    .asText();
            if (!ref.equals("#/components/schemas/Problem")) {
              wrong.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
            }
          }
        }
      }
    }
    // then
    assertThat(errors).isGreaterThan(50);
    assertThat(wrong).isEmpty();
    assertThat(
            document.path("components").path("schemas").path("Problem").path("required").toString())
        .isEqualTo("[\"type\",\"title\",\"status\"]");
  }
}
