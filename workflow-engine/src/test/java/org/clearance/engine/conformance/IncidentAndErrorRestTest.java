package org.clearance.engine.conformance;

import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link IncidentAndErrorTest} through the official client over REST, with its default settings.
 */
@QuarkusTest
class IncidentAndErrorRestTest extends IncidentAndErrorTest {

  @Override
  boolean overRest() {
    return true;
  }
}
