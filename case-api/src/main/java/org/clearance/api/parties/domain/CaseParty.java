package org.clearance.api.parties.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A party to the export: consignee, end user, ultimate end user or intermediate consignee. */
@Entity
@Table(name = "case_party")
public class CaseParty {

  /** What an applicant states about a party; any field may still be missing in a draft. */
  public record Content(PartyRole role, String name, String address, String country) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private int position;

  @Enumerated(EnumType.STRING)
  private PartyRole role;

  private String name;
  private String address;

  @Column(name = "country_code")
  private String country;

  protected CaseParty() {}

  /** A row of its case's list (the case owns the link: ExportCase maps case_id). */
  public CaseParty(int position, Content content) {
    this.position = position;
    update(content);
  }

  public void update(Content content) {
    role = content.role();
    name = content.name();
    address = content.address();
    country = content.country();
  }

  public Content content() {
    return new Content(role, name, address, country);
  }

  public Long id() {
    return id;
  }
}
