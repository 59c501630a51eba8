package org.clearance.engine.conformance;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Typed;

/**
 * {@link TenantTest} through the official client over REST: deploy, create, activate, publish and
 * decisions of the REST gateway keep tenants apart exactly as gRPC does.
 */
// Typed: as a CDI bean this class must not also count as its superclass (ambiguous injection)
@Typed(TenantRestTest.class)
@QuarkusTest
class TenantRestTest extends TenantTest {

  @Override
  boolean overRest() {
    return true;
  }
}
