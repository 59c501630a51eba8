package org.clearance.engine.conformance;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Typed;

/** {@link SignalEventTest} over REST ({@code POST /v2/signals/broadcast}), the client's default. */
// Typed: as a CDI bean this class must not also count as its superclass (ambiguous injection)
@Typed(SignalEventRestTest.class)
@QuarkusTest
class SignalEventRestTest extends SignalEventTest {

  @Override
  boolean overRest() {
    return true;
  }
}
