package org.clearance.engine.conformance;

import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link MessageCorrelationTest} through the official client over REST, with its default settings.
 */
@QuarkusTest
class MessageCorrelationRestTest extends MessageCorrelationTest {

  @Override
  boolean overRest() {
    return true;
  }
}
