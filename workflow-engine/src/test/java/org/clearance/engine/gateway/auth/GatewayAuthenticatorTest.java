package org.clearance.engine.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearance.engine.config.AuthMode;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token rules of the gateways against a realm of our own: a JWKS served from a local HTTP
 * server and tokens signed here, so every way a token can be wrong is reachable (expired, foreign
 * audience or issuer, ID token, missing role, forged signature, alg=none, unknown key).
 */
class GatewayAuthenticatorTest {

  private static final String AUDIENCE = "clearance-engine";
  private static final String ROLE = "engine-user";

  private HttpServer realm;
  private String issuer;
  private final AtomicInteger keyFetches = new AtomicInteger();
  private RsaJsonWebKey signingKey;
  private GatewayAuthenticator authenticator;

  @BeforeEach
  void startRealm() throws Exception {
    signingKey = RsaJwkGenerator.generateJwk(2048);
    signingKey.setKeyId("realm-key-1");
    realm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    realm.createContext(
        "/certs",
        exchange -> {
          keyFetches.incrementAndGet();
          byte[] body =
              new JsonWebKeySet(signingKey)
                  .toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    realm.start();
    issuer = "http://127.0.0.1:" + realm.getAddress().getPort() + "/realms/clearance";
    authenticator = new GatewayAuthenticator(AuthMode.OIDC, config());
  }

  @AfterEach
  void stopRealm() {
    realm.stop(0);
  }

  @Test
  void shouldAcceptAccessTokenOfTheRealmWithTheEngineRole() throws Exception {
    // when
    AuthOutcome outcome = authenticator.authenticate("Bearer " + sign(claims("case-api-workflow")));

    // then
    assertThat(outcome).isEqualTo(new AuthOutcome.Authenticated("case-api-workflow"));
  }

  @Test
  void shouldAcceptTheRoleAsRealmRole() throws Exception {
    // given
    JwtClaims claims = claims("other-application");
    claims.unsetClaim("resource_access");
    claims.setClaim("realm_access", Map.of("roles", List.of(ROLE)));

    // then
    assertThat(authenticator.authenticate("Bearer " + sign(claims)))
        .isInstanceOf(AuthOutcome.Authenticated.class);
  }

  @Test
  void shouldVerifyEachTokenOnceAndFetchKeysOnce() throws Exception {
    // given
    String header = "Bearer " + sign(claims("case-api-workflow"));
    authenticator.authenticate(header);

    // when: the realm is gone, the verified token is still known
    realm.stop(0);
    AuthOutcome again = authenticator.authenticate(header);
    AuthOutcome other = authenticator.authenticate("Bearer " + sign(claims("other-application")));

    // then
    assertThat(again).isEqualTo(new AuthOutcome.Authenticated("case-api-workflow"));
    assertThat(other).isEqualTo(new AuthOutcome.Authenticated("other-application"));
    assertThat(keyFetches).hasValue(1);
  }

  @Test
  void shouldForbidClientWithoutTheEngineRole() throws Exception {
    // given
    JwtClaims claims = claims("engine-no-role");
    claims.setClaim("resource_access", Map.of(AUDIENCE, Map.of("roles", List.of("reader"))));

    // when
    AuthOutcome outcome = authenticator.authenticate("Bearer " + sign(claims));

    // then
    assertThat(outcome)
        .isEqualTo(
            new AuthOutcome.Forbidden(
                "client 'engine-no-role' lacks the role 'engine-user' the workflow engine requires"));
  }

  @Test
  void shouldRefuseExpiredToken() throws Exception {
    // given: expired well beyond the tolerated clock skew
    JwtClaims claims = claims("case-api-workflow");
    claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 120));

    // then
    assertThat(authenticator.authenticate("Bearer " + sign(claims)))
        .isEqualTo(new AuthOutcome.Unauthenticated("the access token has expired"));
  }

  @Test
  void shouldRefuseCachedTokenOnceItExpires() throws Exception {
    // given: valid for one more second (minus the skew the first check tolerates)
    JwtClaims claims = claims("case-api-workflow");
    claims.setExpirationTime(NumericDate.fromMilliseconds(System.currentTimeMillis() + 1000));
    String header = "Bearer " + sign(claims);
    assertThat(authenticator.authenticate(header)).isInstanceOf(AuthOutcome.Authenticated.class);

    // when
    Thread.sleep(1100);

    // then
    assertThat(authenticator.authenticate(header))
        .isEqualTo(new AuthOutcome.Unauthenticated("the access token has expired"));
  }

  @Test
  void shouldRefuseTokenForAnotherAudience() throws Exception {
    // given: a token the realm issued for the case API
    JwtClaims claims = claims("clearance-api");
    claims.setAudience("clearance-api", "account");

    // then
    assertThat(authenticator.authenticate("Bearer " + sign(claims)))
        .isEqualTo(
            new AuthOutcome.Unauthenticated(
                "the token is not issued for the workflow engine (audience 'clearance-engine')"));
  }

  @Test
  void shouldRefuseTokenOfAnotherIssuer() throws Exception {
    // given
    JwtClaims claims = claims("case-api-workflow");
    claims.setIssuer("http://127.0.0.1:1/realms/elsewhere");

    // then
    assertThat(authenticator.authenticate("Bearer " + sign(claims)))
        .isEqualTo(new AuthOutcome.Unauthenticated("the token is not issued by " + issuer));
  }

  @Test
  void shouldRefuseIdTokenUsedAsBearer() throws Exception {
    // given
    JwtClaims claims = claims("case-api-workflow");
    claims.setClaim("typ", "ID");

    // then
    assertThat(authenticator.authenticate("Bearer " + sign(claims)))
        .isEqualTo(new AuthOutcome.Unauthenticated("the token is not an access token (typ ID)"));
  }

  @Test
  void shouldRefuseTokenSignedByAnotherKeyWithTheRealmsKeyId() throws Exception {
    // given: a forger's key that claims the realm's key id
    RsaJsonWebKey forged = RsaJwkGenerator.generateJwk(2048);
    forged.setKeyId("realm-key-1");

    // then
    assertThat(authenticator.authenticate("Bearer " + sign(claims("intruder"), forged)))
        .isEqualTo(
            new AuthOutcome.Unauthenticated("the token's signature is not one of the realm's"));
  }

  @Test
  void shouldRefuseTamperedPayload() throws Exception {
    // given: a valid token whose payload now claims another client
    String[] parts = sign(claims("engine-no-role")).split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("engine-no-role", "case-api-workflow");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    // then
    assertThat(authenticator.authenticate("Bearer " + tampered))
        .isEqualTo(
            new AuthOutcome.Unauthenticated("the token's signature is not one of the realm's"));
  }

  @Test
  void shouldRefuseUnsignedToken() throws Exception {
    // given: alg=none
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims("case-api-workflow").toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
    jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);

    // then
    assertThat(authenticator.authenticate("Bearer " + jws.getCompactSerialization()))
        .isInstanceOf(AuthOutcome.Unauthenticated.class);
  }

  @Test
  void shouldRefuseMissingMalformedAndNonBearerCredentials() {
    assertThat(authenticator.authenticate(null))
        .isEqualTo(
            new AuthOutcome.Unauthenticated(
                "a bearer access token is required (Authorization: Bearer <token>)"));
    assertThat(authenticator.authenticate("Basic YWRtaW46YWRtaW4="))
        .isEqualTo(
            new AuthOutcome.Unauthenticated("the Authorization header is not a bearer token"));
    assertThat(authenticator.authenticate("Bearer ..."))
        .isEqualTo(new AuthOutcome.Unauthenticated("the bearer token is not a valid access token"));
    assertThat(authenticator.authenticate("Bearer not-a-jwt"))
        .isEqualTo(new AuthOutcome.Unauthenticated("the bearer token is not a valid access token"));
  }

  @Test
  void shouldNotFetchKeysAgainWithinTheRefreshInterval() throws Exception {
    // given: keys loaded, then a token with a key id the realm never published
    authenticator.authenticate("Bearer " + sign(claims("case-api-workflow")));
    RsaJsonWebKey unknown = RsaJwkGenerator.generateJwk(2048);
    unknown.setKeyId("forged-key-id");

    // when
    AuthOutcome first = authenticator.authenticate("Bearer " + sign(claims("a"), unknown));
    AuthOutcome second = authenticator.authenticate("Bearer " + sign(claims("b"), unknown));

    // then
    assertThat(first)
        .isEqualTo(
            new AuthOutcome.Unauthenticated("the token's signature is not one of the realm's"));
    assertThat(second).isEqualTo(first);
    assertThat(keyFetches).hasValue(1);
  }

  @Test
  void shouldFetchTheRotatedKeyOfTheRealm() throws Exception {
    // given: refresh allowed at once; keys loaded before the realm rotates its key
    GatewayAuthenticator eager = new GatewayAuthenticator(AuthMode.OIDC, config(Duration.ZERO));
    assertThat(eager.authenticate("Bearer " + sign(claims("before"))))
        .isInstanceOf(AuthOutcome.Authenticated.class);
    RsaJsonWebKey rotated = RsaJwkGenerator.generateJwk(2048);
    rotated.setKeyId("realm-key-2");
    signingKey = rotated;

    // when
    AuthOutcome outcome = eager.authenticate("Bearer " + sign(claims("after"), rotated));

    // then
    assertThat(outcome).isEqualTo(new AuthOutcome.Authenticated("after"));
    assertThat(keyFetches).hasValue(2);
  }

  @Test
  void shouldLetEverythingThroughWithAuthNone() {
    GatewayAuthenticator open = new GatewayAuthenticator(AuthMode.NONE, config());
    assertThat(open.authenticate(null)).isInstanceOf(AuthOutcome.Authenticated.class);
    assertThat(open.ready()).isTrue();
  }

  private JwtClaims claims(String client) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(AUDIENCE, "account");
    claims.setExpirationTimeMinutesInTheFuture(5);
    claims.setIssuedAtToNow();
    claims.setGeneratedJwtId();
    claims.setSubject("service-account-" + client);
    claims.setClaim("typ", "Bearer");
    claims.setClaim("azp", client);
    claims.setClaim("resource_access", Map.of(AUDIENCE, Map.of("roles", List.of(ROLE))));
    return claims;
  }

  private String sign(JwtClaims claims) throws Exception {
    return sign(claims, signingKey);
  }

  private static String sign(JwtClaims claims, RsaJsonWebKey key) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return jws.getCompactSerialization();
  }

  private OidcConfig config() {
    return config(Duration.ofSeconds(30));
  }

  private OidcConfig config(Duration refreshInterval) {
    String jwks = "http://127.0.0.1:" + realm.getAddress().getPort() + "/certs";
    return new OidcConfig() {
      @Override
      public String issuer() {
        return issuer;
      }

      @Override
      public Optional<String> jwksUrl() {
        return Optional.of(jwks);
      }

      @Override
      public String audience() {
        return AUDIENCE;
      }

      @Override
      public String requiredRole() {
        return ROLE;
      }

      @Override
      public int tokenCacheSize() {
        return 100;
      }

      @Override
      public Duration keyRefreshInterval() {
        return refreshInterval;
      }

      @Override
      public Duration clockSkew() {
        return Duration.ofSeconds(30);
      }
    };
  }
}
