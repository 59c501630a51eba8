package org.clearance.api.audit.service;

import java.util.UUID;

/** The outcome of recomputing the audit chain. */
public record ChainVerification(
    boolean valid, long eventsChecked, long headPosition, BrokenLink firstBrokenLink) {

  /** The first event at which the chain does not hold, and why. */
  public record BrokenLink(long position, UUID caseId, String reason) {}
}
