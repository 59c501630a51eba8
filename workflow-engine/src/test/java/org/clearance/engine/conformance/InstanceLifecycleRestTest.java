package org.clearance.engine.conformance;

import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link InstanceLifecycleTest} through the official client over REST, with its default settings.
 */
@QuarkusTest
class InstanceLifecycleRestTest extends InstanceLifecycleTest {

  @Override
  boolean overRest() {
    return true;
  }
}
