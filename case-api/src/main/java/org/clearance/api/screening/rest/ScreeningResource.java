package org.clearance.api.screening.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
      String disposedBy,
      String entryKey,
      String matchedNameKind,
      JsonNode explanation) {}

  private final ScreeningService screening;
  private final ObjectMapper json;

  ScreeningResource(ScreeningService screening, ObjectMapper json) {
    this.screening = screening;
    this.json = json;
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
                    m.disposedBy(),
                    m.entryKey(),
                    m.matchedNameKind(),
                    explanation(m.explanation())))
        .toList();
  }

  private JsonNode explanation(String stored) {
    if (stored == null) {
      return null; // matches found before the token matcher (V60) have none
    }
    try {
      return json.readTree(stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored explanation is not JSON", e);
    }
  }
}
