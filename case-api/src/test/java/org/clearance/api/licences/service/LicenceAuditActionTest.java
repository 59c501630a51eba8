package org.clearance.api.licences.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.clearance.api.licences.domain.LicenceStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicenceAuditActionTest {

  @ParameterizedTest(name = "{0} -> {1} is audited as {2}")
  @CsvSource({
    "ISSUED, SUSPENDED, LICENCE_SUSPENDED",
    "ISSUED, REVOKED, LICENCE_REVOKED",
    "ISSUED, EXHAUSTED, LICENCE_EXHAUSTED",
    "ISSUED, EXPIRED, LICENCE_EXPIRED",
    "SUSPENDED, ISSUED, LICENCE_REINSTATED",
    "SUSPENDED, REVOKED, LICENCE_REVOKED",
    "SUSPENDED, EXPIRED, LICENCE_EXPIRED"
  })
  void shouldAuditEachAllowedTransitionByWhatHappened(
      LicenceStatus from, LicenceStatus to, String action) {
    // given: a transition the licence's lifecycle allows
    assertThat(from.canMoveTo(to)).isTrue();

    // when / then
    assertThat(LicenceService.auditAction(from, to)).isEqualTo(action);
  }
}
