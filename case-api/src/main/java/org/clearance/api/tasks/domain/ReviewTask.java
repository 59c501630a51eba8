package org.clearance.api.tasks.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/**
 * A job-based user task of the engine, mirrored for the inboxes: the engine's job stays activated
 * (with a long timeout) until the reviewer decides, then the job is completed with the decision.
 */
@Entity
@Table(name = "review_task")
public class ReviewTask {

  @Id private UUID id;

  @Column(name = "case_id", nullable = false, updatable = false)
  private UUID caseId;

  @Column(name = "job_key", nullable = false, updatable = false)
  private long jobKey;

  @Column(name = "process_instance_key", nullable = false, updatable = false)
  private long processInstanceKey;

  @Column(name = "element_id", nullable = false, updatable = false)
  private String elementId;

  @Enumerated(EnumType.STRING)
  @Column(name = "task_type", nullable = false, updatable = false)
  private TaskType type;

  @Column(name = "candidate_role", nullable = false, updatable = false)
  private String candidateRole;

  private String assignee;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TaskStatus status;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "claimed_at")
  private Instant claimedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "completed_by")
  private String completedBy;

  /** The reviewer's decision as JSON (outcome, comment, question, reasons, dispositions). */
  private String decision;

  /**
   * A technical audit's findings, in the auditor's order (their own table, not the JSON above).
   * Batch-fetched: the earlier-reviews list shows a page of tasks with their findings.
   */
  @ElementCollection
  @CollectionTable(name = "technical_audit_finding", joinColumns = @JoinColumn(name = "task_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 100)
  private List<AuditFinding> findings = new ArrayList<>();

  /** What a technical auditor examined. */
  @Column(name = "audit_evidence", length = 4000)
  private String evidence;

  @Column(name = "close_reason")
  private String closeReason;

  @Version private long version;

  protected ReviewTask() {}

  public ReviewTask(
      UUID caseId,
      long jobKey,
      long processInstanceKey,
      String elementId,
      TaskType type,
      String candidateRole,
      String assignee,
      Instant dueAt,
      Instant createdAt) {
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.jobKey = jobKey;
    this.processInstanceKey = processInstanceKey;
    this.elementId = elementId;
    this.type = type;
    this.candidateRole = candidateRole;
    this.assignee = assignee;
    this.dueAt = dueAt;
    this.createdAt = createdAt;
    this.status = TaskStatus.OPEN;
  }

  public boolean isOpen() {
    return status == TaskStatus.OPEN;
  }

  public void assignTo(String username, Instant at) {
    this.assignee = username;
    this.claimedAt = username == null ? null : at;
  }

  public void complete(String by, String decisionJson, Instant at) {
    this.status = TaskStatus.COMPLETED;
    this.completedBy = by;
    this.decision = decisionJson;
    this.completedAt = at;
    if (assignee == null) {
      assignee = by;
      claimedAt = at;
    }
  }

  /** A technical audit's findings and evidence, recorded with its completion. */
  public void recordAudit(List<AuditFinding> findings, String evidence) {
    if (type != TaskType.TECHNICAL_AUDIT) {
      throw new IllegalStateException("only a technical audit has findings, not a " + type);
    }
    this.findings.clear();
    this.findings.addAll(findings);
    this.evidence = evidence;
  }

  public void cancel(String reason, Instant at) {
    this.status = TaskStatus.CANCELLED;
    this.closeReason = reason;
    this.completedAt = at;
  }

  public UUID id() {
    return id;
  }

  public UUID caseId() {
    return caseId;
  }

  public long jobKey() {
    return jobKey;
  }

  public long processInstanceKey() {
    return processInstanceKey;
  }

  public String elementId() {
    return elementId;
  }

  public TaskType type() {
    return type;
  }

  public String candidateRole() {
    return candidateRole;
  }

  public String assignee() {
    return assignee;
  }

  public TaskStatus status() {
    return status;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant claimedAt() {
    return claimedAt;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public String completedBy() {
    return completedBy;
  }

  public String decision() {
    return decision;
  }

  public String closeReason() {
    return closeReason;
  }

  public List<AuditFinding> findings() {
    return List.copyOf(findings);
  }

  public String evidence() {
    return evidence;
  }
}
