package org.clearance.api.sla.domain;

/** How a stage stands against its target. */
public enum SlaState {
  ON_TRACK,
  AT_RISK,
  BREACHED
}
