package org.clearance.api.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the Keycloak that ./clearance test runs, for the demo users. */
public final class KeycloakTokens {

  private static final String KEYCLOAK_URL =
      System.getenv().getOrDefault("CLEARANCE_KEYCLOAK_URL", "http://localhost:8183");

  /** Tokens live 15 minutes (the realm's accessTokenLifespan); a long suite outlives them. */
  private static final long REUSE_MILLIS = 10 * 60 * 1000;

  private record Fetched(String token, long at) {}

  private static final Map<String, Fetched> CACHE = new ConcurrentHashMap<>();

  private KeycloakTokens() {}

  /** An access token for a demo user (password "demo"), fetched again after ten minutes. */
  public static String accessToken(String username) {
    return CACHE
        .compute(
            username,
            (name, cached) ->
                cached != null && System.currentTimeMillis() - cached.at() < REUSE_MILLIS
                    ? cached
                    : new Fetched(fetch(name), System.currentTimeMillis()))
        .token();
  }

  private static String fetch(String username) {
    return directGrant("clearance-api", "clearance-api-dev-secret", username, null, "access_token");
  }

  /**
   * A fresh token of the demo user from a direct grant of the given client of the realm ({@code
   * secret} null for a public client such as Keycloak's built-in {@code admin-cli}); {@code kind}
   * is {@code access_token} or {@code id_token} (with {@code scope} openid).
   */
  public static String directGrant(
      String clientId, String secret, String username, String scope, String kind) {
    var request =
        given()
            .baseUri(KEYCLOAK_URL)
            .formParam("grant_type", "password")
            .formParam("client_id", clientId)
            .formParam("username", username)
            .formParam("password", "demo");
    if (secret != null) {
      request.formParam("client_secret", secret);
    }
    if (scope != null) {
      request.formParam("scope", scope);
    }
    return request
        .when()
        .post("/realms/clearance/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path(kind);
  }
}
