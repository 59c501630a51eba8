package org.clearance.engine.conformance;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Typed;

/**
 * {@link InstanceLifecycleTest} through the official client over REST, with its default settings.
 */
// Typed: as a CDI bean this class must not also count as its superclass (ambiguous injection)
@Typed(InstanceLifecycleRestTest.class)
@QuarkusTest
class InstanceLifecycleRestTest extends InstanceLifecycleTest {

  @Override
  boolean overRest() {
    return true;
  }
}
