package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What only the REST front door has: its errors, its paths, and a default-settings job worker. */
@QuarkusTest
class RestGatewayTest extends EngineTestSupport {

  @Override
  boolean overRest() {
    return true;
  }

  @Test
  void shouldAnswerTopologyOverRest() {
    var topology = client.newTopologyRequest().send().join();

    assertThat(topology.getGatewayVersion()).isEqualTo("8.9.0");
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getBrokers()).hasSize(1);
    assertThat(topology.getBrokers().get(0).getPartitions().get(0).isLeader()).isTrue();
  }

  @Test
  void shouldCompleteInstancesWithADefaultSettingsJobWorker() throws Exception {
    // given
    String processId = id("Process_Worker");
    deploy(oneTask(processId, "Task_Screen", jobType("screen")));
    var seen = ConcurrentHashMap.<Long>newKeySet();
    var instances = new ArrayList<Long>();
    JobWorker worker =
        client
            .newWorker()
            .jobType(jobType("screen"))
            .handler(
                (jobClient, job) -> {
                  seen.add(job.getProcessInstanceKey());
                  jobClient
                      .newCompleteCommand(job.getKey())
                      .variables(Map.of("screened", true, "n", job.getVariablesAsMap().get("n")))
                      .send()
                      .join();
                })
            .open();
    try {
      // when
      for (int i = 0; i < 20; i++) {
        instances.add(start(processId, Map.of("n", i)).getProcessInstanceKey());
      }

      // then
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (!instances.stream().allMatch(k -> isCompleted(k, processId))
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    } finally {
      worker.close();
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(instances);
    assertThat(instances).allMatch(k -> isCompleted(k, processId));
    assertThat(variable(instances.get(3), "screened")).isEqualTo("true");
  }

  @Test
  void shouldAwaitCompletionAndFetchOnlyTheAskedVariables() {
    // given
    String processId = id("Process_Await");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .scriptTask(
                "Task_Score", t -> t.zeebeExpression("risk * 2").zeebeResultVariable("score"))
            .endEvent()
            .done());

    // when
    var result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(Map.of("risk", 21, "applicant", "ACME"))
            .withResult()
            .fetchVariables("score")
            .send()
            .join();

    // then
    assertThat(result.getVariablesAsMap()).containsExactly(Map.entry("score", 42));
    assertThat(result.getBpmnProcessId()).isEqualTo(processId);
  }

  @Test
  void shouldAnswerGatewayTimeoutWhenTheInstanceDoesNotCompleteInTime() {
    String processId = id("Process_Slow");
    deploy(oneTask(processId, "Task_Slow", jobType("slow")));

    assertRejected(
        () ->
            client
                .newCreateInstanceCommand()
                .bpmnProcessId(processId)
                .latestVersion()
                .withResult()
                .requestTimeout(Duration.ofMillis(300))
                .send()
                .join(),
        Status.Code.DEADLINE_EXCEEDED,
        "to complete within 300 ms");
  }

  @Test
  void shouldCorrelateMessageAndNameTheInstanceItReached() {
    // given
    String processId = id("Process_Correlate");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent(
                "Catch_Reply",
                e ->
                    e.message(
                        m -> m.name("reply-" + suffix).zeebeCorrelationKeyExpression("caseId")))
            .endEvent()
            .done());
    long instance = start(processId, Map.of("caseId", "C-1")).getProcessInstanceKey();
    awaitRecord(instance, "MESSAGE_SUBSCRIPTION", "CREATED");

    // when
    var correlated =
        client
            .newCorrelateMessageCommand()
            .messageName("reply-" + suffix)
            .correlationKey("C-1")
            .variables(Map.of("answer", "yes"))
            .send()
            .join();

    // then
    assertThat(correlated.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(isCompleted(instance, processId)).isTrue();
    assertThat(variable(instance, "answer")).isEqualTo("\"yes\"");
  }

  @Test
  void shouldAnswerNotFoundWhenNoSubscriptionTakesTheCorrelatedMessage() {
    assertRejected(
        () ->
            client
                .newCorrelateMessageCommand()
                .messageName("nobody-" + suffix)
                .correlationKey("C-9")
                .send()
                .join(),
        Status.Code.NOT_FOUND,
        "nobody-" + suffix);
  }

  @Test
  void shouldNameUnsupportedPathsInAProblem() {
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/v2/users/search")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404))
        .body("title", equalTo("NOT_FOUND"))
        .body("detail", containsString("POST /v2/users/search is not supported"));
    RestAssured.given()
        .get("/v2/jobs/statistics/global")
        .then()
        .statusCode(404)
        .body("detail", containsString("GET /v2/jobs/statistics/global is not supported"));
  }

  @Test
  void shouldAnswerBadRequestProblemsForUnreadableInput() {
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/v2/jobs/not-a-key/completion")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("INVALID_ARGUMENT"))
        .body("detail", containsString("not-a-key"));
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body("{\"type\": ")
        .post("/v2/jobs/activation")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body("{\"variables\": [1, 2]}")
        .post("/v2/jobs/1/completion")
        .then()
        .statusCode(400)
        .body("detail", containsString("JSON object"));
  }

  @Test
  void shouldKeepTheRecordLogAndHealthEndpoints() {
    RestAssured.given().get("/q/health").then().statusCode(200);
    RestAssured.given().queryParam("limit", 1).get("/records").then().statusCode(200);
  }

  private void awaitRecord(long instance, String valueType, String intent) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      List<Map<String, Object>> found =
          records(instance).stream()
              .filter(r -> valueType.equals(r.get("valueType")) && intent.equals(r.get("intent")))
              .toList();
      if (!found.isEmpty()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("no " + valueType + " " + intent + " record for " + instance);
  }
}
