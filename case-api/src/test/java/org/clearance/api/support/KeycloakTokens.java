package org.clearance.api.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the Keycloak that ./clearance test runs, for the demo users. */
public final class KeycloakTokens {

  private static final String KEYCLOAK_URL =
      System.getenv().getOrDefault("CLEARANCE_KEYCLOAK_URL", "http://localhost:8183");
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private KeycloakTokens() {}

  /** An access token for a demo user (password "demo"), fetched once per test run. */
  public static String accessToken(String username) {
    return CACHE.computeIfAbsent(username, KeycloakTokens::fetch);
  }

  private static String fetch(String username) {
    return given()
        .baseUri(KEYCLOAK_URL)
        .formParam("grant_type", "password")
        .formParam("client_id", "clearance-api")
        .formParam("client_secret", "clearance-api-dev-secret")
        .formParam("username", username)
        .formParam("password", "demo")
        .when()
        .post("/realms/clearance/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }
}
