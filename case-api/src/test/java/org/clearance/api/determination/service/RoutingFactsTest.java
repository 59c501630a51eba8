package org.clearance.api.determination.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RoutingFactsTest {

  @Test
  void shouldPickTheMostRestrictiveClassification() {
    assertThat(RoutingFacts.classification(Arrays.asList("EAR99", "3A090.a", "4E091")))
        .isEqualTo("4E091");
    assertThat(RoutingFacts.classification(Arrays.asList("EAR99", "5A002"))).isEqualTo("5A002");
    assertThat(RoutingFacts.classification(Arrays.asList("EAR99", null))).isEqualTo("EAR99");
  }
}
