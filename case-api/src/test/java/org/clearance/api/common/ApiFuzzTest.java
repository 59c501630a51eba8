package org.clearance.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.support.Applications.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.clearance.api.support.Applications;
import org.clearance.api.support.KeycloakTokens;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;

/**
 * A fuzz suite of our own: a seeded generator turns valid bodies and queries of every write and
 * search endpoint into malformed ones (control characters, lone surrogates, wrong JSON types,
 * duplicate keys, truncation, deep nesting, huge numbers, garbage, broken multipart, hostile query
 * values and paths) and sends them with real tokens. Every answer must be below 500, every 4xx
 * problem+json with a title; afterwards the data stored before the run reads back unchanged and the
 * audit chain verifies. Every mutation is invalid by construction, so no input may be accepted by a
 * write endpoint that changes the baseline.
 *
 * <p>{@code -Dclearance.fuzz.inputs=N} (default 3000) sets the number of inputs, {@code
 * -Dclearance.fuzz.seed=S} replays a run; the figures are printed at the end.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class ApiFuzzTest {

  private static final String PROBLEM = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] HOSTILE_TEXT = {
    "\\u0000", "\\u0001", "\\u001f", "\\u007f", "\\u0085", "\\ud800", "\\udfff", "\\ud83d"
  };

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private Random random;
  private int tried;

  /** One endpoint under fuzz: who calls it, how, and the valid body its inputs start from. */
  private record Target(String user, String method, Supplier<String> path, String validBody) {}

  @Test
  void shouldAnswerEveryMalformedInputWithAProblemAndKeepTheStoredData() throws Exception {
    // given: stored data to compare afterwards
    long seed = Long.getLong("clearance.fuzz.seed", 20261201L);
    int inputs = Integer.getInteger("clearance.fuzz.inputs", 3000);
    random = new Random(seed);
    String draft = Applications.draft("alice");
    String other = Applications.draft("alice");
    String draftBefore = read("alice", "/api/cases/" + draft);
    String documentsBefore = read("alice", "/api/cases/" + draft + "/documents");
    String groupsBefore = read("adam", "/api/admin/country-groups?country=JP");
    String anyId = "00000000-0000-0000-0000-00000000000";
    List<Target> writes =
        List.of(
            new Target("alice", "POST", () -> "/api/cases", Applications.complete()),
            new Target("alice", "PUT", () -> "/api/cases/" + draft, Applications.complete()),
            new Target(
                "alice", "POST", () -> "/api/cases/" + other + "/withdraw", "{\"reason\":\"r\"}"),
            new Target(
                "max",
                "POST",
                () -> "/api/tasks/" + anyId + random.nextInt(10) + "/reassign",
                "{\"assignee\":\"leo\"}"),
            new Target(
                "audrey",
                "POST",
                () -> "/api/tasks/" + anyId + random.nextInt(10) + "/complete",
                "{\"outcome\":\"REQUEST_INFORMATION\",\"question\":\"q\",\"comment\":\"c\","
                    + "\"reasons\":[\"a\"],\"dispositions\":[{\"matchId\":\""
                    + anyId
                    + "1\",\"disposition\":\"FALSE_MATCH\",\"reason\":\"r\"}]}"),
            new Target(
                "alice",
                "POST",
                () -> "/api/cases/" + draft + "/rfis/" + anyId + "1/answer",
                "{\"text\":\"t\",\"documentIds\":[\"" + anyId + "2\"]}"),
            new Target(
                "max", "POST", () -> "/api/cases/" + draft + "/high-risk", "{\"reason\":\"r\"}"),
            new Target(
                "max", "POST", () -> "/api/licences/LIC-2026-999999/suspend", "{\"reason\":\"r\"}"),
            new Target(
                "max", "POST", () -> "/api/licences/LIC-2026-999999/revoke", "{\"reason\":\"r\"}"),
            new Target(
                "max",
                "POST",
                () -> "/api/licences/LIC-2026-999999/reinstate",
                "{\"reason\":\"r\"}"),
            new Target(
                "adam",
                "PUT",
                () -> "/api/admin/country-groups/JP",
                "{\"groups\":[\"D:1\",\"D:5\"],\"validFrom\":\"2031-01-01\"}"));
    Map<String, List<String>> searches =
        Map.of(
            "max:/api/cases",
            List.of(
                "status",
                "stage",
                "organisation",
                "destination",
                "classification",
                "assignee",
                "overdue",
                "page",
                "size",
                "sort"),
            "max:/api/tasks",
            List.of(
                "type",
                "caseId",
                "status",
                "assignedToMe",
                "unassigned",
                "overdue",
                "all",
                "page",
                "size"),
            "max:/api/escalations",
            List.of("stage", "open", "from", "to", "caseId", "page", "size"),
            "alice:/api/notifications",
            List.of("page", "size"),
            "adam:/api/admin/country-groups",
            List.of("on", "country"),
            "max:/api/dashboard/summary",
            List.of("organisation", "destination", "classification", "from", "to", "weeks"));
    List<String> searchKeys = new ArrayList<>(searches.keySet());
    searchKeys.sort(null);

    // when
    for (int i = 0; i < inputs; i++) {
      int kind = random.nextInt(10);
      if (kind < 5) {
        Target target = writes.get(random.nextInt(writes.size()));
        send(
            target.user(),
            target.method(),
            target.path().get(),
            "application/json",
            mutate(target.validBody()));
      } else if (kind < 6) {
        multipart("/api/cases/" + draft + "/documents");
      } else if (kind < 9) {
        String key = searchKeys.get(random.nextInt(searchKeys.size()));
        String[] userAndPath = key.split(":", 2);
        send(userAndPath[0], "GET", userAndPath[1] + "?" + query(searches.get(key)), null, null);
      } else {
        send("max", "GET", hostilePath(), null, null);
      }
    }

    // then
    System.out.printf("fuzz: seed %d, %d inputs tried, statuses seen %s%n", seed, tried, statuses);
    assertThat(failures).as("answers that broke the rules (first 20)").isEmpty();
    assertThat(read("alice", "/api/cases/" + draft)).isEqualTo(draftBefore);
    assertThat(read("alice", "/api/cases/" + draft + "/documents")).isEqualTo(documentsBefore);
    assertThat(read("adam", "/api/admin/country-groups?country=JP")).isEqualTo(groupsBefore);
    JsonNode verification = JSON.readTree(read("max", "/api/audit/verify"));
    assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
    assertThat(statuses.keySet()).allMatch(status -> status < 500);
  }

  // --- generators ---

  /** A body that is invalid by construction, derived from a valid one. */
  private String mutate(String valid) {
    String body = valid.replaceAll("\\s*\\n\\s*", " ");
    switch (random.nextInt(11)) {
      case 0, 1 -> {
        return injectIntoString(body, HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)]);
      }
      case 2 -> {
        return replaceValue(body, "\"[^\"]*\"", wrongTypeFor("string"));
      }
      case 3 -> {
        return replaceValue(body, "(?<=[:\\[,] ?)-?[0-9][0-9.eE+]*", wrongTypeFor("number"));
      }
      case 4 -> {
        return duplicateAKey(body);
      }
      case 5 -> {
        return body.substring(0, 1 + random.nextInt(Math.max(1, body.length() - 2)));
      }
      case 6 -> {
        int depth = 500 + random.nextInt(3000);
        return replaceValue(body, "\"[^\"]*\"", "[".repeat(depth) + "]".repeat(depth));
      }
      case 7 -> {
        return replaceValue(
            body,
            "(?<=[:\\[,] ?)-?[0-9][0-9.eE+]*",
            random.nextBoolean() ? "1e" + (100_000 + random.nextInt(1_000_000)) : "9".repeat(2000));
      }
      case 8 -> {
        return garbage();
      }
      case 9 -> {
        String[] tops = {"[]", "\"text\"", "42", "true", "[" + body + "]", body + body};
        return tops[random.nextInt(tops.length)];
      }
      default -> {
        return injectIntoString(body, "\\u0000".repeat(1 + random.nextInt(3)) + "'; --");
      }
    }
  }

  private String injectIntoString(String body, String escaped) {
    List<Integer> starts = new ArrayList<>();
    var strings = java.util.regex.Pattern.compile(":\\s*\"").matcher(body);
    while (strings.find()) {
      starts.add(strings.end());
    }
    if (starts.isEmpty()) {
      return garbage();
    }
    int at = starts.get(random.nextInt(starts.size()));
    return body.substring(0, at) + escaped + body.substring(at);
  }

  private String replaceValue(String body, String valuePattern, String replacement) {
    var matcher = java.util.regex.Pattern.compile("(?<=: ?)" + valuePattern).matcher(body);
    List<int[]> found = new ArrayList<>();
    while (matcher.find()) {
      found.add(new int[] {matcher.start(), matcher.end()});
    }
    if (found.isEmpty()) {
      return injectIntoString(body, HOSTILE_TEXT[0]);
    }
    int[] at = found.get(random.nextInt(found.size()));
    return body.substring(0, at[0]) + replacement + body.substring(at[1]);
  }

  private String wrongTypeFor(String kind) {
    String[] forString = {"true", "false", "12", "-3.5", "{}", "{\"a\": 1}", "[1]", "[[]]"};
    // A fraction would be valid for a quantity: only values no number field takes.
    String[] forNumber = {"\"12\"", "true", "false", "{}", "[]", "\"\"", "\"NaN\"", "[1]"};
    String[] any = {"null", "\"\\u0000\"", "true", "[]", "{}", "1.5", "\"\\ud800\""};
    String[] pool = kind.equals("string") ? forString : kind.equals("number") ? forNumber : any;
    return pool[random.nextInt(pool.length)];
  }

  /** The same key twice in one object: the copy goes right before a key of the body. */
  private String duplicateAKey(String body) {
    var keys = java.util.regex.Pattern.compile("\"([A-Za-z]+)\":").matcher(body);
    List<int[]> found = new ArrayList<>();
    while (keys.find()) {
      found.add(new int[] {keys.start(), keys.end()});
    }
    if (found.isEmpty()) {
      return garbage();
    }
    int[] at = found.get(random.nextInt(found.size()));
    String key = body.substring(at[0], at[1]);
    return body.substring(0, at[0])
        + key
        + " "
        + wrongTypeFor("any")
        + ", "
        + body.substring(at[0]);
  }

  private String garbage() {
    StringBuilder text = new StringBuilder("#");
    int length = random.nextInt(200);
    for (int i = 0; i < length; i++) {
      text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
    }
    return text.toString();
  }

  /** A query over the endpoint's own parameters with hostile values, percent-encoded. */
  private String query(List<String> names) {
    StringBuilder query = new StringBuilder();
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      String name =
          random.nextInt(10) == 0 ? hostileValue() : names.get(random.nextInt(names.size()));
      if (!query.isEmpty()) {
        query.append('&');
      }
      query.append(encode(name)).append('=').append(encode(hostileValue()));
    }
    return query.toString();
  }

  private String hostileValue() {
    String[] values = {
      "\u0000",
      "a\u0001b",
      "\uD800",
      "-1",
      "2147483648",
      "21474837",
      "1.5",
      "1e9",
      "abc",
      "",
      " ",
      "%",
      "x".repeat(600),
      "ZZ",
      "JP",
      "me",
      "true",
      "maybe",
      "2026-13-45",
      "P1D",
      "OPEN,,LOST",
      "3A090.a",
      "'; DROP TABLE cases.export_case; --",
      "\u202e",
      "\uFFFF",
      "\uD83D\uDE80",
      "../../etc/passwd",
      "createdAt,sideways",
      "reference,asc,desc",
      String.valueOf(random.nextLong()),
      String.valueOf(random.nextInt(200) - 50)
    };
    return values[random.nextInt(values.length)];
  }

  private String hostilePath() {
    String[] roots = {
      "/api/cases/",
      "/api/licences/",
      "/api/tasks/",
      "/api/cases/x/documents/",
      "/api/notifications/",
      "/api/licences/LIC-2026-000001/"
    };
    String[] segments = {
      "%00",
      "%01",
      "%ED%A0%80",
      "%FF",
      "%C0%AF",
      "..%2F..",
      "%2e%2e",
      "LIC%00",
      "x".repeat(300),
      "00000000-0000-0000-0000-00000000000%00",
      "%20",
      "%E2%80%AE",
      "-",
      "null",
      "%25"
    };
    return roots[random.nextInt(roots.length)] + segments[random.nextInt(segments.length)];
  }

  private void multipart(String path) {
    String boundary = "b" + random.nextInt(1000);
    String part =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\\u0000.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nhello";
    String[] bodies = {
      "",
      part,
      part + "\r\n",
      part + "\r\n--" + boundary,
      part.replace("--" + boundary, "--other") + "\r\n--other--\r\n",
      "--" + boundary + "\r\n\r\n\r\n--" + boundary + "--\r\n",
      garbage()
    };
    String[] types = {
      "multipart/form-data; boundary=" + boundary,
      "multipart/form-data; boundary=",
      "multipart/form-data; boundary=\"\"",
      "multipart/form-data; boundary=" + "x".repeat(71),
      "multipart/form-data",
      "multipart/mixed; boundary=" + boundary
    };
    send(
        "alice",
        "POST",
        path,
        types[random.nextInt(types.length)],
        bodies[random.nextInt(bodies.length)]);
  }

  // --- sending and checking ---

  private void send(String user, String method, String path, String contentType, String body) {
    tried++;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      fail(method + " " + path + " " + abbreviate(body) + ": no answer (" + e + ")");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    int status = response.statusCode();
    statuses.merge(status, 1, Integer::sum);
    if (status >= 500) {
      fail(method + " " + path + " " + abbreviate(body) + ": " + status + " " + response.body());
    } else if (status >= 400) {
      String type = response.headers().firstValue("Content-Type").orElse("");
      String title = null;
      try {
        title = JSON.readTree(response.body()).path("title").asText(null);
      } catch (IOException e) {
        // reported below
      }
      if (!type.startsWith(PROBLEM) || title == null || title.isBlank()) {
        fail(method + " " + path + ": " + status + " not a problem with a title: " + type);
      }
    } else if (!method.equals("GET") && !path.equals("/api/cases")) {
      fail(method + " " + path + " " + body + ": accepted with " + status);
    }
  }

  private void fail(String what) {
    if (failures.size() < 20) {
      failures.add(what);
    }
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "…" : body;
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String read(String user, String path) {
    return as(user).get(path).then().statusCode(200).extract().asString();
  }
}
