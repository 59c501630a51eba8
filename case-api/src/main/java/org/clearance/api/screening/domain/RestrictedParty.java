package org.clearance.api.screening.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** An entry of a restricted-party list (CSL shape), with the list version it came from. */
@Entity
@Table(name = "restricted_party")
public class RestrictedParty {

  @Id private Long id;

  @Column(nullable = false)
  private String source;

  @Column(nullable = false)
  private String name;

  @Column(name = "alt_names", nullable = false)
  private String altNames;

  @Column(name = "country_code")
  private String countryCode;

  @Column(name = "entry_key", nullable = false)
  private String entryKey;

  @Column(name = "content_hash", nullable = false)
  private String contentHash;

  @Column(name = "list_version", nullable = false)
  private String listVersion;

  protected RestrictedParty() {}

  public Long id() {
    return id;
  }

  public String source() {
    return source;
  }

  public String name() {
    return name;
  }

  /** The name and every alias (aliases are separated by ';', as in the CSL's alt_names). */
  public List<String> allNames() {
    var names = new java.util.ArrayList<String>();
    names.add(name);
    Arrays.stream(altNames.split(";"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .forEach(names::add);
    return names;
  }

  public String entryKey() {
    return entryKey;
  }

  public String contentHash() {
    return contentHash;
  }

  public String countryCode() {
    return countryCode;
  }

  public String listVersion() {
    return listVersion;
  }
}
