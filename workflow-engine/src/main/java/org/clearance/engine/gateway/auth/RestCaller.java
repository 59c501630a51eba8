package org.clearance.engine.gateway.auth;

import jakarta.enterprise.context.RequestScoped;
import org.clearance.engine.command.AuthorizedTenants;

/**
 * Who sent the current HTTP request, as {@link RestAuthFilter} accepted it: the client and the
 * tenants it may use. Without authentication every request is an anonymous caller of every tenant.
 * Resources read it on the request's thread, before handing work to a command thread.
 */
@RequestScoped
public class RestCaller {

  private String clientId = "anonymous";
  private AuthorizedTenants tenants = AuthorizedTenants.ALL;

  void accepted(AuthOutcome.Authenticated caller) {
    this.clientId = caller.clientId();
    this.tenants = caller.tenants();
  }

  public String clientId() {
    return clientId;
  }

  public AuthorizedTenants tenants() {
    return tenants;
  }
}
