package org.clearance.api.cases.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.api.items.domain.CaseItem;
import org.clearance.api.parties.domain.CaseParty;
import org.clearance.api.sla.domain.SlaStage;
import org.clearance.api.sla.service.SlaPlan;

/** An export-licence application, from draft to decision. */
@Entity
@Table(name = "export_case")
public class ExportCase {

  @Id private UUID id;

  @Column(nullable = false, unique = true, updatable = false)
  private String reference;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CaseStatus status;

  @Column(nullable = false, updatable = false)
  private String organisation;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "contact_name")
  private String contactName;

  @Column(name = "contact_email")
  private String contactEmail;

  @Column(name = "contact_phone")
  private String contactPhone;

  @Column(name = "end_use_statement")
  private String endUseStatement;

  @ElementCollection
  @CollectionTable(name = "case_destination", joinColumns = @JoinColumn(name = "case_id"))
  @OrderColumn(name = "position")
  @Column(name = "country_code", nullable = false)
  private List<String> destinations = new ArrayList<>();

  // One way: the case owns its items and parties through their case_id column; they hold no
  // reference back (queries that start from an item or party join from the case instead).
  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "case_id", nullable = false)
  @OrderBy("position")
  private List<CaseItem> items = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "case_id", nullable = false)
  @OrderBy("position")
  private List<CaseParty> parties = new ArrayList<>();

  @Column(name = "process_instance_key")
  private Long processInstanceKey;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  // --- set by the process (routing facts, SLA plan, decision) ---

  @Column(name = "classification")
  private String classification;

  @Column(name = "country_group")
  private String countryGroup;

  @Column(name = "licence_required")
  private Boolean licenceRequired;

  @Column(name = "review_policy")
  private String reviewPolicy;

  @Column(name = "determination_basis")
  private String determinationBasis;

  @Column(name = "adjudication_due_at")
  private Instant adjudicationDueAt;

  @Column(name = "audit_due_at")
  private Instant auditDueAt;

  @Column(name = "legal_due_at")
  private Instant legalDueAt;

  @Column(name = "approval_due_at")
  private Instant approvalDueAt;

  @Column(name = "countersign_due_at")
  private Instant countersignDueAt;

  @Column(name = "total_due_at")
  private Instant totalDueAt;

  @Column(name = "rfi_timeout")
  private String rfiTimeout;

  @Column(name = "sla_paused_at")
  private Instant slaPausedAt;

  @Column(name = "high_risk", nullable = false)
  private boolean highRisk;

  @Column(name = "high_risk_reason")
  private String highRiskReason;

  @Column(name = "decision_reasons")
  private String decisionReasons;

  @Column(name = "appeal_deadline")
  private LocalDate appealDeadline;

  @Version private long version;

  protected ExportCase() {}

  public static ExportCase draft(
      String reference, String organisation, String createdBy, Instant now) {
    ExportCase exportCase = new ExportCase();
    exportCase.id = UUID.randomUUID();
    exportCase.reference = reference;
    exportCase.organisation = organisation;
    exportCase.createdBy = createdBy;
    exportCase.status = CaseStatus.DRAFT;
    exportCase.createdAt = now;
    exportCase.updatedAt = now;
    return exportCase;
  }

  /** Only drafts are edited; a submitted application changes through its process. */
  public boolean isEditable() {
    return status == CaseStatus.DRAFT;
  }

  /** Moves along the transition table or refuses. */
  public void moveTo(CaseStatus target, Instant now) {
    if (!status.canMoveTo(target)) {
      throw new IllegalTransitionException(status, target);
    }
    status = target;
    updatedAt = now;
    if (target == CaseStatus.SUBMITTED) {
      submittedAt = now;
    }
    if (target.isTerminal()) {
      closedAt = now;
    }
  }

  public void setContact(String name, String email, String phone) {
    this.contactName = name;
    this.contactEmail = email;
    this.contactPhone = phone;
  }

  public void setEndUseStatement(String endUseStatement) {
    this.endUseStatement = endUseStatement;
  }

  public void replaceDestinations(List<String> countryCodes) {
    destinations.clear();
    destinations.addAll(countryCodes);
  }

  /** Replaces the items, reusing rows by position so that an edit does not churn ids. */
  public void replaceItems(List<CaseItem.Content> contents) {
    while (items.size() > contents.size()) {
      items.remove(items.size() - 1);
    }
    for (int i = 0; i < contents.size(); i++) {
      if (i < items.size()) {
        items.get(i).update(contents.get(i));
      } else {
        items.add(new CaseItem(i, contents.get(i)));
      }
    }
  }

  public void replaceParties(List<CaseParty.Content> contents) {
    while (parties.size() > contents.size()) {
      parties.remove(parties.size() - 1);
    }
    for (int i = 0; i < contents.size(); i++) {
      if (i < parties.size()) {
        parties.get(i).update(contents.get(i));
      } else {
        parties.add(new CaseParty(i, contents.get(i)));
      }
    }
  }

  public void touch(Instant now) {
    updatedAt = now;
  }

  public void recordProcessInstance(long key) {
    this.processInstanceKey = key;
  }

  /** The facts the licence-requirement decision reads, fixed at submission. */
  public void recordRoutingFacts(String classification, String countryGroup) {
    this.classification = classification;
    this.countryGroup = countryGroup;
  }

  /** The outcome of the licence-requirement decision, as the process reported it. */
  public void recordDetermination(Boolean licenceRequired, String reviewPolicy, String basis) {
    this.licenceRequired = licenceRequired;
    this.reviewPolicy = reviewPolicy;
    this.determinationBasis = basis;
  }

  public void planSla(SlaPlan plan) {
    adjudicationDueAt = plan.dueAt(SlaStage.ADJUDICATION);
    auditDueAt = plan.dueAt(SlaStage.TECHNICAL_AUDIT);
    legalDueAt = plan.dueAt(SlaStage.LEGAL_REVIEW);
    approvalDueAt = plan.dueAt(SlaStage.APPROVAL);
    countersignDueAt = plan.dueAt(SlaStage.COUNTERSIGN);
    totalDueAt = plan.dueAt(SlaStage.TOTAL);
    rfiTimeout = plan.requestForInformationTimeout();
  }

  /** The SLA plan stored at submission (and moved by every answered request), or null. */
  public SlaPlan slaPlan() {
    if (totalDueAt == null) {
      return null;
    }
    Map<SlaStage, Instant> due = new EnumMap<>(SlaStage.class);
    due.put(SlaStage.ADJUDICATION, adjudicationDueAt);
    due.put(SlaStage.TECHNICAL_AUDIT, auditDueAt);
    due.put(SlaStage.LEGAL_REVIEW, legalDueAt);
    due.put(SlaStage.APPROVAL, approvalDueAt);
    due.put(SlaStage.COUNTERSIGN, countersignDueAt);
    due.put(SlaStage.TOTAL, totalDueAt);
    return new SlaPlan(due, rfiTimeout);
  }

  /** Stops the SLA clock (a request for information is open); a second pause keeps the first. */
  public void pauseSla(Instant at) {
    if (slaPausedAt == null) {
      slaPausedAt = at;
    }
  }

  public void resumeSla() {
    slaPausedAt = null;
  }

  public void flagHighRisk(String reason) {
    this.highRisk = true;
    this.highRiskReason = reason;
  }

  public void recordDenial(String reasons, LocalDate appealDeadline) {
    this.decisionReasons = reasons;
    this.appealDeadline = appealDeadline;
  }

  public String classification() {
    return classification;
  }

  public String countryGroup() {
    return countryGroup;
  }

  public Boolean licenceRequired() {
    return licenceRequired;
  }

  public String reviewPolicy() {
    return reviewPolicy;
  }

  public String determinationBasis() {
    return determinationBasis;
  }

  public Instant totalDueAt() {
    return totalDueAt;
  }

  public Instant slaPausedAt() {
    return slaPausedAt;
  }

  public boolean highRisk() {
    return highRisk;
  }

  public String highRiskReason() {
    return highRiskReason;
  }

  public String decisionReasons() {
    return decisionReasons;
  }

  public LocalDate appealDeadline() {
    return appealDeadline;
  }

  public UUID id() {
    return id;
  }

  public String reference() {
    return reference;
  }

  public CaseStatus status() {
    return status;
  }

  public String organisation() {
    return organisation;
  }

  public String createdBy() {
    return createdBy;
  }

  public String contactName() {
    return contactName;
  }

  public String contactEmail() {
    return contactEmail;
  }

  public String contactPhone() {
    return contactPhone;
  }

  public String endUseStatement() {
    return endUseStatement;
  }

  public List<String> destinations() {
    return List.copyOf(destinations);
  }

  public List<CaseItem> items() {
    return List.copyOf(items);
  }

  public List<CaseParty> parties() {
    return List.copyOf(parties);
  }

  public Long processInstanceKey() {
    return processInstanceKey;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public long version() {
    return version;
  }
}
