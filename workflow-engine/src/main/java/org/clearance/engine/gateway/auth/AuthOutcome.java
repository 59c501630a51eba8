package org.clearance.engine.gateway.auth;

/**
 * What the {@link GatewayAuthenticator} decided about one request. Each gateway maps it to its own
 * answer: UNAUTHENTICATED / PERMISSION_DENIED on gRPC, 401 / 403 problem+json on REST.
 */
public sealed interface AuthOutcome {

  /** A valid token of a client holding the engine's role. */
  record Authenticated(String clientId) implements AuthOutcome {}

  /** No token, or one the engine does not accept (malformed, expired, foreign, tampered). */
  record Unauthenticated(String reason) implements AuthOutcome {}

  /** A valid token whose client lacks the role the engine requires. */
  record Forbidden(String reason) implements AuthOutcome {}
}
