package org.clearance.api.screening.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.clearance.api.screening.domain.ScreeningMatch;
import org.clearance.api.screening.service.ScreeningService;

/** The potential screening matches of a case, for case staff. */
@Path("/api/cases/{caseId}/screening-matches")
@Authenticated
public class ScreeningResource {

  public record MatchResponse(
      Long id,
      String partyName,
      String partyRole,
      String listedName,
      String listSource,
      String listVersion,
      BigDecimal score,
      String algorithm,
      ScreeningMatch.Disposition disposition,
      String dispositionReason,
      String disposedBy) {}

  private final ScreeningService screening;

  ScreeningResource(ScreeningService screening) {
    this.screening = screening;
  }

  @GET
  public List<MatchResponse> matches(@PathParam("caseId") UUID caseId) {
    return screening.matchesForStaff(caseId).stream()
        .map(
            m ->
                new MatchResponse(
                    m.id(),
                    m.partyName(),
                    m.partyRole(),
                    m.listedName(),
                    m.listSource(),
                    m.listVersion(),
                    m.score(),
                    m.algorithm(),
                    m.disposition(),
                    m.dispositionReason(),
                    m.disposedBy()))
        .toList();
  }
}
