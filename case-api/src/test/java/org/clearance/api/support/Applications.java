package org.clearance.api.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Application bodies and short-hands for driving cases through the API as a demo user. */
public final class Applications {

  private Applications() {}

  /** A complete application: one AI model to one destination, all parties named. */
  public static String complete(String destination, String eccn) {
    return """
        {
          "contact": {"name": "Alice Adeyemi", "email": "alice@acme-ai.example.com", "phone": "+44 20 7946 0000"},
          "items": [{
            "kind": "AI_MODEL",
            "description": "Frontier model weights, 400B parameters",
            "eccn": "%2$s",
            "quantity": 1,
            "unit": "model",
            "unitValue": 2500000.50,
            "currency": "USD",
            "aiModel": {
              "parameterCount": 400000000000,
              "trainingComputeOperations": 3.1E25,
              "weights": "CLOSED",
              "hostingControls": "Weights stay in an ISO 27001 enclave; no export of raw weights"
            }
          }],
          "parties": [
            {"role": "CONSIGNEE", "name": "Kumo Research KK", "address": "1-1 Marunouchi, Tokyo", "country": "%1$s"},
            {"role": "END_USER", "name": "Kumo Research KK", "address": "1-1 Marunouchi, Tokyo", "country": "%1$s"}
          ],
          "destinations": ["%1$s"],
          "endUseStatement": "Fine-tuning for Japanese medical triage; no military end use."
        }
        """
        .formatted(destination, eccn);
  }

  public static String complete() {
    return complete("JP", "4E091");
  }

  public static RequestSpecification as(String username) {
    return given().auth().oauth2(KeycloakTokens.accessToken(username));
  }

  /** Creates a draft and returns its id. */
  public static String draft(String username, String body) {
    return as(username)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/cases")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static String draft(String username) {
    return draft(username, complete());
  }

  /** Creates and submits a complete application; needs a {@link FakeCaseProcess} installed. */
  public static String submitted(String username, String destination, String eccn) {
    String id = draft(username, complete(destination, eccn));
    as(username).when().post("/api/cases/" + id + "/submit").then().statusCode(200);
    return id;
  }

  public static String submitted(String username) {
    return submitted(username, "JP", "4E091");
  }

  public static void withdraw(String username, String id) {
    as(username)
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/cases/" + id + "/withdraw")
        .then()
        .statusCode(200);
  }
}
