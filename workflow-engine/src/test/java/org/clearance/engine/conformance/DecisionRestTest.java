package org.clearance.engine.conformance;

import io.quarkus.test.junit.QuarkusTest;

/** {@link DecisionTest} through the official client over REST, with its default settings. */
@QuarkusTest
class DecisionRestTest extends DecisionTest {

  @Override
  boolean overRest() {
    return true;
  }
}
