package org.clearance.api.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stage of a case passed its target and was escalated to the managers. */
@Entity
@Table(name = "sla_escalation")
public class SlaEscalation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private UUID caseId;

  @Column(nullable = false)
  private String stage;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "escalated_at", nullable = false)
  private Instant escalatedAt;

  @Column(name = "job_key", nullable = false)
  private long jobKey;

  protected SlaEscalation() {}

  public SlaEscalation(UUID caseId, String stage, Instant dueAt, Instant escalatedAt, long jobKey) {
    this.caseId = caseId;
    this.stage = stage;
    this.dueAt = dueAt;
    this.escalatedAt = escalatedAt;
    this.jobKey = jobKey;
  }

  public UUID caseId() {
    return caseId;
  }

  public String stage() {
    return stage;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public Instant escalatedAt() {
    return escalatedAt;
  }
}
