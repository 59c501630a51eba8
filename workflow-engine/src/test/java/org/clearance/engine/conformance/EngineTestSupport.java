package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.restassured.RestAssured;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Drives the engine only through the official client, as an application would: over gRPC, or, in
 * the {@code *RestTest} subclasses, over the Orchestration Cluster REST API with the client's
 * default settings ({@code preferRestOverGrpc} true). Each test gets unique process ids and job
 * types so tests never see each other's jobs.
 */
abstract class EngineTestSupport {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  @ConfigProperty(name = "quarkus.grpc.server.test-port")
  int grpcPort;

  @jakarta.inject.Inject javax.sql.DataSource dataSource;

  @io.quarkus.test.common.http.TestHTTPResource("/")
  java.net.URL httpUrl;

  CamundaClient client;
  String suffix;

  @BeforeEach
  void connect() {
    var builder =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://localhost:" + grpcPort))
            .restAddress(URI.create("http://localhost:" + httpUrl.getPort()))
            .defaultRequestTimeout(Duration.ofSeconds(10));
    if (!overRest()) {
      builder.preferRestOverGrpc(false);
    }
    client = builder.build();
    suffix = COUNTER.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 6);
  }

  /** Whether this class drives the engine over REST (the client's default) instead of gRPC. */
  boolean overRest() {
    return false;
  }

  /**
   * Asserts that a command was rejected with the status Zeebe documents, over either protocol: the
   * gRPC code, or over REST the HTTP status the REST API answers for that rejection.
   */
  void assertRejected(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable command,
      io.grpc.Status.Code code,
      String... messageParts) {
    org.assertj.core.api.Assertions.assertThatThrownBy(command)
        .satisfies(
            e -> {
              if (messageParts.length > 0) {
                assertThat(e.getMessage()).contains(messageParts);
              }
              if (overRest()) {
                assertThat(e).isInstanceOf(io.camunda.client.api.command.ProblemException.class);
                var problem = (io.camunda.client.api.command.ProblemException) e;
                assertThat(problem.code()).as(problem.getMessage()).isEqualTo(httpStatus(code));
              } else {
                assertThat(e)
                    .isInstanceOf(io.camunda.client.api.command.ClientStatusException.class);
                assertThat(
                        ((io.camunda.client.api.command.ClientStatusException) e).getStatusCode())
                    .isEqualTo(code);
              }
            });
  }

  private static int httpStatus(io.grpc.Status.Code code) {
    return switch (code) {
      case NOT_FOUND -> 404;
      case INVALID_ARGUMENT -> 400;
      case FAILED_PRECONDITION, ALREADY_EXISTS -> 409;
      case RESOURCE_EXHAUSTED -> 503;
      case DEADLINE_EXCEEDED -> 504;
      default -> 500;
    };
  }

  @AfterEach
  void close() {
    client.close();
  }

  String id(String name) {
    return name + "_" + suffix;
  }

  String jobType(String name) {
    return "clearance.test." + name + "." + suffix;
  }

  long deploy(BpmnModelInstance model) {
    var process =
        model
            .getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)
            .iterator()
            .next();
    return client
        .newDeployResourceCommand()
        .addProcessModel(model, process.getId() + ".bpmn")
        .send()
        .join()
        .getProcesses()
        .get(0)
        .getProcessDefinitionKey();
  }

  ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join();
  }

  ProcessInstanceEvent start(String processId) {
    return start(processId, Map.of());
  }

  List<ActivatedJob> activate(String type, int max) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(max)
        .timeout(Duration.ofMinutes(1))
        .requestTimeout(Duration.ofSeconds(5))
        .send()
        .join()
        .getJobs();
  }

  /**
   * Jobs of a type that can be activated right now (a short poll, for asserting there are none).
   */
  List<ActivatedJob> activateNow(String type) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(10)
        .timeout(Duration.ofMinutes(1))
        .requestTimeout(Duration.ofMillis(300))
        .send()
        .join()
        .getJobs();
  }

  ActivatedJob activateOne(String type) {
    var jobs = activate(type, 1);
    assertThat(jobs).as("activated jobs of type %s", type).hasSize(1);
    return jobs.get(0);
  }

  void complete(ActivatedJob job, Map<String, Object> variables) {
    client.newCompleteCommand(job.getKey()).variables(variables).send().join();
  }

  /** Records of the engine's log for one instance, read through the HTTP endpoint. */
  List<Map<String, Object>> records(long processInstanceKey) {
    return readRecords(processInstanceKey);
  }

  /** Every record of the engine's log. */
  List<Map<String, Object>> allRecords() {
    return readRecords(null);
  }

  private List<Map<String, Object>> readRecords(Long processInstanceKey) {
    var all = new java.util.ArrayList<Map<String, Object>>();
    long from = 0;
    while (true) {
      var request = RestAssured.given().queryParam("from", from).queryParam("limit", 10000);
      if (processInstanceKey != null) {
        request.queryParam("processInstanceKey", processInstanceKey);
      }
      List<Map<String, Object>> page =
          request.get("/records").then().statusCode(200).extract().jsonPath().getList("$");
      all.addAll(page);
      if (page.size() < 10000) {
        return all;
      }
      from = ((Number) page.get(page.size() - 1).get("position")).longValue();
    }
  }

  /**
   * The last value (as JSON text) a variable of an instance was set to, from the record log; null
   * if it was never set.
   */
  String variable(long processInstanceKey, String name) {
    String value = null;
    for (var record : records(processInstanceKey)) {
      if ("VARIABLE".equals(record.get("valueType"))) {
        var variable = (Map<?, ?>) record.get("value");
        if (name.equals(variable.get("name"))
            && ((Number) variable.get("scopeKey")).longValue() == processInstanceKey) {
          value = (String) variable.get("value");
        }
      }
    }
    return value;
  }

  /** Element ids that completed in an instance, in order. */
  List<String> completedElements(long processInstanceKey) {
    return records(processInstanceKey).stream()
        .filter(
            r ->
                "PROCESS_INSTANCE".equals(r.get("valueType"))
                    && "ELEMENT_COMPLETED".equals(r.get("intent")))
        .map(r -> (String) ((Map<?, ?>) r.get("value")).get("elementId"))
        .toList();
  }

  boolean isCompleted(long processInstanceKey, String processId) {
    return completedElements(processInstanceKey).contains(processId);
  }

  /**
   * Rows of an engine table (job, timer, message_subscription, incident, process_instance...) that
   * belong to a process instance.
   */
  long rowsOf(String table, long processInstanceKey) {
    String column = table.equals("process_instance") ? "key" : "process_instance_key";
    try (var connection = dataSource.getConnection();
        var statement =
            connection.prepareStatement(
                "SELECT count(*) FROM engine." + table + " WHERE " + column + " = ?")) {
      statement.setLong(1, processInstanceKey);
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Records of an instance with a value type and intent, for one element id. */
  List<Map<String, Object>> records(
      long processInstanceKey, String valueType, String intent, String elementId) {
    return records(processInstanceKey).stream()
        .filter(r -> valueType.equals(r.get("valueType")) && intent.equals(r.get("intent")))
        .filter(
            r -> {
              var value = (Map<?, ?>) r.get("value");
              return elementId == null
                  || elementId.equals(value.get("elementId"))
                  || elementId.equals(value.get("targetElementId"));
            })
        .toList();
  }

  static BpmnModelInstance oneTask(String processId, String taskId, String type) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("Start")
        .serviceTask(taskId, t -> t.zeebeJobType(type))
        .endEvent("End")
        .done();
  }
}
