package org.clearance.api.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.clearance.api.support.Applications;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The defects of issue 10, each as found against ./clearance up (numbers as in the issue): every
 * one of these requests used to answer 500, an empty body, or a silently coerced value.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class RequestRobustnessTest {

  private static final String PROBLEM = "application/problem+json";
  private static final String NUL = "\\u0000";

  // --- 3: NUL in text fields, search filters and paths ---

  @Test
  void shouldRejectANulInATextFieldOfADraftNamingTheField() {
    as("alice")
        .contentType(ContentType.JSON)
        .body("{\"contact\": {\"name\": \"Alice" + NUL + "\"}}")
        .post("/api/cases")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", containsInAnyOrder("contact.name"))
        .body("errors[0].message", equalTo("contains the control character U+0000"));
  }

  @Test
  void shouldRejectANulWhenSavingADraftAndKeepTheStoredContent() {
    // given
    String id = Applications.draft("alice");
    String before = as("alice").get("/api/cases/" + id).then().extract().asString();
    // when
    as("alice")
        .contentType(ContentType.JSON)
        .body(Applications.complete().replace("Kumo Research KK", "Kumo" + NUL))
        .put("/api/cases/" + id)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", hasItem("parties[0].name"));
    // then
    assertThat(as("alice").get("/api/cases/" + id).then().extract().asString()).isEqualTo(before);
  }

  @Test
  void shouldRejectANulInTheAssigneeOfAReassignment() {
    as("max")
        .contentType(ContentType.JSON)
        .body("{\"assignee\": \"leo" + NUL + "\"}")
        .post("/api/tasks/" + UUID.randomUUID() + "/reassign")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", containsInAnyOrder("assignee"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/cases?organisation=acme%00",
        "/api/cases?classification=3A090%00",
        "/api/cases?assignee=%00",
        "/api/tasks?caseId=%00",
        "/api/admin/country-groups?country=J%00",
        "/api/dashboard/summary?organisation=acme%00",
        "/api/escalations?stage=%01"
      })
  void shouldRejectAControlCharacterInAQueryParameterNamingIt(String pathAndQuery) {
    String user = pathAndQuery.contains("country-groups") ? "adam" : "max";
    String parameter = pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).split("=")[0];
    as(user)
        .urlEncodingEnabled(false)
        .get(pathAndQuery)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", endsWith("/invalid-character"))
        .body("errors.field", containsInAnyOrder(parameter));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/licences/%00", "/api/licences/LIC%00/document", "/api/cases/%00/audit"})
  void shouldAnswerNotFoundForAPathWithAControlCharacter(String path) {
    as("max")
        .urlEncodingEnabled(false)
        .get(path)
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("title", notNullValue());
  }

  // --- 4: duplicate keys ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "max:/api/licences/LIC-2026-000001/suspend",
        "max:/api/licences/LIC-2026-000001/revoke",
        "max:/api/cases/00000000-0000-0000-0000-000000000001/high-risk",
        "alice:/api/cases/00000000-0000-0000-0000-000000000001/withdraw",
        "max:/api/tasks/00000000-0000-0000-0000-000000000001/reassign",
        "audrey:/api/tasks/00000000-0000-0000-0000-000000000001/complete",
        "alice:/api/cases/00000000-0000-0000-0000-000000000001/rfis/"
            + "00000000-0000-0000-0000-000000000002/answer"
      })
  void shouldRejectADuplicateKeyNamingIt(String userAndPath) {
    String[] parts = userAndPath.split(":", 2);
    as(parts[0])
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"a\", \"assignee\": \"leo\", \"text\": \"t\", \"reason\": null}")
        .post(parts[1])
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", endsWith("/malformed-request"))
        .body("errors.field", containsInAnyOrder("reason"))
        .body("errors[0].message", equalTo("is given more than once"));
  }

  @Test
  void shouldRejectADuplicateKeyInADraftAndInACountryGroupChange() {
    as("alice")
        .contentType(ContentType.JSON)
        .body("{\"endUseStatement\": \"a\", \"endUseStatement\": null}")
        .put("/api/cases/" + Applications.draft("alice"))
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", containsInAnyOrder("endUseStatement"));
    as("adam")
        .contentType(ContentType.JSON)
        .body("{\"groups\": [\"D:1\"], \"validFrom\": \"2031-01-01\", \"groups\": []}")
        .put("/api/admin/country-groups/JP")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", containsInAnyOrder("groups"));
  }

  // --- 5: paging ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "page=21474837&size=100",
        "page=abc",
        "page=1.5",
        "page=2147483648",
        "page=-1",
        "page=",
        "page=+1",
        "size=0",
        "size=101",
        "size=1e2",
        "page=1&page=2"
      })
  void shouldApplyOnePagingRuleToEveryListEndpoint(String query) {
    for (String path :
        new String[] {"/api/cases", "/api/tasks", "/api/notifications", "/api/escalations"}) {
      as("max")
          .urlEncodingEnabled(false)
          .get(path + "?" + query)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("type", endsWith("/invalid-paging"))
          .body("errors.field", hasItem(query.startsWith("page") ? "page" : "size"));
    }
  }

  @Test
  void shouldServeTheLastAddressablePage() {
    as("max")
        .get("/api/tasks?page=21474835&size=100")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  // --- 6: multipart ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nhello",
        "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n",
        "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
            + "hello\r\n--abc--\r\n",
        "garbage"
      })
  void shouldRejectAMalformedMultipartBody(String body) {
    String id = Applications.draft("alice");
    as("alice")
        .contentType("multipart/form-data; boundary=xyz")
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/api/cases/" + id + "/documents")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("title", notNullValue());
    as("alice").get("/api/cases/" + id + "/documents").then().body("size()", equalTo(0));
  }

  @Test
  void shouldRejectAnEmptyMultipartBoundary() {
    as("alice")
        .contentType("multipart/form-data; boundary=")
        .body("--\r\n\r\nhello\r\n----\r\n".getBytes(StandardCharsets.UTF_8))
        .post("/api/cases/" + Applications.draft("alice") + "/documents")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", endsWith("/malformed-multipart"));
  }

  // --- 7: errors of the HTTP layer ---

  @Test
  void shouldAnswerALiteralTemplateInThePathWithProblemJson() throws IOException {
    String response = raw("GET /api/cases/{id} HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 400").contains(PROBLEM).contains("\"title\"");
  }

  @Test
  void shouldAnswerAnOverlongUrlWithProblemJson() {
    given()
        .get("/api/cases?organisation=" + "a".repeat(7_000))
        .then()
        .statusCode(414)
        .contentType(PROBLEM)
        .body("title", equalTo("URI Too Long"));
  }

  @Test
  void shouldAnswerOverlargeHeadersWithProblemJson() {
    given()
        .header("X-Padding", "a".repeat(30_000))
        .get("/api/me")
        .then()
        .statusCode(431)
        .contentType(PROBLEM)
        .body("title", equalTo("Request Header Fields Too Large"));
  }

  @Test
  void shouldAnswerAnOverlargeDeclaredBodyWithProblemJson() throws IOException {
    String response =
        raw(
            "POST /api/cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 999999999\r\n\r\n{}");
    assertThat(response).startsWith("HTTP/1.1 413").contains(PROBLEM).contains("\"title\"");
  }

  @Test
  void shouldAnswerUnknownPathsWrongMethodsAndMediaTypesWithProblemJson() {
    problem(as("max").get("/api/no-such-endpoint"), 404);
    problem(as("max").delete("/api/cases"), 405);
    problem(as("alice").contentType("text/plain").body("x").post("/api/cases"), 415);
  }

  // --- 8: strict types, surrogates, country codes ---

  @Test
  void shouldRejectWrongJsonTypesInsteadOfCoercingThem() {
    String draft = Applications.draft("alice");
    String phoneTrue = "{\"contact\": {\"phone\": true}}";
    String fractionalCount = "{\"items\": [{\"aiModel\": {\"parameterCount\": 1.9}}]}";
    String quantityAsText = "{\"items\": [{\"quantity\": \"5\"}]}";
    String destinationNumber = "{\"destinations\": [49]}";
    for (String[] body :
        new String[][] {
          {phoneTrue, "contact.phone"},
          {fractionalCount, "items[0].aiModel.parameterCount"},
          {quantityAsText, "items[0].quantity"},
          {destinationNumber, "destinations[0]"}
        }) {
      as("alice")
          .contentType(ContentType.JSON)
          .body(body[0])
          .put("/api/cases/" + draft)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors.field", containsInAnyOrder(body[1]));
    }
    as("alice")
        .get("/api/cases/" + draft)
        .then()
        .body("contact.phone", equalTo("+44 20 7946 0000"))
        .body("items[0].aiModel.parameterCount", equalTo(400000000000L));
  }

  @Test
  void shouldRejectAControlCharacterInADateInsteadOfTrimmingItAway() {
    as("adam")
        .contentType(ContentType.JSON)
        .body("{\"groups\": [\"D:1\"], \"validFrom\": \"\\u00012031-01-01\"}")
        .put("/api/admin/country-groups/JP")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", containsInAnyOrder("validFrom"));
    as("adam")
        .contentType(ContentType.JSON)
        .body("{\"groups\": [\"D:1\"], \"validFrom\": 12}")
        .put("/api/admin/country-groups/JP")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("validFrom"));
  }

  @Test
  void shouldRejectALoneSurrogate() {
    as("alice")
        .contentType(ContentType.JSON)
        .body("{\"endUseStatement\": \"medical \\ud800 triage\"}")
        .post("/api/cases")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", containsInAnyOrder("endUseStatement"))
        .body("errors[0].message", equalTo("contains an unpaired UTF-16 surrogate (U+D800)"));
  }

  @Test
  void shouldKeepLineBreaksAndPairedSurrogates() {
    as("alice")
        .contentType(ContentType.JSON)
        .body("{\"endUseStatement\": \"line one\\nline two \\ud83d\\ude80\"}")
        .post("/api/cases")
        .then()
        .statusCode(201)
        .body("endUseStatement", equalTo("line one\nline two \uD83D\uDE80"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ZZ", "XK", "AA", "UK"})
  void shouldAcceptOnlyAssignedIsoCountryCodes(String code) {
    as("adam")
        .contentType(ContentType.JSON)
        .body("{\"groups\": [\"D:1\"], \"validFrom\": \"2031-01-01\"}")
        .put("/api/admin/country-groups/" + code)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", containsInAnyOrder("countryCode"));
    as("adam")
        .get("/api/admin/country-groups?country=" + code)
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("country"));
    as("max")
        .get("/api/cases?destination=" + code)
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("destination"));
    as("max")
        .get("/api/dashboard/summary?destination=" + code)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("destination"));
    as("alice")
        .contentType(ContentType.JSON)
        .body("{\"destinations\": [\"" + code + "\"]}")
        .post("/api/cases")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("destinations[0]"));
  }

  private static void problem(io.restassured.response.Response response, int status) {
    ValidatableResponse then = response.then();
    then.statusCode(status).contentType(PROBLEM).body("title", not(equalTo("")));
  }

  /** Sends bytes as they are (clients refuse to send some of these) and reads the answer. */
  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      StringBuilder answer = new StringBuilder();
      int read;
      while ((read = in.read(buffer)) > 0) {
        answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
        if (answer.indexOf("\r\n\r\n") > 0 && answer.indexOf("}") > 0) {
          break;
        }
      }
      return answer.toString();
    }
  }
}
