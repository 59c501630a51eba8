package org.clearance.engine.command;

import java.util.List;
import java.util.Set;

/**
 * The tenants a caller may use, as Camunda's multi-tenancy assigns tenants to clients: a request
 * naming another tenant is refused, and searches and reads by key see only these tenants' rows.
 * Without authentication ({@code clearance.engine.auth=none}) there is no caller to limit, so every
 * tenant is allowed.
 */
public record AuthorizedTenants(boolean all, Set<String> tenants) {

  /** Every tenant (no authentication, or a client assigned the wildcard {@code *}). */
  public static final AuthorizedTenants ALL = new AuthorizedTenants(true, Set.of());

  public AuthorizedTenants {
    tenants = Set.copyOf(tenants);
  }

  public static AuthorizedTenants only(java.util.Collection<String> tenants) {
    return new AuthorizedTenants(false, Set.copyOf(tenants));
  }

  public boolean allows(String tenant) {
    return all || tenants.contains(tenant);
  }

  /** The assigned tenants, sorted (what a worker with tenant filter ASSIGNED activates). */
  public List<String> sorted() {
    return tenants.stream().sorted().toList();
  }

  /**
   * The tenants a worker activates: those it names (tenant filter PROVIDED; none means the default
   * tenant), or with tenant filter ASSIGNED the caller's assigned tenants.
   *
   * @throws Rejection INVALID_ARGUMENT for an invalid identifier, or for ASSIGNED when the caller
   *     is not limited to assigned tenants (without authentication, or a client assigned every
   *     tenant)
   */
  public List<String> forWorker(boolean assigned, List<String> provided) {
    if (!assigned) {
      return Tenants.of(provided);
    }
    if (all) {
      throw Rejection.invalidArgument(
          "Expected tenant filter PROVIDED: the caller is not limited to assigned tenants"
              + " (no authentication, or a client assigned every tenant), so name the tenants");
    }
    return sorted();
  }

  /**
   * Checks that the caller may use a tenant a request names (already validated by {@link
   * Tenants#of(String)}).
   *
   * @throws Rejection PERMISSION_DENIED naming the tenant
   */
  public void require(String tenant, String clientId) {
    if (!allows(tenant)) {
      throw Rejection.permissionDenied(
          "Expected client '%s' to be assigned tenant '%s', but it is assigned only %s"
              .formatted(clientId, tenant, sorted()));
    }
  }
}
