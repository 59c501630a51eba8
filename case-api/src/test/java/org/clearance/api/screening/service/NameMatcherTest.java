package org.clearance.api.screening.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameMatcherTest {

  @Test
  void shouldIgnoreCaseAccentsPunctuationAndLegalForms() {
    assertThat(NameMatcher.normalise("  Volga Photonics, GmbH. ")).isEqualTo("volga photonics");
    assertThat(NameMatcher.normalise("Société Générale S.A.")).isEqualTo("societe generale s a");
    assertThat(NameMatcher.score("VOLGA PHOTONICS Ltd", "Volga Photonics GmbH")).isEqualTo(1.0);
  }

  @Test
  void shouldScoreNearNamesAboveAndUnrelatedNamesBelowTheThreshold() {
    assertThat(NameMatcher.score("Volga Fotonics", "Volga Photonics GmbH"))
        .isGreaterThanOrEqualTo(ScreeningService.THRESHOLD);
    assertThat(NameMatcher.score("Kumo Research KK", "Volga Photonics GmbH"))
        .isLessThan(ScreeningService.THRESHOLD);
    assertThat(NameMatcher.jaroWinkler("martha", "marhta")).isBetween(0.96, 0.962);
  }
}
