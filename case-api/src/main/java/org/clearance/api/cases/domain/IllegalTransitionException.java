package org.clearance.api.cases.domain;

/** A status change that the transition table of {@link CaseStatus} does not allow. */
public class IllegalTransitionException extends RuntimeException {

  private final CaseStatus from;
  private final CaseStatus to;

  public IllegalTransitionException(CaseStatus from, CaseStatus to) {
    super("A case in status " + from + " cannot move to " + to + ".", null, false, false);
    this.from = from;
    this.to = to;
  }

  public CaseStatus from() {
    return from;
  }

  public CaseStatus to() {
    return to;
  }
}
