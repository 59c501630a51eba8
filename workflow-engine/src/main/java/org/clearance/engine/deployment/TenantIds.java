package org.clearance.engine.deployment;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Tenant identifiers as Zeebe documents them: a request without a tenant means the default tenant
 * {@code <default>}; other identifiers are at most 31 characters of letters, digits and {@code _ -
 * + .}.
 */
public final class TenantIds {

  public static final String DEFAULT = "<default>";
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_\\-+.]{1,31}");

  private TenantIds() {}

  /** The tenant a request names, the default tenant when it names none. */
  public static String of(String requested) {
    String tenant = requested == null || requested.isEmpty() ? DEFAULT : requested;
    if (!tenant.equals(DEFAULT) && !VALID.matcher(tenant).matches()) {
      throw new IllegalArgumentException(
          "Expected a tenant identifier of at most 31 letters, digits or '_', '-', '+', '.', but got '%s'"
              .formatted(tenant));
    }
    return tenant;
  }

  /** The tenants of a worker: the default tenant when it names none. */
  public static List<String> of(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return List.of(DEFAULT);
    }
    return requested.stream().map(TenantIds::of).distinct().sorted().toList();
  }
}
