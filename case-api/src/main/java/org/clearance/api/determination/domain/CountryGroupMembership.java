package org.clearance.api.determination.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A country's membership of an EAR country group from {@code validFrom} until {@code validTo}. */
@Entity
@Table(name = "country_group_membership")
public class CountryGroupMembership {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "country_code", nullable = false)
  private String countryCode;

  @Column(name = "group_code", nullable = false)
  private String groupCode;

  @Column(name = "valid_from", nullable = false)
  private LocalDate validFrom;

  @Column(name = "valid_to")
  private LocalDate validTo;

  @Column(name = "changed_by", nullable = false)
  private String changedBy;

  protected CountryGroupMembership() {}

  public CountryGroupMembership(
      String countryCode, CountryGroup group, LocalDate validFrom, String changedBy) {
    this.countryCode = countryCode;
    this.groupCode = group.code();
    this.validFrom = validFrom;
    this.changedBy = changedBy;
  }

  public boolean isValidOn(LocalDate day) {
    return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
  }

  /** Ends the membership on {@code day} (exclusive). */
  public void endOn(LocalDate day) {
    this.validTo = day;
  }

  public Long id() {
    return id;
  }

  public String countryCode() {
    return countryCode;
  }

  public CountryGroup group() {
    return CountryGroup.ofCode(groupCode);
  }

  public LocalDate validFrom() {
    return validFrom;
  }

  public LocalDate validTo() {
    return validTo;
  }

  public String changedBy() {
    return changedBy;
  }
}
