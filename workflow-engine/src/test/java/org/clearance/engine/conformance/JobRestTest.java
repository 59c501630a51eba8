package org.clearance.engine.conformance;

import io.quarkus.test.junit.QuarkusTest;

/** {@link JobTest} through the official client over REST, with its default settings. */
@QuarkusTest
class JobRestTest extends JobTest {

  @Override
  boolean overRest() {
    return true;
  }
}
