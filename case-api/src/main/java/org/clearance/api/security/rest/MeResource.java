package org.clearance.api.security.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  /** The realm roles Clearance knows; Keycloak's own default roles are left out. */
  static final Set<String> CLEARANCE_ROLES =
      Set.of("applicant", "auditor", "legal", "approver", "manager", "admin");

  private final SecurityIdentity identity;
  private final JsonWebToken token;

  MeResource(SecurityIdentity identity, JsonWebToken token) {
    this.identity = identity;
    this.token = token;
  }

  @GET
  public MeResponse me() {
    List<String> roles =
        identity.getRoles().stream().filter(CLEARANCE_ROLES::contains).sorted().toList();
    return new MeResponse(
        token.getClaim("preferred_username"),
        token.getClaim("name"),
        token.getClaim("email"),
        roles,
        token.getClaim("org"));
  }
}
