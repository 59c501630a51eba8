package org.clearance.engine.decision;

/**
 * The decision requirements graph has no decision with the requested id. The gateway maps it to
 * NOT_FOUND; a business rule task to a CALLED_DECISION_ERROR incident.
 */
public class DecisionNotFoundException extends RuntimeException {

  private final String decisionId;
  private final String decisionRequirementsId;

  public DecisionNotFoundException(String decisionId, String decisionRequirementsId) {
    super(
        "Expected to evaluate decision '%s', but no such decision is in the decision requirements graph '%s'"
            .formatted(decisionId, decisionRequirementsId));
    this.decisionId = decisionId;
    this.decisionRequirementsId = decisionRequirementsId;
  }

  public String decisionId() {
    return decisionId;
  }

  public String decisionRequirementsId() {
    return decisionRequirementsId;
  }
}
