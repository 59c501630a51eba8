package org.clearance.engine.conformance;

import io.quarkus.test.junit.QuarkusTest;

/** {@link DeploymentTest} through the official client over REST, with its default settings. */
@QuarkusTest
class DeploymentRestTest extends DeploymentTest {

  @Override
  boolean overRest() {
    return true;
  }
}
