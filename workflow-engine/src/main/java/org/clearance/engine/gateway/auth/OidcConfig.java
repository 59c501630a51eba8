package org.clearance.engine.gateway.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Which tokens the gateways accept when {@code clearance.engine.auth=oidc}. */
@ConfigMapping(prefix = "clearance.engine.oidc")
public interface OidcConfig {

  /** The realm's issuer URL; tokens must carry exactly this {@code iss}. */
  String issuer();

  /**
   * Where the realm publishes its signing keys. Without it the keys are found through the issuer's
   * {@code .well-known/openid-configuration}.
   */
  Optional<String> jwksUrl();

  /** The audience ({@code aud}) every token must name: the engine's client in the realm. */
  @WithDefault("clearance-engine")
  String audience();

  /**
   * The role a client needs, as a client role of the audience client ({@code
   * resource_access.<audience>.roles}) or as a realm role.
   */
  @WithDefault("engine-user")
  String requiredRole();

  /** Verified tokens remembered until they expire; beyond this many the cache starts over. */
  @WithDefault("10000")
  int tokenCacheSize();

  /** Shortest pause between two fetches of the realm's keys (a token with an unknown key id). */
  @WithDefault("PT30S")
  Duration keyRefreshInterval();

  /** Clock difference to the realm tolerated on {@code exp} and {@code nbf}. */
  @WithDefault("PT30S")
  Duration clockSkew();
}
