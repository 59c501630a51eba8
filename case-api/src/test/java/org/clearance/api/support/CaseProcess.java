package org.clearance.api.support;

import static org.clearance.api.support.Applications.as;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Drives cases through the real process over the API, as the demo users. */
public final class CaseProcess {

  private CaseProcess() {}

  /** Drafts and submits an application as alice; the real process starts. */
  public static String submit(String body) {
    String id = Applications.draft("alice", body);
    as("alice").post("/api/cases/" + id + "/submit").then().statusCode(200);
    return id;
  }

  /** An application with the consignee renamed (to trigger or avoid screening matches). */
  public static String withConsignee(String destination, String eccn, String consignee) {
    return Applications.complete(destination, eccn)
        .replaceFirst("\"Kumo Research KK\"", "\"" + consignee + "\"");
  }

  public static JsonPath caseAs(String user, String id) {
    return as(user).get("/api/cases/" + id).then().statusCode(200).extract().jsonPath();
  }

  public static String status(String id) {
    return caseAs("alice", id).getString("status");
  }

  public static String awaitStatus(String id, String expected) {
    return Await.until("case " + id + " " + expected, () -> status(id), expected::equals);
  }

  /** Open tasks of a case as a manager sees them (every role). */
  public static List<Map<String, Object>> openTasks(String caseId) {
    return as("max")
        .queryParam("caseId", caseId)
        .queryParam("all", true)
        .get("/api/tasks")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  public static List<Map<String, Object>> tasks(String caseId, String status) {
    return as("max")
        .queryParam("caseId", caseId)
        .queryParam("all", true)
        .queryParam("status", status)
        .get("/api/tasks")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  /** Waits for the open task of a type on a case and returns its id. */
  public static String awaitTask(String caseId, String type) {
    return Await.until(
        type + " task of case " + caseId,
        () ->
            openTasks(caseId).stream()
                .filter(t -> type.equals(t.get("type")))
                .map(t -> (String) t.get("id"))
                .findFirst()
                .orElse(null),
        id -> id != null);
  }

  public static void complete(String user, String taskId, String decisionJson) {
    as(user)
        .contentType(ContentType.JSON)
        .body(decisionJson)
        .post("/api/tasks/" + taskId + "/complete")
        .then()
        .statusCode(200);
  }

  public static List<String> auditActions(String caseId) {
    return as("max")
        .get("/api/cases/" + caseId + "/audit")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("action");
  }

  /** Submits a JP model-weights case and completes both reviews: it waits for approval. */
  public static String reviewed() {
    String id = submit(Applications.complete());
    complete("audrey", awaitTask(id, "TECHNICAL_AUDIT"), "{\"outcome\": \"COMPLETE\"}");
    complete("leo", awaitTask(id, "LEGAL_REVIEW"), "{\"outcome\": \"COMPLETE\"}");
    awaitTask(id, "APPROVAL");
    return id;
  }
}
