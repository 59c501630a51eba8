package org.clearance.api.rfi.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearance.api.rfi.domain.InformationRequest;
import org.clearance.api.rfi.service.RfiService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Requests for information of a case, and the applicant's answers. */
@Path("/api/cases/{caseId}/rfis")
@Authenticated
public class RfiResource {

  /** The applicant's answer: text, optionally naming documents of the case. */
  public record AnswerRequest(String text, List<UUID> documentIds) {}

  public record RfiResponse(
      UUID id,
      UUID caseId,
      String stage,
      String question,
      String askedBy,
      Instant askedAt,
      Instant answerBy,
      InformationRequest.Status status,
      String answer,
      List<UUID> documentIds,
      String answeredBy,
      Instant answeredAt) {

    static RfiResponse of(InformationRequest r) {
      return new RfiResponse(
          r.id(),
          r.caseId(),
          r.stage(),
          r.question(),
          r.askedBy(),
          r.askedAt(),
          r.answerBy(),
          r.status(),
          r.answer(),
          r.documentIds(),
          r.answeredBy(),
          r.answeredAt());
    }
  }

  private final RfiService rfis;

  RfiResource(RfiService rfis) {
    this.rfis = rfis;
  }

  @GET
  public List<RfiResponse> list(@PathParam("caseId") UUID caseId) {
    return rfis.ofCase(caseId).stream().map(RfiResponse::of).toList();
  }

  @POST
  @Path("{rfiId}/answer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Answer a request for information (applicants of the case's organisation)")
  public RfiResponse answer(
      @PathParam("caseId") UUID caseId, @PathParam("rfiId") UUID rfiId, AnswerRequest request) {
    AnswerRequest body = request == null ? new AnswerRequest(null, null) : request;
    return RfiResponse.of(rfis.answer(caseId, rfiId, body.text(), body.documentIds()));
  }
}
