package org.clearance.api.licences.rest;

import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
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
import org.clearance.api.licences.domain.Licence;
import org.clearance.api.licences.domain.LicenceDocument;
import org.clearance.api.licences.domain.LicenceRepository;
import org.clearance.api.licences.domain.LicenceStatus;
import org.clearance.api.licences.service.LicenceAccess;
import org.clearance.api.licences.service.LicenceService;
import org.clearance.api.security.service.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/licences/{number}")
@Authenticated
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Licences", description = "Export licences issued on approval")
@SecurityRequirement(name = "SecurityScheme")
public class LicenceResource {

  static final int MAX_REASON = 2000;

  private final LicenceAccess access;
  private final LicenceService service;
  private final LicenceRepository licences;
  private final LicenceMapper mapper;
  private final Caller caller;

  LicenceResource(
      LicenceAccess access,
      LicenceService service,
      LicenceRepository licences,
      LicenceMapper mapper,
      Caller caller) {
    this.access = access;
    this.service = service;
    this.licences = licences;
    this.mapper = mapper;
    this.caller = caller;
  }

  @GET
  @Operation(summary = "A licence (applicants of the holder organisation, staff)")
  public LicenceResponse get(@PathParam("number") String number) {
    return toResponse(access.readable(number));
  }

  @GET
  @Path("/document")
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  @Operation(summary = "The licence document as issued (PDF)")
  public Response document(@PathParam("number") String number) {
    Licence licence = access.readable(number);
    LicenceDocument document = document(licence);
    return Response.ok(document.content(), "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"" + licence.number() + ".pdf\"")
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
    access.requireManager("suspend licences");
    return change(number, LicenceStatus.SUSPENDED, requiredReason(request));
  }

  @POST
  @Path("/reinstate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reinstates a suspended licence (managers; reason optional)")
  public LicenceResponse reinstate(
      @PathParam("number") String number, LicenceStatusRequest request) {
    access.requireManager("reinstate licences");
    return change(number, LicenceStatus.ISSUED, optionalReason(request));
  }

  @POST
  @Path("/revoke")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Revokes a licence for good (managers; a reason is required)")
  public LicenceResponse revoke(@PathParam("number") String number, LicenceStatusRequest request) {
    access.requireManager("revoke licences");
    return change(number, LicenceStatus.REVOKED, requiredReason(request));
  }

  private LicenceResponse change(String number, LicenceStatus target, String reason) {
    return toResponse(service.changeStatus(number, target, reason, caller.username()));
  }

  private LicenceResponse toResponse(Licence licence) {
    return mapper.toResponse(licence, service.today(), document(licence).sha256());
  }

  private LicenceDocument document(Licence licence) {
    return licences
        .document(licence.id())
        .orElseThrow(
            () -> ProblemException.notFound("The document of licence " + licence.number()));
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
