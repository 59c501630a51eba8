package org.clearance.api.tasks.domain;

/**
 * How serious a technical-audit finding is, mildest first. A CRITICAL finding on a certified audit
 * makes the case high-risk (its approval then needs a manager's countersign).
 */
public enum FindingSeverity {
  OBSERVATION,
  MINOR,
  MAJOR,
  CRITICAL
}
