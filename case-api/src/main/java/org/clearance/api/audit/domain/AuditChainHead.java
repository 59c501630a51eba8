package org.clearance.api.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row that says where the chain ends; locked by every writer. */
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

  public void advanceTo(AuditEvent event) {
    lastPosition = event.position();
    lastHash = event.hash();
  }
}
