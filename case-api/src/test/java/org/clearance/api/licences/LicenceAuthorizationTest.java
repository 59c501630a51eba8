package org.clearance.api.licences;

import static io.restassured.RestAssured.given;
import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * Every licence endpoint against every role, with real Keycloak tokens. The licence belongs to
 * alice's organisation (acme-ai); bob is an applicant of another one. A status change that should
 * succeed runs on a fresh licence.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class LicenceAuthorizationTest {

  /** Alice's licence and its case, issued once. */
  static String licence;

  static String caseId;

  enum Endpoint {
    READ((spec, number) -> spec.get("/api/licences/" + number)),
    DOCUMENT((spec, number) -> spec.get("/api/licences/" + number + "/document")),
    CASE_LICENCE((spec, number) -> spec.get("/api/cases/" + caseId + "/licence")),
    SUSPEND(
        (spec, number) ->
            spec.contentType(ContentType.JSON)
                .body("{\"reason\": \"audit\"}")
                .post("/api/licences/" + number + "/suspend")),
    REINSTATE(
        (spec, number) ->
            spec.contentType(ContentType.JSON)
                .body("{}")
                .post("/api/licences/" + number + "/reinstate")),
    REVOKE(
        (spec, number) ->
            spec.contentType(ContentType.JSON)
                .body("{\"reason\": \"audit\"}")
                .post("/api/licences/" + number + "/revoke"));

    final BiFunction<RequestSpecification, String, Response> call;

    Endpoint(BiFunction<RequestSpecification, String, Response> call) {
      this.call = call;
    }

    boolean changesTheLicence() {
      return this == SUSPEND || this == REINSTATE || this == REVOKE;
    }
  }

  static Stream<Arguments> matrix() {
    Map<Endpoint, int[]> expected = new EnumMap<>(Endpoint.class);
    //                                    anon alice bob  audrey leo  ava  max  adam
    expected.put(Endpoint.READ, new int[] {401, 200, 404, 200, 200, 200, 200, 403});
    expected.put(Endpoint.DOCUMENT, new int[] {401, 200, 404, 200, 200, 200, 200, 403});
    expected.put(Endpoint.CASE_LICENCE, new int[] {401, 200, 404, 200, 200, 200, 200, 403});
    expected.put(Endpoint.SUSPEND, new int[] {401, 403, 403, 403, 403, 403, 200, 403});
    expected.put(Endpoint.REINSTATE, new int[] {401, 403, 403, 403, 403, 403, 200, 403});
    expected.put(Endpoint.REVOKE, new int[] {401, 403, 403, 403, 403, 403, 200, 403});
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
    if (licence == null) {
      caseId = Licences.awaitingApproval("alice");
      licence = Licences.issue(caseId, org.clearance.api.licences.service.LicenceTerms.defaults());
    }
  }

  @ParameterizedTest(name = "{0} as {1} answers {2}")
  @MethodSource("matrix")
  void shouldAnswerEachRoleAsTheMatrixSays(Endpoint endpoint, String caller, int status) {
    // given
    boolean success = status < 300;
    String number = licence;
    if (endpoint.changesTheLicence() && success) {
      number = Licences.issued("alice");
      if (endpoint == Endpoint.REINSTATE) {
        Endpoint.SUSPEND.call.apply(as("max"), number).then().statusCode(200);
      }
    }
    RequestSpecification spec = caller.equals("anonymous") ? given() : as(caller);

    // when
    Response response = endpoint.call.apply(spec.when(), number);

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
}
