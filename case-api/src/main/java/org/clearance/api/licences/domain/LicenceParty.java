package org.clearance.api.licences.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A consignee or end user named on a licence; exports to anyone else are not covered. */
@Embeddable
public class LicenceParty {

  @Column(nullable = false)
  private String role;

  @Column(nullable = false)
  private String name;

  private String address;

  @Column(name = "country_code")
  private String country;

  protected LicenceParty() {}

  public LicenceParty(String role, String name, String address, String country) {
    this.role = role;
    this.name = name;
    this.address = address;
    this.country = country;
  }

  public String role() {
    return role;
  }

  public String name() {
    return name;
  }

  public String address() {
    return address;
  }

  public String country() {
    return country;
  }
}
