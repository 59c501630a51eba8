package org.clearance.api.notifications;

import static io.restassured.RestAssured.given;
import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.clearance.api.cases.domain.event.CaseDecided;
import org.clearance.api.notifications.domain.NotificationRepository;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every notification endpoint against every role, with real Keycloak tokens. The notification
 * marked read is addressed to alice's organisation (acme-ai); to everyone else it does not exist.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class NotificationAuthorizationTest {

  static String notificationId;

  @Inject Event<CaseDecided> caseDecided;
  @Inject NotificationRepository notifications;

  enum Endpoint {
    LIST((spec, id) -> spec.get("/api/notifications")),
    UNREAD_COUNT((spec, id) -> spec.get("/api/notifications/unread-count")),
    MARK_READ((spec, id) -> spec.post("/api/notifications/" + id + "/read"));

    final BiFunction<RequestSpecification, String, Response> call;

    Endpoint(BiFunction<RequestSpecification, String, Response> call) {
      this.call = call;
    }
  }

  static Stream<Arguments> matrix() {
    Map<Endpoint, int[]> expected = new EnumMap<>(Endpoint.class);
    //                                        anon alice bob  audrey leo  ava  max  adam
    expected.put(Endpoint.LIST, new int[] {401, 200, 200, 200, 200, 200, 200, 200});
    expected.put(Endpoint.UNREAD_COUNT, new int[] {401, 200, 200, 200, 200, 200, 200, 200});
    expected.put(Endpoint.MARK_READ, new int[] {401, 204, 404, 404, 404, 404, 404, 404});
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
    if (notificationId == null) {
      UUID caseId = UUID.randomUUID();
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  caseDecided.fire(
                      new CaseDecided(
                          caseId,
                          "EL-AUTHZ-1",
                          "acme-ai",
                          "APPROVED",
                          "Approved.",
                          Instant.now())));
      notificationId =
          QuarkusTransaction.requiringNew()
              .call(() -> notifications.ofCase(caseId).get(0).id().toString());
    }
  }

  @ParameterizedTest(name = "{0} as {1} answers {2}")
  @MethodSource("matrix")
  void shouldAnswerEachRoleAsTheMatrixSays(Endpoint endpoint, String caller, int status) {
    // given
    RequestSpecification spec = caller.equals("anonymous") ? given() : as(caller);

    // when
    Response response = endpoint.call.apply(spec.when(), notificationId);

    // then
    response.then().statusCode(status);
    if (status >= 400) {
      response
          .then()
          .contentType("application/problem+json")
          .body("status", equalTo(status))
          .body("detail", not(emptyOrNullString()));
    }
  }
}
