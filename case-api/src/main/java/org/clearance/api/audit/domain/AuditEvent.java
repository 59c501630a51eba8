package org.clearance.api.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One link of the audit chain: who did what to which case, when. The id is the position in the
 * chain (1, 2, 3, ...), so a missing event shows as a gap.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id private long id;

  @Column(name = "case_id", updatable = false)
  private UUID caseId;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(nullable = false, updatable = false)
  private String detail;

  @Column(name = "previous_hash", nullable = false, updatable = false)
  private String previousHash;

  @Column(nullable = false, updatable = false)
  private String hash;

  protected AuditEvent() {}

  public AuditEvent(
      long position,
      UUID caseId,
      Instant occurredAt,
      String actor,
      String action,
      String detail,
      String previousHash) {
    this.id = position;
    this.caseId = caseId;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.detail = detail;
    this.previousHash = previousHash;
    this.hash = AuditHash.of(this);
  }

  public long position() {
    return id;
  }

  public UUID caseId() {
    return caseId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String detail() {
    return detail;
  }

  public String previousHash() {
    return previousHash;
  }

  public String hash() {
    return hash;
  }
}
