package org.clearance.api.screening.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A potential match of a case's party on a restricted-party list, until a human disposes of it. */
@Entity
@Table(name = "screening_match")
public class ScreeningMatch {

  /** A reviewer's verdict on a potential match. */
  public enum Disposition {
    TRUE_MATCH,
    FALSE_MATCH
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private UUID caseId;

  @Column(name = "party_name", nullable = false)
  private String partyName;

  @Column(name = "party_role", nullable = false)
  private String partyRole;

  @Column(name = "listed_party", nullable = false)
  private Long listedParty;

  @Column(name = "listed_name", nullable = false)
  private String listedName;

  @Column(name = "list_source", nullable = false)
  private String listSource;

  @Column(name = "list_version", nullable = false)
  private String listVersion;

  @Column(nullable = false)
  private BigDecimal score;

  @Column(nullable = false)
  private String algorithm;

  @Column(name = "screened_at", nullable = false)
  private Instant screenedAt;

  @Enumerated(EnumType.STRING)
  private Disposition disposition;

  @Column(name = "disposition_reason")
  private String dispositionReason;

  @Column(name = "disposed_by")
  private String disposedBy;

  @Column(name = "disposed_at")
  private Instant disposedAt;

  protected ScreeningMatch() {}

  public ScreeningMatch(
      UUID caseId,
      String partyName,
      String partyRole,
      RestrictedParty listed,
      String matchedName,
      BigDecimal score,
      String algorithm,
      Instant screenedAt) {
    this.caseId = caseId;
    this.partyName = partyName;
    this.partyRole = partyRole;
    this.listedParty = listed.id();
    this.listedName = matchedName;
    this.listSource = listed.source();
    this.listVersion = listed.listVersion();
    this.score = score;
    this.algorithm = algorithm;
    this.screenedAt = screenedAt;
  }

  public void dispose(Disposition disposition, String reason, String by, Instant at) {
    this.disposition = disposition;
    this.dispositionReason = reason;
    this.disposedBy = by;
    this.disposedAt = at;
  }

  public Long id() {
    return id;
  }

  public UUID caseId() {
    return caseId;
  }

  public String partyName() {
    return partyName;
  }

  public String partyRole() {
    return partyRole;
  }

  public String listedName() {
    return listedName;
  }

  public String listSource() {
    return listSource;
  }

  public String listVersion() {
    return listVersion;
  }

  public BigDecimal score() {
    return score;
  }

  public String algorithm() {
    return algorithm;
  }

  public Disposition disposition() {
    return disposition;
  }

  public String dispositionReason() {
    return dispositionReason;
  }

  public String disposedBy() {
    return disposedBy;
  }
}
