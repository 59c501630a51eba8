package org.clearance.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import org.clearance.api.cases.domain.CaseStage;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.cases.domain.IllegalTransitionException;
import org.junit.jupiter.api.Test;

class CaseStatusTest {

  @Test
  void shouldFollowTheMainPathFromDraftToApproval() {
    assertThat(CaseStatus.DRAFT.successors())
        .containsExactlyInAnyOrder(CaseStatus.SUBMITTED, CaseStatus.WITHDRAWN);
    assertThat(CaseStatus.SUBMITTED.canMoveTo(CaseStatus.SCREENING)).isTrue();
    assertThat(CaseStatus.SCREENING.canMoveTo(CaseStatus.UNDER_REVIEW)).isTrue();
    assertThat(CaseStatus.UNDER_REVIEW.canMoveTo(CaseStatus.AWAITING_APPROVAL)).isTrue();
    assertThat(CaseStatus.AWAITING_APPROVAL.canMoveTo(CaseStatus.COUNTERSIGN)).isTrue();
    assertThat(CaseStatus.COUNTERSIGN.canMoveTo(CaseStatus.APPROVED)).isTrue();
  }

  @Test
  void shouldAllowTheSidePaths() {
    assertThat(CaseStatus.SCREENING.canMoveTo(CaseStatus.NO_LICENCE_REQUIRED)).isTrue();
    assertThat(CaseStatus.UNDER_REVIEW.canMoveTo(CaseStatus.AWAITING_APPLICANT)).isTrue();
    assertThat(CaseStatus.AWAITING_APPLICANT.canMoveTo(CaseStatus.UNDER_REVIEW)).isTrue();
    assertThat(CaseStatus.AWAITING_APPLICANT.canMoveTo(CaseStatus.RETURNED_WITHOUT_ACTION))
        .isTrue();
  }

  @Test
  void shouldNotSkipScreeningOrReviewOnTheWayToADecision() {
    assertThat(CaseStatus.DRAFT.canMoveTo(CaseStatus.APPROVED)).isFalse();
    assertThat(CaseStatus.SUBMITTED.canMoveTo(CaseStatus.AWAITING_APPROVAL)).isFalse();
    assertThat(CaseStatus.UNDER_REVIEW.canMoveTo(CaseStatus.APPROVED)).isFalse();
    assertThat(CaseStatus.SUBMITTED.canMoveTo(CaseStatus.DRAFT)).isFalse();
  }

  @Test
  void shouldHaveNoWayOutOfATerminalStatus() {
    EnumSet<CaseStatus> terminal =
        EnumSet.of(
            CaseStatus.APPROVED,
            CaseStatus.DENIED,
            CaseStatus.RETURNED_WITHOUT_ACTION,
            CaseStatus.WITHDRAWN,
            CaseStatus.NO_LICENCE_REQUIRED);
    for (CaseStatus status : CaseStatus.values()) {
      assertThat(status.isTerminal()).as(status.name()).isEqualTo(terminal.contains(status));
      assertThat(status.stage() == CaseStage.CLOSED)
          .as(status.name())
          .isEqualTo(status.isTerminal());
    }
  }

  @Test
  void shouldLetAnUndecidedCaseBeWithdrawn() {
    for (CaseStatus status : CaseStatus.values()) {
      if (!status.isTerminal()) {
        assertThat(status.canMoveTo(CaseStatus.WITHDRAWN)).as(status.name()).isTrue();
      }
    }
  }

  @Test
  void shouldRejectAnIllegalTransitionAndKeepTheStatus() {
    ExportCase exportCase = ExportCase.draft("EL-2026-000001", "acme-ai", "alice", Instant.now());
    exportCase.moveTo(CaseStatus.WITHDRAWN, Instant.now());

    assertThatThrownBy(() -> exportCase.moveTo(CaseStatus.SUBMITTED, Instant.now()))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("A case in status WITHDRAWN cannot move to SUBMITTED.");
    assertThat(exportCase.status()).isEqualTo(CaseStatus.WITHDRAWN);
    assertThat(exportCase.closedAt()).isNotNull();
  }
}
