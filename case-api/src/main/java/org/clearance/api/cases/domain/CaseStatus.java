package org.clearance.api.cases.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The statuses of a case and the only transitions between them (DOMAIN.md). A licence's own
 * statuses (issued, suspended, revoked, ...) belong to the licence, not to the case.
 */
public enum CaseStatus {
  DRAFT,
  SUBMITTED,
  SCREENING,
  UNDER_REVIEW,
  AWAITING_APPLICANT,
  AWAITING_APPROVAL,
  COUNTERSIGN,
  APPROVED,
  DENIED,
  RETURNED_WITHOUT_ACTION,
  WITHDRAWN,
  NO_LICENCE_REQUIRED;

  private static final Map<CaseStatus, Set<CaseStatus>> TRANSITIONS =
      new EnumMap<>(CaseStatus.class);

  static {
    allow(DRAFT, SUBMITTED, WITHDRAWN);
    allow(SUBMITTED, SCREENING, WITHDRAWN, RETURNED_WITHOUT_ACTION);
    allow(SCREENING, UNDER_REVIEW, NO_LICENCE_REQUIRED, WITHDRAWN, RETURNED_WITHOUT_ACTION);
    allow(UNDER_REVIEW, AWAITING_APPLICANT, AWAITING_APPROVAL, WITHDRAWN, RETURNED_WITHOUT_ACTION);
    // The applicant answers (back to review) or the 10-day wait runs out (returned).
    allow(AWAITING_APPLICANT, UNDER_REVIEW, WITHDRAWN, RETURNED_WITHOUT_ACTION);
    // An approver may send a case back to review, or a high-risk case on to countersign.
    allow(AWAITING_APPROVAL, COUNTERSIGN, APPROVED, DENIED, UNDER_REVIEW, WITHDRAWN);
    allow(COUNTERSIGN, APPROVED, DENIED, AWAITING_APPROVAL, WITHDRAWN);
    for (CaseStatus terminal :
        EnumSet.of(APPROVED, DENIED, RETURNED_WITHOUT_ACTION, WITHDRAWN, NO_LICENCE_REQUIRED)) {
      allow(terminal);
    }
  }

  private static void allow(CaseStatus from, CaseStatus... to) {
    Set<CaseStatus> targets = EnumSet.noneOf(CaseStatus.class);
    targets.addAll(java.util.List.of(to));
    TRANSITIONS.put(from, Collections.unmodifiableSet(targets));
  }

  public Set<CaseStatus> successors() {
    return TRANSITIONS.get(this);
  }

  public boolean canMoveTo(CaseStatus target) {
    return successors().contains(target);
  }

  /** Terminal statuses close all open tasks; nothing follows them. */
  public boolean isTerminal() {
    return successors().isEmpty();
  }

  public CaseStage stage() {
    return switch (this) {
      case DRAFT -> CaseStage.DRAFTING;
      case SUBMITTED, SCREENING -> CaseStage.SCREENING;
      case UNDER_REVIEW, AWAITING_APPLICANT -> CaseStage.REVIEW;
      case AWAITING_APPROVAL, COUNTERSIGN -> CaseStage.APPROVAL;
      case APPROVED, DENIED, RETURNED_WITHOUT_ACTION, WITHDRAWN, NO_LICENCE_REQUIRED ->
          CaseStage.CLOSED;
    };
  }
}
