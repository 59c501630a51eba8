package org.clearance.api.cases;

import static io.restassured.RestAssured.given;
import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.Applications.draft;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.clearance.api.support.FakeCaseProcess;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against every role, with real Keycloak tokens. A success that changes a case runs
 * on a fresh draft of alice's, so rows do not depend on each other.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class CaseAuthorizationTest {

  /** The case and document a request is aimed at. */
  record Target(String caseId, String documentId) {}

  /** Alice's draft and submitted case, each with one document; made once. */
  static Target aliceDraft;

  static Target aliceSubmitted;

  enum Endpoint {
    CREATE(false, (spec, t) -> spec.contentType(ContentType.JSON).body("{}").post("/api/cases")),
    SEARCH(false, (spec, t) -> spec.get("/api/cases")),
    READ_DRAFT(false, (spec, t) -> spec.get("/api/cases/" + aliceDraft.caseId())),
    READ_SUBMITTED(false, (spec, t) -> spec.get("/api/cases/" + aliceSubmitted.caseId())),
    EDIT(
        true,
        (spec, t) -> spec.contentType(ContentType.JSON).body("{}").put("/api/cases/" + t.caseId())),
    SUBMIT(true, (spec, t) -> spec.post("/api/cases/" + t.caseId() + "/submit")),
    WITHDRAW(
        true,
        (spec, t) ->
            spec.contentType(ContentType.JSON)
                .body("{}")
                .post("/api/cases/" + t.caseId() + "/withdraw")),
    LIST_DOCUMENTS(
        false, (spec, t) -> spec.get("/api/cases/" + aliceSubmitted.caseId() + "/documents")),
    UPLOAD_DOCUMENT(
        true,
        (spec, t) ->
            spec.multiPart("file", "letter.txt", "hello".getBytes(), "text/plain")
                .post("/api/cases/" + t.caseId() + "/documents")),
    DOWNLOAD_DOCUMENT(
        false,
        (spec, t) ->
            spec.get(
                "/api/cases/"
                    + aliceSubmitted.caseId()
                    + "/documents/"
                    + aliceSubmitted.documentId())),
    REMOVE_DOCUMENT(
        true,
        (spec, t) -> spec.delete("/api/cases/" + t.caseId() + "/documents/" + t.documentId())),
    CASE_AUDIT(false, (spec, t) -> spec.get("/api/cases/" + aliceSubmitted.caseId() + "/audit")),
    VERIFY_AUDIT(false, (spec, t) -> spec.get("/api/audit/verify")),
    LIST_ESCALATIONS(false, (spec, t) -> spec.get("/api/escalations")),
    SCREEN_NAME(
        false,
        (spec, t) ->
            spec.contentType(ContentType.JSON)
                .body("{\"name\": \"Volga Photonics\"}")
                .post("/api/screening/search")),
    PROCESS_HEATMAP(false, (spec, t) -> spec.get("/api/dashboard/process-heatmap")),
    PROCESS_MODEL(false, (spec, t) -> spec.get("/api/process/export-licence.bpmn")),
    CASES_AT_ELEMENT(false, (spec, t) -> spec.get("/api/cases?element=Task_TechnicalAudit")),
    LIST_VIEWS(false, (spec, t) -> spec.get("/api/views"));

    final boolean changesACase;
    final BiFunction<RequestSpecification, Target, Response> call;

    Endpoint(boolean changesACase, BiFunction<RequestSpecification, Target, Response> call) {
      this.changesACase = changesACase;
      this.call = call;
    }
  }

  /** Expected status per endpoint for each caller; {@code null} caller is anonymous. */
  static Stream<Arguments> matrix() {
    Map<Endpoint, int[]> expected = new java.util.EnumMap<>(Endpoint.class);
    //                                          anon alice bob  audrey leo  ava  max  adam
    expected.put(Endpoint.CREATE, new int[] {401, 201, 201, 403, 403, 403, 403, 403});
    expected.put(Endpoint.SEARCH, new int[] {401, 200, 200, 200, 200, 200, 200, 403});
    expected.put(Endpoint.READ_DRAFT, new int[] {401, 200, 404, 404, 404, 404, 404, 403});
    expected.put(Endpoint.READ_SUBMITTED, new int[] {401, 200, 404, 200, 200, 200, 200, 403});
    expected.put(Endpoint.EDIT, new int[] {401, 200, 404, 403, 403, 403, 403, 403});
    expected.put(Endpoint.SUBMIT, new int[] {401, 200, 404, 403, 403, 403, 403, 403});
    expected.put(Endpoint.WITHDRAW, new int[] {401, 200, 404, 403, 403, 403, 403, 403});
    expected.put(Endpoint.LIST_DOCUMENTS, new int[] {401, 200, 404, 200, 200, 200, 200, 403});
    expected.put(Endpoint.UPLOAD_DOCUMENT, new int[] {401, 201, 404, 403, 403, 403, 403, 403});
    expected.put(Endpoint.DOWNLOAD_DOCUMENT, new int[] {401, 200, 404, 200, 200, 200, 200, 403});
    expected.put(Endpoint.REMOVE_DOCUMENT, new int[] {401, 204, 404, 403, 403, 403, 403, 403});
    expected.put(Endpoint.CASE_AUDIT, new int[] {401, 200, 404, 200, 200, 200, 200, 403});
    expected.put(Endpoint.VERIFY_AUDIT, new int[] {401, 403, 403, 403, 403, 403, 200, 200});
    expected.put(Endpoint.LIST_ESCALATIONS, new int[] {401, 403, 403, 403, 403, 403, 200, 403});
    expected.put(Endpoint.SCREEN_NAME, new int[] {401, 403, 403, 200, 200, 200, 200, 200});
    expected.put(Endpoint.PROCESS_HEATMAP, new int[] {401, 403, 403, 403, 403, 403, 200, 403});
    expected.put(Endpoint.PROCESS_MODEL, new int[] {401, 403, 403, 200, 200, 200, 200, 200});
    expected.put(Endpoint.CASES_AT_ELEMENT, new int[] {401, 200, 200, 200, 200, 200, 200, 403});
    expected.put(Endpoint.LIST_VIEWS, new int[] {401, 200, 200, 200, 200, 200, 200, 200});
    String[] callers = {null, "alice", "bob", "audrey", "leo", "ava", "max", "adam"};
    List<Arguments> rows = new ArrayList<>();
    expected.forEach(
        (endpoint, statuses) -> {
          for (int i = 0; i < callers.length; i++) {
            rows.add(
                Arguments.of(endpoint, callers[i] == null ? "anonymous" : callers[i], statuses[i]));
          }
        });
    return rows.stream();
  }

  @BeforeEach
  void prepare() {
    FakeCaseProcess.install();
    if (aliceDraft == null) {
      aliceDraft = withDocument(draft("alice"));
      aliceSubmitted = withDocument(draft("alice"));
      as("alice").post("/api/cases/" + aliceSubmitted.caseId() + "/submit").then().statusCode(200);
    }
  }

  @ParameterizedTest(name = "{0} as {1} answers {2}")
  @MethodSource("matrix")
  void shouldAnswerEachRoleAsTheMatrixSays(Endpoint endpoint, String caller, int status) {
    // given
    boolean success = status < 300;
    Target target = endpoint.changesACase && success ? withDocument(draft("alice")) : aliceDraft;
    RequestSpecification spec = caller.equals("anonymous") ? given() : as(caller);

    // when
    Response response = endpoint.call.apply(spec.when(), target);

    // then
    response.then().statusCode(status);
    if (!success) {
      response
          .then()
          .contentType("application/problem+json")
          .body("status", equalTo(status))
          .body("detail", not(emptyOrNullString()));
    }
  }

  private static Target withDocument(String caseId) {
    String documentId =
        as("alice")
            .multiPart("file", "licence-terms.txt", "terms".getBytes(), "text/plain")
            .when()
            .post("/api/cases/" + caseId + "/documents")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new Target(caseId, documentId);
  }
}
