package org.clearance.engine.command;

/** Multi-tenancy is off: every command belongs to the default tenant. */
public final class Tenants {

  /** The tenant id of everything the engine holds, as Zeebe names it. */
  public static final String DEFAULT_TENANT = "<default>";

  private Tenants() {}

  /**
   * Accepts no tenant (null or empty) or the default one.
   *
   * @throws Rejection INVALID_ARGUMENT for any other tenant
   */
  public static void requireDefault(String tenantId) {
    if (tenantId != null && !tenantId.isEmpty() && !tenantId.equals(DEFAULT_TENANT)) {
      throw Rejection.invalidArgument(
          "Expected to handle request with tenant identifier '%s', but multi-tenancy is disabled"
              .formatted(tenantId));
    }
  }
}
