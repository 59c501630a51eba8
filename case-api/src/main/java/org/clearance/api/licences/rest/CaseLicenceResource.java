package org.clearance.api.licences.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.clearance.api.licences.service.LicenceViews;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/cases/{caseId}/licence")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Licences")
public class CaseLicenceResource {

  private final LicenceViews licences;
  private final LicenceMapper mapper;

  CaseLicenceResource(LicenceViews licences, LicenceMapper mapper) {
    this.licences = licences;
    this.mapper = mapper;
  }

  @GET
  @Operation(summary = "The licence issued for a case (whoever may read the case)")
  public LicenceResponse licenceOfCase(@PathParam("caseId") UUID caseId) {
    return licences.ofCase(caseId, mapper::toResponse);
  }
}
