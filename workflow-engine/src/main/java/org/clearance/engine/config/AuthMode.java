package org.clearance.engine.config;

/** How the gateways decide who may call them ({@code clearance.engine.auth}). */
public enum AuthMode {
  /** Only OAuth 2 access tokens of the realm, with the audience and role the engine requires. */
  OIDC,
  /** Anyone who reaches the port (the engine's own conformance tests and benchmarks). */
  NONE
}
