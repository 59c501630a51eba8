package org.clearance.engine.conformance;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Typed;

/**
 * {@link IncidentAndErrorTest} through the official client over REST, with its default settings.
 */
// Typed: as a CDI bean this class must not also count as its superclass (ambiguous injection)
@Typed(IncidentAndErrorRestTest.class)
@QuarkusTest
class IncidentAndErrorRestTest extends IncidentAndErrorTest {

  @Override
  boolean overRest() {
    return true;
  }
}
