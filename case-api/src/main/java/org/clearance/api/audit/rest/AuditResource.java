package org.clearance.api.audit.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clearance.api.audit.service.AuditService;
import org.clearance.api.audit.service.ChainVerification;
import org.clearance.api.common.rest.ProblemException;
import org.clearance.api.security.service.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

  private final AuditService audit;
  private final Caller caller;

  AuditResource(AuditService audit, Caller caller) {
    this.audit = audit;
    this.caller = caller;
  }

  @GET
  @Path("verify")
  @Operation(
      summary = "Recompute the audit hash chain (managers, admins)",
      description =
          "Seals the events committed so far, then recomputes the chain by position. valid=false"
              + " names the first event at which the chain does not hold; unsealedEvents counts"
              + " events committed during the check, not yet chained.")
  public ChainVerification verify() {
    if (!caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
      throw ProblemException.forbidden(
          "Only managers and admins verify the audit trail; your roles are "
              + caller.roles()
              + ".");
    }
    return audit.verify();
  }
}
