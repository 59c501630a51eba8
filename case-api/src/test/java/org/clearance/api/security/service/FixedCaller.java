package org.clearance.api.security.service;

import java.util.Set;

/** A caller with fixed name and roles, for rules no demo user's roles can reach. */
public class FixedCaller extends Caller {
  private final String name;
  private final Set<String> roles;

  public FixedCaller(String name, Set<String> roles) {
    super(null, null);
    this.name = name;
    this.roles = roles;
  }

  @Override
  public String username() {
    return name;
  }

  @Override
  public String organisation() {
    return null;
  }

  @Override
  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  @Override
  public boolean isCaseStaff() {
    return roles.stream().anyMatch(CASE_STAFF::contains);
  }

  @Override
  public Set<String> roles() {
    return roles;
  }
}
