package org.clearance.api.audit.service;

import java.util.UUID;

/**
 * The outcome of recomputing the audit chain: whether it holds, how many sealed events were
 * checked, where the head says the chain ends, and how many events were still waiting to be sealed
 * when the check ended (normally 0: verification seals what is committed first, and only events
 * committed during the check can be left).
 */
public record ChainVerification(
    boolean valid,
    long eventsChecked,
    long headPosition,
    long unsealedEvents,
    BrokenLink firstBrokenLink) {

  /** The first event at which the chain does not hold, and why. */
  public record BrokenLink(long position, UUID caseId, String reason) {}
}
