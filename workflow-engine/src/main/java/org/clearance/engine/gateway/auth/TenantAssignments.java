package org.clearance.engine.gateway.auth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearance.engine.command.AuthorizedTenants;
import org.clearance.engine.command.Tenants;

/**
 * Which tenants each client may use ({@code clearance.engine.oidc.tenant-assignments}), as
 * Camunda's identity assigns tenants to applications. Read once at start-up; a wrong entry stops
 * the engine with a message naming it rather than granting something unintended.
 */
final class TenantAssignments {

  static final String EVERY_TENANT = "*";

  private final Map<String, AuthorizedTenants> byClient;
  private final AuthorizedTenants others;

  TenantAssignments(String assignments, List<String> defaultTenants) {
    this.byClient = parse(assignments == null ? "" : assignments);
    this.others = tenants(defaultTenants, "clearance.engine.oidc.default-tenants");
  }

  AuthorizedTenants of(String clientId) {
    return byClient.getOrDefault(clientId, others);
  }

  private static Map<String, AuthorizedTenants> parse(String assignments) {
    var byClient = new LinkedHashMap<String, AuthorizedTenants>();
    for (String entry : assignments.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      if (equals <= 0 || entry.substring(0, equals).isBlank()) {
        throw new IllegalArgumentException(
            "clearance.engine.oidc.tenant-assignments: expected client=tenant,tenant, but got '"
                + entry.trim()
                + "'");
      }
      String client = entry.substring(0, equals).trim();
      List<String> tenants =
          Arrays.stream(entry.substring(equals + 1).split(","))
              .map(String::trim)
              .filter(t -> !t.isEmpty())
              .toList();
      if (byClient.put(client, tenants(tenants, "the assignment of client '" + client + "'"))
          != null) {
        throw new IllegalArgumentException(
            "clearance.engine.oidc.tenant-assignments: client '" + client + "' is listed twice");
      }
    }
    return Map.copyOf(byClient);
  }

  private static AuthorizedTenants tenants(List<String> tenants, String where) {
    if (tenants.contains(EVERY_TENANT)) {
      return AuthorizedTenants.ALL;
    }
    try {
      // the same identifiers a request may name (a typo would otherwise grant nothing silently)
      return AuthorizedTenants.only(tenants.stream().map(Tenants::of).toList());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }
}
