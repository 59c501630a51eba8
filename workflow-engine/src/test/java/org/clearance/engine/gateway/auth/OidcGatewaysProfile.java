package org.clearance.engine.gateway.auth;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The engine as the launcher runs it: gateways accept only access tokens of the test realm. */
public class OidcGatewaysProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("clearance.engine.auth", "oidc");
  }
}
