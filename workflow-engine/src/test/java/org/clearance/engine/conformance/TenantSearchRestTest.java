package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST searches know the tenant of every row: a {@code tenantId} filter of one tenant never
 * answers another tenant's instances, element instances, variables, incidents or definitions, and
 * every item names its tenant. (Which tenants a caller may see at all is {@code
 * TenantAuthorizationTest}'s subject; without authentication a caller sees every tenant.)
 */
@QuarkusTest
class TenantSearchRestTest extends EngineTestSupport {

  private static final String LICENSING = "clearance";
  private static final String PARTNER = "partner-app";

  String processId;
  long licensingInstance;
  long partnerInstance;
  long licensingDefinition;
  long partnerDefinition;

  @Override
  boolean overRest() {
    return true;
  }

  /** The same model in both tenants; the partner's instance fails its job into an incident. */
  @BeforeEach
  void oneInstanceInEachTenant() {
    processId = id("Process_TenantSearch");
    String type = jobType("tenant-search");
    BpmnModelInstance model = oneTask(processId, "Task_Check", type);
    licensingDefinition = deployTo(LICENSING, model);
    partnerDefinition = deployTo(PARTNER, model);
    licensingInstance = startIn(LICENSING, Map.of("owner", "licensing"));
    partnerInstance = startIn(PARTNER, Map.of("owner", "partner"));
    var partnerJob =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .tenantIds(List.of(PARTNER))
            .send()
            .join()
            .getJobs()
            .get(0);
    client
        .newFailCommand(partnerJob.getKey())
        .retries(0)
        .errorMessage("partner down")
        .send()
        .join();
    // both instances, and the partner's incident, have reached the read tables
    eventually(
        () -> search("/v2/incidents/search", Map.of("processInstanceKey", key(partnerInstance))),
        items -> items.size() == 1);
    eventually(
        () -> search("/v2/process-instances/search", Map.of("processDefinitionId", processId)),
        items -> items.size() == 2);
  }

  @Test
  void shouldFindOnlyTheFilteredTenantsProcessInstances() {
    // when: through the official client
    List<ProcessInstance> licensing =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(processId).tenantId(LICENSING))
            .send()
            .join()
            .items();

    // then
    assertThat(licensing)
        .singleElement()
        .satisfies(
            instance -> {
              assertThat(instance.getProcessInstanceKey()).isEqualTo(licensingInstance);
              assertThat(instance.getTenantId()).isEqualTo(LICENSING);
            });
    assertThat(
            search(
                "/v2/process-instances/search",
                Map.of("processDefinitionId", processId, "tenantId", PARTNER)))
        .extracting(i -> i.get("processInstanceKey"), i -> i.get("tenantId"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(key(partnerInstance), PARTNER));
    assertThat(
            search(
                "/v2/process-instances/search",
                Map.of("processDefinitionId", processId, "tenantId", "<default>")))
        .isEmpty();
  }

  @Test
  void shouldKeepElementInstancesVariablesAndIncidentsToTheirTenant() {
    // then: the partner instance's rows are not the licensing tenant's
    assertThat(
            search(
                "/v2/element-instances/search",
                Map.of("processInstanceKey", key(partnerInstance), "tenantId", LICENSING)))
        .isEmpty();
    assertThat(
            search(
                "/v2/element-instances/search",
                Map.of("processInstanceKey", key(partnerInstance), "tenantId", PARTNER)))
        .isNotEmpty()
        .allSatisfy(item -> assertThat(item.get("tenantId")).isEqualTo(PARTNER));
    assertThat(
            search(
                "/v2/variables/search",
                Map.of("name", "owner", "tenantId", LICENSING, "value", "\"partner\"")))
        .isEmpty();
    assertThat(
            search(
                "/v2/variables/search",
                Map.of("processInstanceKey", key(licensingInstance), "tenantId", LICENSING)))
        .singleElement()
        .satisfies(
            variable -> {
              assertThat(variable.get("value")).isEqualTo("\"licensing\"");
              assertThat(variable.get("tenantId")).isEqualTo(LICENSING);
            });
    assertThat(
            search(
                "/v2/incidents/search",
                Map.of("processInstanceKey", key(partnerInstance), "tenantId", LICENSING)))
        .isEmpty();
    assertThat(search("/v2/incidents/search", Map.of("processInstanceKey", key(partnerInstance))))
        .singleElement()
        .satisfies(incident -> assertThat(incident.get("tenantId")).isEqualTo(PARTNER));
  }

  @Test
  void shouldCountTheLatestVersionPerTenant() {
    // given: a second version in the licensing tenant only
    String type = jobType("tenant-search-v2");
    long licensingV2 = deployTo(LICENSING, oneTask(processId, "Task_CheckAgain", type));

    // when
    var latest =
        search(
            "/v2/process-definitions/search",
            Map.of("processDefinitionId", processId, "isLatestVersion", true));

    // then: each tenant's latest, each with its tenant
    assertThat(latest)
        .extracting(
            d -> d.get("processDefinitionKey"), d -> d.get("tenantId"), d -> d.get("version"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(key(licensingV2), LICENSING, 2),
            org.assertj.core.groups.Tuple.tuple(key(partnerDefinition), PARTNER, 1));
    assertThat(
            search(
                "/v2/process-definitions/search",
                Map.of("processDefinitionId", processId, "tenantId", PARTNER)))
        .extracting(d -> d.get("processDefinitionKey"))
        .containsExactly(key(partnerDefinition));
    RestAssured.given()
        .get("/v2/process-definitions/" + licensingDefinition)
        .then()
        .statusCode(200)
        .body("tenantId", org.hamcrest.Matchers.equalTo(LICENSING));
  }

  private long deployTo(String tenant, BpmnModelInstance model) {
    return client
        .newDeployResourceCommand()
        .addProcessModel(model, processId + ".bpmn")
        .tenantId(tenant)
        .send()
        .join()
        .getProcesses()
        .get(0)
        .getProcessDefinitionKey();
  }

  private long startIn(String tenant, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .tenantId(tenant)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static String key(long key) {
    return Long.toString(key);
  }

  static List<Map<String, Object>> search(String path, Map<String, Object> filter) {
    return RestAssured.given()
        .contentType(ContentType.JSON)
        .body(Map.of("filter", filter))
        .post(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  /** The projection is asynchronous: asks until the answer satisfies the condition (5 s). */
  static <T> T eventually(Supplier<T> query, Predicate<T> condition) {
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
