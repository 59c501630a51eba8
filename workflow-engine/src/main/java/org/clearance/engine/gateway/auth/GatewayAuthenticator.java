package org.clearance.engine.gateway.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.Key;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.clearance.engine.config.AuthMode;
import org.clearance.engine.config.EngineConfig;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Decides, for every gateway (gRPC and REST), whether the bearer token of a request may drive the
 * engine: an OAuth 2 access token signed by the realm, for the engine's audience, not expired, of a
 * client that holds the engine's role. As a Camunda 8 gateway does with its identity provider.
 *
 * <p>A verified token is remembered (with its outcome) until it expires, so a client that reuses
 * its token, as the Camunda client's OAuth credentials provider does, costs one map lookup per
 * call; the realm's keys are held in memory ({@link RealmKeys}).
 */
@ApplicationScoped
public class GatewayAuthenticator {

  private static final Logger LOG = Logger.getLogger(GatewayAuthenticator.class);
  private static final String BEARER = "bearer ";

  private record Verified(AuthOutcome outcome, long expiresAtMillis) {}

  private final AuthMode mode;
  private final OidcConfig config;
  private final RealmKeys keys;
  private final JwtConsumer consumer;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  @jakarta.inject.Inject
  GatewayAuthenticator(EngineConfig engine, OidcConfig config) {
    this(engine.auth(), config);
  }

  GatewayAuthenticator(AuthMode mode, OidcConfig config) {
    this.mode = mode;
    this.config = config;
    this.keys = new RealmKeys(config);
    this.consumer =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
            .setExpectedIssuer(config.issuer())
            .setExpectedAudience(config.audience())
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.RSA_USING_SHA256,
                AlgorithmIdentifiers.RSA_USING_SHA384,
                AlgorithmIdentifiers.RSA_USING_SHA512,
                AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                AlgorithmIdentifiers.RSA_PSS_USING_SHA384,
                AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
                AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512)
            .setVerificationKeyResolver(this::resolveKey)
            .build();
  }

  void loadKeysAtStart(@Observes StartupEvent start) {
    if (mode == AuthMode.NONE) {
      LOG.warn("clearance.engine.auth=none: the gateways accept every request without a token");
      return;
    }
    LOG.infof(
        "gateways accept access tokens of %s for audience '%s' with role '%s'",
        config.issuer(), config.audience(), config.requiredRole());
    Thread loader =
        new Thread(
            () -> {
              while (!keys.loaded()) {
                if (!keys.refreshIfDue()) {
                  try {
                    Thread.sleep(2000);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              }
            },
            "realm-keys-loader");
    loader.setDaemon(true);
    loader.start();
  }

  public AuthMode mode() {
    return mode;
  }

  /** Whether the gateways can verify tokens now (always, without authentication). */
  public boolean ready() {
    return mode == AuthMode.NONE || keys.loaded();
  }

  /**
   * The decision for one request, given its {@code Authorization} header value (null if absent).
   */
  public AuthOutcome authenticate(String authorization) {
    if (mode == AuthMode.NONE) {
      return new AuthOutcome.Authenticated("anonymous");
    }
    if (authorization == null || authorization.isBlank()) {
      return new AuthOutcome.Unauthenticated(
          "a bearer access token is required (Authorization: Bearer <token>)");
    }
    if (authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return new AuthOutcome.Unauthenticated("the Authorization header is not a bearer token");
    }
    String token = authorization.substring(BEARER.length()).trim();
    long now = System.currentTimeMillis();
    Verified known = verified.get(token);
    if (known != null) {
      if (now < known.expiresAtMillis()) {
        return known.outcome();
      }
      verified.remove(token);
      return new AuthOutcome.Unauthenticated("the access token has expired");
    }
    return verify(token, now);
  }

  private AuthOutcome verify(String token, long now) {
    JwtClaims claims;
    try {
      claims = consumer.processToClaims(token);
    } catch (InvalidJwtException e) {
      return new AuthOutcome.Unauthenticated(reason(e));
    }
    try {
      Object type = claims.getClaimValue("typ");
      if (type != null && !"Bearer".equalsIgnoreCase(type.toString())) {
        return new AuthOutcome.Unauthenticated(
            "the token is not an access token (typ " + type + ")");
      }
      String client = clientOf(claims);
      AuthOutcome outcome =
          holdsRole(claims)
              ? new AuthOutcome.Authenticated(client)
              : new AuthOutcome.Forbidden(
                  "client '"
                      + client
                      + "' lacks the role '"
                      + config.requiredRole()
                      + "' the workflow engine requires");
      remember(token, outcome, claims.getExpirationTime().getValueInMillis(), now);
      return outcome;
    } catch (MalformedClaimException e) {
      return new AuthOutcome.Unauthenticated("the token has a malformed claim: " + e.getMessage());
    }
  }

  private void remember(String token, AuthOutcome outcome, long expiresAtMillis, long now) {
    if (verified.size() >= config.tokenCacheSize()) {
      verified.values().removeIf(v -> v.expiresAtMillis() <= now);
      if (verified.size() >= config.tokenCacheSize()) {
        verified.clear();
      }
    }
    verified.put(token, new Verified(outcome, expiresAtMillis));
  }

  private boolean holdsRole(JwtClaims claims) {
    if (contains(claims.getClaimValue("realm_access"))) {
      return true;
    }
    return claims.getClaimValue("resource_access") instanceof Map<?, ?> clients
        && contains(clients.get(config.audience()));
  }

  private boolean contains(Object access) {
    return access instanceof Map<?, ?> map
        && map.get("roles") instanceof Collection<?> roles
        && roles.contains(config.requiredRole());
  }

  private static String clientOf(JwtClaims claims) throws MalformedClaimException {
    for (String name : List.of("azp", "client_id", "sub")) {
      String value = claims.getStringClaimValue(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "unknown";
  }

  private String reason(InvalidJwtException e) {
    if (e.hasExpired()) {
      return "the access token has expired";
    }
    if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
        || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
      return "the token is not issued for the workflow engine (audience '"
          + config.audience()
          + "')";
    }
    if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
      return "the token is not issued by " + config.issuer();
    }
    if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)
        || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)
        || causedByUnknownKey(e)) {
      return "the token's signature is not one of the realm's";
    }
    if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
      return "the token is not valid now";
    }
    return "the bearer token is not a valid access token";
  }

  private static boolean causedByUnknownKey(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvableKeyException) {
        return true;
      }
    }
    return false;
  }

  private Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nesting)
      throws UnresolvableKeyException {
    try {
      JsonWebKey key = select(jws, keys.current());
      if (key == null && keys.refreshIfDue()) {
        key = select(jws, keys.current());
      }
      if (key == null) {
        throw new UnresolvableKeyException(
            "no signing key of the realm matches key id " + jws.getKeyIdHeaderValue());
      }
      return key.getKey();
    } catch (JoseException e) {
      throw new UnresolvableKeyException(e.getMessage(), e);
    }
  }

  private static JsonWebKey select(JsonWebSignature jws, List<JsonWebKey> candidates)
      throws JoseException {
    if (candidates.isEmpty()) {
      return null;
    }
    return new VerificationJwkSelector().select(jws, candidates);
  }
}
