package org.clearance.api.determination.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.determination.service.HighRiskService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Managers flag a case as high-risk, so that its approval needs a countersign. */
@Path("/api/cases/{caseId}/high-risk")
@Authenticated
public class HighRiskResource {

  public record HighRiskRequest(String reason) {}

  public record HighRiskResponse(UUID caseId, String reference, boolean highRisk, String reason) {}

  private final HighRiskService highRisk;

  HighRiskResource(HighRiskService highRisk) {
    this.highRisk = highRisk;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Flag a case as high-risk (managers); its approval then needs a countersign")
  public HighRiskResponse flag(@PathParam("caseId") UUID caseId, HighRiskRequest request) {
    ExportCase flagged = highRisk.flag(caseId, request == null ? null : request.reason());
    return new HighRiskResponse(
        flagged.id(), flagged.reference(), flagged.highRisk(), flagged.highRiskReason());
  }
}
