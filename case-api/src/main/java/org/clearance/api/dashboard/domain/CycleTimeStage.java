package org.clearance.api.dashboard.domain;

/**
 * The stages whose cycle times a dashboard reports, named as in {@code case_stage_time}: three case
 * stages (review without the time spent awaiting the applicant) and the total from submission to
 * decision.
 */
public enum CycleTimeStage {
  SCREENING,
  REVIEW,
  APPROVAL,
  TOTAL
}
