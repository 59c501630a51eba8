package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST searches and statistics, served from the projected read tables (eventually consistent:
 * every assertion waits until the projection caught up).
 */
@QuarkusTest
class SearchRestTest extends EngineTestSupport {

  String processId;
  long definitionKey;
  long completed;
  long canceled;
  long failed;
  long active;

  @Override
  boolean overRest() {
    return true;
  }

  /** Four instances of one task: completed, canceled, with an incident, and still active. */
  @BeforeEach
  void fourInstances() {
    processId = id("Process_Search");
    String type = jobType("search");
    definitionKey = deploy(oneTask(processId, "Task_Check", type));
    completed = start(processId, Map.of("applicant", "ACME", "n", 1)).getProcessInstanceKey();
    // n set twice within one projection round: one upsert per variable and round
    complete(activateOne(type), Map.of("verdict", "clear", "n", 10));
    canceled = start(processId, Map.of("n", 2)).getProcessInstanceKey();
    client.newCancelInstanceCommand(canceled).send().join();
    failed = start(processId, Map.of("n", 3)).getProcessInstanceKey();
    var job = activateOne(type);
    client.newFailCommand(job.getKey()).retries(0).errorMessage("registry down").send().join();
    active = start(processId, Map.of("n", 4)).getProcessInstanceKey();
  }

  @Test
  void shouldSearchProcessInstancesWithStatesAndIncidents() {
    List<ProcessInstance> items =
        eventually(
            () ->
                client
                    .newProcessInstanceSearchRequest()
                    .filter(f -> f.processDefinitionId(processId))
                    .send()
                    .join()
                    .items(),
            found -> found.size() == 4 && found.stream().anyMatch(ProcessInstance::getHasIncident));

    Map<Long, ProcessInstanceState> states =
        items.stream()
            .collect(
                Collectors.toMap(
                    ProcessInstance::getProcessInstanceKey, ProcessInstance::getState));
    assertThat(states)
        .containsEntry(completed, ProcessInstanceState.COMPLETED)
        .containsEntry(canceled, ProcessInstanceState.TERMINATED)
        .containsEntry(failed, ProcessInstanceState.ACTIVE)
        .containsEntry(active, ProcessInstanceState.ACTIVE);
    assertThat(items)
        .filteredOn(ProcessInstance::getHasIncident)
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(failed);
    var one = client.newProcessInstanceGetRequest(completed).send().join();
    assertThat(one.getProcessDefinitionKey()).isEqualTo(definitionKey);
    assertThat(one.getEndDate()).isNotNull();
    assertThat(
            client
                .newProcessInstanceSearchRequest()
                .filter(f -> f.processDefinitionId(processId).state(ProcessInstanceState.ACTIVE))
                .send()
                .join()
                .items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactlyInAnyOrder(failed, active);
  }

  @Test
  void shouldPageWithCursorsInTheRequestedOrder() {
    awaitInstances(4);
    var first =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .sort(s -> s.processInstanceKey().desc())
            .page(p -> p.limit(3))
            .send()
            .join();
    var second =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .sort(s -> s.processInstanceKey().desc())
            .page(p -> p.after(first.page().endCursor()).limit(3))
            .send()
            .join();
    var back =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .sort(s -> s.processInstanceKey().desc())
            .page(p -> p.before(second.page().startCursor()).limit(2))
            .send()
            .join();

    assertThat(first.page().totalItems()).isEqualTo(4);
    assertThat(keys(first.items())).containsExactly(active, failed, canceled);
    assertThat(keys(second.items())).containsExactly(completed);
    assertThat(keys(back.items())).containsExactly(failed, canceled);
  }

  @Test
  void shouldCountElementInstancesPerElementAndState() {
    List<ProcessElementStatistics> stats =
        eventually(
            () -> client.newProcessDefinitionElementStatisticsRequest(definitionKey).send().join(),
            // every instance projected, not only the one with the incident
            found ->
                found.stream().anyMatch(s -> s.getElementId().equals("Task_Check"))
                    && counts(found, "Task_Check").equals(List.of(1L, 1L, 1L, 1L))
                    && found.stream()
                        .anyMatch(s -> s.getElementId().equals("Start") && s.getCompleted() == 4));

    var task =
        stats.stream().filter(s -> s.getElementId().equals("Task_Check")).findFirst().orElseThrow();
    assertThat(task.getActive()).isEqualTo(1);
    assertThat(task.getIncidents()).isEqualTo(1);
    assertThat(task.getCompleted()).isEqualTo(1);
    assertThat(task.getCanceled()).isEqualTo(1);
    var start =
        stats.stream().filter(s -> s.getElementId().equals("Start")).findFirst().orElseThrow();
    assertThat(start.getCompleted()).isEqualTo(4);
  }

  @Test
  void shouldCountOnlyTheInstancesTheStatisticsFilterChooses() {
    // given: the four instances, projected
    eventually(
        () -> client.newProcessDefinitionElementStatisticsRequest(definitionKey).send().join(),
        found ->
            found.stream()
                .anyMatch(
                    s ->
                        s.getElementId().equals("Task_Check")
                            && counts(found, "Task_Check").equals(List.of(1L, 1L, 1L, 1L))));

    // when
    var ofFailed =
        client
            .newProcessDefinitionElementStatisticsRequest(definitionKey)
            .filter(f -> f.processInstanceKey(failed))
            .send()
            .join();
    var ofCompleted =
        client
            .newProcessDefinitionElementStatisticsRequest(definitionKey)
            .filter(f -> f.state(ProcessInstanceState.COMPLETED))
            .send()
            .join();
    var ofActiveWithoutIncident =
        client
            .newProcessDefinitionElementStatisticsRequest(definitionKey)
            .filter(f -> f.state(ProcessInstanceState.ACTIVE).hasIncident(false))
            .send()
            .join();
    var ofErrors =
        client
            .newProcessDefinitionElementStatisticsRequest(definitionKey)
            .filter(f -> f.errorMessage("registry down"))
            .send()
            .join();

    // then
    assertThat(counts(ofFailed, "Task_Check")).containsExactly(0L, 1L, 0L, 0L);
    assertThat(counts(ofCompleted, "Task_Check")).containsExactly(0L, 0L, 1L, 0L);
    assertThat(counts(ofCompleted, "Start")).containsExactly(0L, 0L, 1L, 0L);
    assertThat(counts(ofActiveWithoutIncident, "Task_Check")).containsExactly(1L, 0L, 0L, 0L);
    assertThat(counts(ofErrors, "Task_Check")).containsExactly(0L, 1L, 0L, 0L);
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body("{\"filter\": {\"batchOperationId\": \"b-1\"}}")
        .post("/v2/process-definitions/" + definitionKey + "/statistics/element-instances")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  /** active, incidents, completed, canceled of one element. */
  private static List<Long> counts(List<ProcessElementStatistics> stats, String elementId) {
    var element =
        stats.stream().filter(s -> s.getElementId().equals(elementId)).findFirst().orElseThrow();
    return List.of(
        element.getActive(), element.getIncidents(), element.getCompleted(), element.getCanceled());
  }

  @Test
  void shouldSearchElementInstancesVariablesAndIncidents() {
    awaitInstances(4);
    var elements =
        eventually(
            () ->
                client
                    .newElementInstanceSearchRequest()
                    .filter(f -> f.processInstanceKey(failed))
                    .send()
                    .join()
                    .items(),
            found -> found.size() == 2 && found.stream().anyMatch(e -> e.getIncidentKey() != null));
    var task =
        elements.stream().filter(e -> e.getElementId().equals("Task_Check")).findFirst().get();
    assertThat(task.getType()).isEqualTo(ElementInstanceType.SERVICE_TASK);
    assertThat(task.getState()).isEqualTo(ElementInstanceState.ACTIVE);

    var incidents =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processDefinitionKey(definitionKey))
            .send()
            .join()
            .items();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    assertThat(incidents.get(0).getState()).isEqualTo(IncidentState.ACTIVE);
    assertThat(incidents.get(0).getErrorMessage()).isEqualTo("registry down");
    assertThat(incidents.get(0).getIncidentKey()).isEqualTo(task.getIncidentKey());

    var variables =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(completed))
            .sort(s -> s.name().asc())
            .send()
            .join()
            .items();
    assertThat(variables)
        .extracting(v -> v.getName() + "=" + v.getValue())
        .containsExactly("applicant=\"ACME\"", "n=10", "verdict=\"clear\"");
  }

  @Test
  void shouldServeProcessDefinitionsAndTheirXml() {
    var found =
        client
            .newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .send()
            .join()
            .items();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).getProcessDefinitionKey()).isEqualTo(definitionKey);
    assertThat(client.newProcessDefinitionGetRequest(definitionKey).send().join().getVersion())
        .isEqualTo(1);
    assertThat(client.newProcessDefinitionGetXmlRequest(definitionKey).send().join())
        .contains(processId);
    assertRejected(
        () -> client.newProcessDefinitionGetRequest(42L).send().join(), Status.Code.NOT_FOUND);
  }

  @Test
  void shouldRejectUnknownFilterAndSortFieldsAndBadCursors() {
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body("{\"filter\": {\"color\": \"red\"}}")
        .post("/v2/process-instances/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body("{\"sort\": [{\"field\": \"color\"}]}")
        .post("/v2/incidents/search")
        .then()
        .statusCode(400);
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body("{\"page\": {\"after\": \"not-a-cursor\"}}")
        .post("/v2/variables/search")
        .then()
        .statusCode(400);
  }

  private void awaitInstances(int count) {
    eventually(
        () ->
            client
                .newProcessInstanceSearchRequest()
                .filter(f -> f.processDefinitionId(processId))
                .send()
                .join()
                .items(),
        found -> found.size() == count);
  }

  private static List<Long> keys(List<ProcessInstance> items) {
    var keys = new ArrayList<Long>();
    items.forEach(i -> keys.add(i.getProcessInstanceKey()));
    return keys;
  }

  /** The projection is asynchronous: asks until the answer satisfies the condition (5 s). */
  private static <T> T eventually(Supplier<T> query, Predicate<T> condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    T answer = query.get();
    while (!condition.test(answer) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      answer = query.get();
    }
    assertThat(condition).as("search answer %s", answer).accepts(answer);
    return answer;
  }
}
