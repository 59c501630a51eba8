package org.clearance.api.licences.rest;

import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.clearance.api.common.rest.ProblemException;
import org.clearance.api.licences.domain.Licence;
import org.clearance.api.licences.domain.LicenceRepository;
import org.clearance.api.licences.service.LicenceAccess;
import org.clearance.api.licences.service.LicenceService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/cases/{caseId}/licence")
@Authenticated
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Licences")
public class CaseLicenceResource {

  private final LicenceAccess access;
  private final LicenceService service;
  private final LicenceRepository licences;
  private final LicenceMapper mapper;

  CaseLicenceResource(
      LicenceAccess access,
      LicenceService service,
      LicenceRepository licences,
      LicenceMapper mapper) {
    this.access = access;
    this.service = service;
    this.licences = licences;
    this.mapper = mapper;
  }

  @GET
  @Operation(summary = "The licence issued for a case (whoever may read the case)")
  public LicenceResponse licenceOfCase(@PathParam("caseId") UUID caseId) {
    Licence licence = access.ofCase(caseId);
    String sha256 =
        licences
            .document(licence.id())
            .orElseThrow(() -> ProblemException.notFound("The document of " + licence.number()))
            .sha256();
    return mapper.toResponse(licence, service.today(), sha256);
  }
}
