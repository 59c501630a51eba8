package org.clearance.api.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that says where the chain ends: the position and hash of the last sealed event.
 * Only the sealer locks it (FOR UPDATE), for the length of one sealing batch, so one sealer at a
 * time extends the chain even with several case-api replicas; writers of events never touch it.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

  public static final int ID = 1;

  @Id private int id;

  @Column(name = "last_position", nullable = false)
  private long lastPosition;

  @Column(name = "last_hash", nullable = false)
  private String lastHash;

  protected AuditChainHead() {}

  public long lastPosition() {
    return lastPosition;
  }

  public String lastHash() {
    return lastHash;
  }

  /** Seals the event as the next link of the chain and moves the head onto it. */
  public void append(AuditEvent event) {
    event.seal(lastPosition + 1, lastHash);
    lastPosition = event.position();
    lastHash = event.hash();
  }
}
