package org.clearance.api.licences.domain;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An export licence issued for an approved case; its terms never change after issue. */
@Entity
@Table(name = "licence")
public class Licence {

  @Id private UUID id;

  @Column(nullable = false, unique = true, updatable = false)
  private String number;

  @Column(name = "case_id", nullable = false, unique = true, updatable = false)
  private UUID caseId;

  @Column(name = "case_reference", nullable = false, updatable = false)
  private String caseReference;

  @Column(name = "holder_organisation", nullable = false, updatable = false)
  private String holderOrganisation;

  @Column(name = "holder_contact_name", updatable = false)
  private String holderContactName;

  @Column(name = "holder_contact_email", updatable = false)
  private String holderContactEmail;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private LicenceStatus status;

  @Column(name = "valid_from", nullable = false, updatable = false)
  private LocalDate validFrom;

  @Column(name = "valid_until", nullable = false, updatable = false)
  private LocalDate validUntil;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(name = "issued_by", nullable = false, updatable = false)
  private String issuedBy;

  @Column(name = "status_reason")
  private String statusReason;

  @Column(name = "status_changed_at", nullable = false)
  private Instant statusChangedAt;

  @ElementCollection
  @CollectionTable(name = "licence_item", joinColumns = @JoinColumn(name = "licence_id"))
  @OrderColumn(name = "position")
  private List<LicenceItem> items = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "licence_destination", joinColumns = @JoinColumn(name = "licence_id"))
  @OrderColumn(name = "position")
  @Column(name = "country_code", nullable = false)
  private List<String> destinations = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "licence_party", joinColumns = @JoinColumn(name = "licence_id"))
  @OrderColumn(name = "position")
  private List<LicenceParty> parties = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "licence_condition", joinColumns = @JoinColumn(name = "licence_id"))
  @OrderColumn(name = "position")
  @Column(name = "text", nullable = false)
  private List<String> conditions = new ArrayList<>();

  @Version private long version;

  protected Licence() {}

  /** Who holds the licence: the applicant organisation and its contact on the case. */
  public record Holder(String organisation, String contactName, String contactEmail) {}

  public static Licence issue(
      String number,
      UUID caseId,
      String caseReference,
      Holder holder,
      LocalDate validFrom,
      LocalDate validUntil,
      List<LicenceItem> items,
      List<String> destinations,
      List<LicenceParty> parties,
      List<String> conditions,
      Instant now,
      String issuedBy) {
    Licence licence = new Licence();
    licence.id = UUID.randomUUID();
    licence.number = number;
    licence.caseId = caseId;
    licence.caseReference = caseReference;
    licence.holderOrganisation = holder.organisation();
    licence.holderContactName = holder.contactName();
    licence.holderContactEmail = holder.contactEmail();
    licence.status = LicenceStatus.ISSUED;
    licence.validFrom = validFrom;
    licence.validUntil = validUntil;
    licence.issuedAt = now;
    licence.issuedBy = issuedBy;
    licence.statusChangedAt = now;
    licence.items.addAll(items);
    licence.destinations.addAll(destinations);
    licence.parties.addAll(parties);
    licence.conditions.addAll(conditions);
    return licence;
  }

  /** Moves along the transition table or refuses; the reason is kept with the new status. */
  public void moveTo(LicenceStatus target, String reason, Instant now) {
    if (!status.canMoveTo(target)) {
      throw new IllegalLicenceTransitionException(number, status, target);
    }
    status = target;
    statusReason = reason;
    statusChangedAt = now;
  }

  /**
   * The status as of {@code today}: a live licence whose validity has ended is expired even before
   * the scheduled expiry run has recorded it.
   */
  public LicenceStatus statusOn(LocalDate today) {
    return status.isLive() && today.isAfter(validUntil) ? LicenceStatus.EXPIRED : status;
  }

  public UUID id() {
    return id;
  }

  public String number() {
    return number;
  }

  public UUID caseId() {
    return caseId;
  }

  public String caseReference() {
    return caseReference;
  }

  public Holder holder() {
    return new Holder(holderOrganisation, holderContactName, holderContactEmail);
  }

  public String holderOrganisation() {
    return holderOrganisation;
  }

  public LicenceStatus status() {
    return status;
  }

  public LocalDate validFrom() {
    return validFrom;
  }

  public LocalDate validUntil() {
    return validUntil;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public String issuedBy() {
    return issuedBy;
  }

  public String statusReason() {
    return statusReason;
  }

  public Instant statusChangedAt() {
    return statusChangedAt;
  }

  public List<LicenceItem> items() {
    return List.copyOf(items);
  }

  public List<String> destinations() {
    return List.copyOf(destinations);
  }

  public List<LicenceParty> parties() {
    return List.copyOf(parties);
  }

  public List<String> conditions() {
    return List.copyOf(conditions);
  }
}
