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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearance.api.items.domain.CaseItem;
import org.clearance.api.parties.domain.CaseParty;

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

  @OneToMany(mappedBy = "exportCase", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<CaseItem> items = new ArrayList<>();

  @OneToMany(mappedBy = "exportCase", cascade = CascadeType.ALL, orphanRemoval = true)
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
        items.add(new CaseItem(this, i, contents.get(i)));
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
        parties.add(new CaseParty(this, i, contents.get(i)));
      }
    }
  }

  public void touch(Instant now) {
    updatedAt = now;
  }

  public void recordProcessInstance(long key) {
    this.processInstanceKey = key;
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
