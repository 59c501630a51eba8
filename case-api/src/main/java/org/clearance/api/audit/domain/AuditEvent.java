package org.clearance.api.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One link of the audit chain: who did what to which case, when.
 *
 * <p>An event is written unsealed, in the transaction of the change it records: it has an id (from
 * the sequence {@code audit_event_id_seq}, the insertion order) but no position and no hashes.
 * After its commit the {@code AuditSealer} seals it once: it gives it the next position in the
 * chain (1, 2, 3, ..., so a missing event shows as a gap), the hash of the event before it and its
 * own hash. The chain order is the sealing order, which may differ from the id order when
 * transactions commit out of the order they wrote in. Events chained before sealing was
 * asynchronous have position = id.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private long id;

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

  private Long position;

  @Column(name = "previous_hash")
  private String previousHash;

  private String hash;

  protected AuditEvent() {}

  /** An unsealed event. */
  public AuditEvent(UUID caseId, Instant occurredAt, String actor, String action, String detail) {
    this.caseId = caseId;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.detail = detail;
  }

  /** Gives the event its place in the chain; an event is sealed once. */
  public void seal(long position, String previousHash) {
    if (isSealed()) {
      throw new IllegalStateException(
          "audit event " + id + " is already sealed at position " + this.position);
    }
    this.position = position;
    this.previousHash = previousHash;
    this.hash = AuditHash.of(this);
  }

  public boolean isSealed() {
    return hash != null;
  }

  public long id() {
    return id;
  }

  /** The place in the chain, or null while unsealed. */
  public Long position() {
    return position;
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

  /** The hash of the event before it in the chain, or null while unsealed. */
  public String previousHash() {
    return previousHash;
  }

  /** The hash of its position, content and previous hash, or null while unsealed. */
  public String hash() {
    return hash;
  }
}
