package org.clearance.engine.command;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Tenant identifiers as Zeebe documents them: a request without a tenant means the default tenant
 * {@code <default>}; other identifiers are at most 31 characters of letters, digits and {@code _ -
 * + .}. Resources and instances of one tenant are invisible to requests of another.
 */
public final class Tenants {

  /** The tenant of a request that names none, as Zeebe names it. */
  public static final String DEFAULT_TENANT = "<default>";

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_\\-+.]{1,31}");

  private Tenants() {}

  /**
   * The tenant a request names, the default tenant when it names none (null or empty).
   *
   * @throws Rejection INVALID_ARGUMENT for an identifier Zeebe would refuse
   */
  public static String of(String requested) {
    String tenant = requested == null || requested.isEmpty() ? DEFAULT_TENANT : requested;
    if (!tenant.equals(DEFAULT_TENANT) && !VALID.matcher(tenant).matches()) {
      throw Rejection.invalidArgument(
          "Expected a tenant identifier of at most 31 letters, digits or '_', '-', '+', '.', but got '%s'"
              .formatted(tenant));
    }
    return tenant;
  }

  /**
   * The tenants of a worker, distinct and sorted: the default tenant when it names none.
   *
   * @throws Rejection INVALID_ARGUMENT for an identifier Zeebe would refuse
   */
  public static List<String> of(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return List.of(DEFAULT_TENANT);
    }
    return requested.stream().map(Tenants::of).distinct().sorted().toList();
  }
}
