package org.clearance.engine.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the gateways can verify tokens: with {@code auth=oidc} the realm's signing keys
 * must have been loaded, or every call would be refused.
 */
@Readiness
@ApplicationScoped
public class RealmKeysHealthCheck implements HealthCheck {

  private final GatewayAuthenticator authenticator;

  RealmKeysHealthCheck(GatewayAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("gateway-authentication")
        .status(authenticator.ready())
        .withData("mode", authenticator.mode().name().toLowerCase(java.util.Locale.ROOT))
        .build();
  }
}
