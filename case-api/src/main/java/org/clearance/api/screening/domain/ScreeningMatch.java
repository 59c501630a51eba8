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

  @Column(name = "entry_key")
  private String entryKey;

  @Column(name = "party_country")
  private String partyCountry;

  @Column(name = "party_name_key")
  private String partyNameKey;

  @Column(name = "entry_content_hash")
  private String entryContentHash;

  @Column(name = "matched_name_kind")
  private String matchedNameKind;

  /** The matcher's explanation as JSON (see screening.matching.Explanation). */
  @Column(name = "explanation")
  private String explanation;

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
    this(
        caseId,
        partyName,
        partyRole,
        listed,
        matchedName,
        null,
        score,
        algorithm,
        null,
        screenedAt);
  }

  public ScreeningMatch(
      UUID caseId,
      String partyName,
      String partyRole,
      RestrictedParty listed,
      String matchedName,
      String matchedNameKind,
      BigDecimal score,
      String algorithm,
      String explanation,
      Instant screenedAt) {
    this.entryKey = listed.entryKey();
    this.entryContentHash = listed.contentHash();
    this.matchedNameKind = matchedNameKind;
    this.explanation = explanation;
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

  /** The party's country and normalised name, the key of a remembered false-match decision. */
  public ScreeningMatch withParty(String country, String nameKey) {
    this.partyCountry = country;
    this.partyNameKey = nameKey;
    return this;
  }

  public String partyCountry() {
    return partyCountry;
  }

  public String partyNameKey() {
    return partyNameKey;
  }

  public String entryContentHash() {
    return entryContentHash;
  }

  public String entryKey() {
    return entryKey;
  }

  public String matchedNameKind() {
    return matchedNameKind;
  }

  public String explanation() {
    return explanation;
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
