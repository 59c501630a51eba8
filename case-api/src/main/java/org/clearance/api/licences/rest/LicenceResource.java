package org.clearance.api.licences.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.rest.ProblemException;
import org.clearance.api.licences.domain.LicenceStatus;
import org.clearance.api.licences.service.LicenceViews;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/licences/{number}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Licences", description = "Export licences issued on approval")
@SecurityRequirement(name = "SecurityScheme")
public class LicenceResource {

  static final int MAX_REASON = 2000;

  private final LicenceViews licences;
  private final LicenceMapper mapper;

  LicenceResource(LicenceViews licences, LicenceMapper mapper) {
    this.licences = licences;
    this.mapper = mapper;
  }

  @GET
  @Operation(summary = "A licence (applicants of the holder organisation, staff)")
  public LicenceResponse get(@PathParam("number") String number) {
    return licences.get(number, mapper::toResponse);
  }

  @GET
  @Path("/document")
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  @Operation(summary = "The licence document as issued (PDF)")
  public Response document(@PathParam("number") String number) {
    LicenceViews.IssuedDocument document = licences.document(number);
    return Response.ok(document.content(), "application/pdf")
        .header(
            "Content-Disposition", "attachment; filename=\"" + document.licenceNumber() + ".pdf\"")
        .header(
            "Repr-Digest",
            "sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(document.sha256()))
                + ":")
        .header("ETag", "\"" + document.sha256() + "\"")
        .build();
  }

  @POST
  @Path("/suspend")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Suspends a licence (managers; a reason is required)")
  public LicenceResponse suspend(@PathParam("number") String number, LicenceStatusRequest request) {
    licences.requireManager("suspend licences");
    return licences.changeStatus(
        number,
        LicenceStatus.SUSPENDED,
        requiredReason(request),
        "suspend licences",
        mapper::toResponse);
  }

  @POST
  @Path("/reinstate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reinstates a suspended licence (managers; reason optional)")
  public LicenceResponse reinstate(
      @PathParam("number") String number, LicenceStatusRequest request) {
    licences.requireManager("reinstate licences");
    return licences.changeStatus(
        number,
        LicenceStatus.ISSUED,
        optionalReason(request),
        "reinstate licences",
        mapper::toResponse);
  }

  @POST
  @Path("/revoke")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Revokes a licence for good (managers; a reason is required)")
  public LicenceResponse revoke(@PathParam("number") String number, LicenceStatusRequest request) {
    licences.requireManager("revoke licences");
    return licences.changeStatus(
        number,
        LicenceStatus.REVOKED,
        requiredReason(request),
        "revoke licences",
        mapper::toResponse);
  }

  private static String requiredReason(LicenceStatusRequest request) {
    String reason = optionalReason(request);
    if (reason == null) {
      throw invalidReason("must not be blank");
    }
    return reason;
  }

  private static String optionalReason(LicenceStatusRequest request) {
    if (request == null || request.reason() == null || request.reason().isBlank()) {
      return null;
    }
    if (request.reason().length() > MAX_REASON) {
      throw invalidReason("must not be longer than " + MAX_REASON + " characters");
    }
    return request.reason().strip();
  }

  private static ProblemException invalidReason(String message) {
    return ProblemException.badRequest(
        "validation-failed",
        "The status change has invalid fields",
        "The reason " + message + ".",
        List.of(new FieldError("reason", message)));
  }
}
