package org.clearance.api.security.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import java.util.TreeSet;
import org.clearance.api.common.error.Rejection;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, reduced to what case rules need: name, Clearance roles and organisation. */
@RequestScoped
public class Caller {

  public static final String APPLICANT = "applicant";
  public static final String AUDITOR = "auditor";
  public static final String LEGAL = "legal";
  public static final String APPROVER = "approver";
  public static final String MANAGER = "manager";
  public static final String ADMIN = "admin";

  /** Every Clearance role; a token's other roles (Keycloak's own) are not ours. */
  public static final Set<String> ROLES =
      Set.of(APPLICANT, AUDITOR, LEGAL, APPROVER, MANAGER, ADMIN);

  /** Roles that work on submitted cases of every organisation. */
  public static final Set<String> CASE_STAFF = Set.of(AUDITOR, LEGAL, APPROVER, MANAGER);

  private final SecurityIdentity identity;
  private final JsonWebToken token;

  Caller(SecurityIdentity identity, JsonWebToken token) {
    this.identity = identity;
    this.token = token;
  }

  public String username() {
    String name = token.getClaim("preferred_username");
    return name != null ? name : identity.getPrincipal().getName();
  }

  /** The applicant's organisation (token claim {@code org}); null for staff. */
  public String organisation() {
    Object org = token.getClaim("org");
    return org == null ? null : org.toString();
  }

  public boolean hasRole(String role) {
    return identity.hasRole(role);
  }

  public boolean isApplicant() {
    return hasRole(APPLICANT) && organisation() != null;
  }

  public boolean isCaseStaff() {
    return CASE_STAFF.stream().anyMatch(identity::hasRole);
  }

  public Set<String> roles() {
    Set<String> roles = new TreeSet<>(identity.getRoles());
    roles.retainAll(ROLES);
    return roles;
  }

  /** Applicants of an organisation are the only ones who write applications. */
  public void requireApplicant(String action) {
    if (!hasRole(APPLICANT)) {
      throw Rejection.forbidden(
          "Only applicants can " + action + "; your roles are " + roles() + ".");
    }
    if (organisation() == null) {
      throw Rejection.forbidden(
          "Your account has no organisation (token claim 'org'), so you cannot " + action + ".");
    }
  }

  /** Reading cases needs an applicant's organisation or a case-working role. */
  public void requireCaseReader() {
    if (!isApplicant() && !isCaseStaff()) {
      throw Rejection.forbidden(
          "Cases are open to applicants of their organisation and to auditors, legal reviewers,"
              + " approvers and managers; your roles are "
              + roles()
              + ".");
    }
  }
}
