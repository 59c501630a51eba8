package org.clearance.engine.conformance;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Typed;

/**
 * {@link MessageCorrelationTest} through the official client over REST, with its default settings.
 */
// Typed: as a CDI bean this class must not also count as its superclass (ambiguous injection)
@Typed(MessageCorrelationRestTest.class)
@QuarkusTest
class MessageCorrelationRestTest extends MessageCorrelationTest {

  @Override
  boolean overRest() {
    return true;
  }
}
