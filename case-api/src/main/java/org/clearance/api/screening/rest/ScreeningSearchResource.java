package org.clearance.api.screening.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.clearance.api.common.rest.ProblemException;
import org.clearance.api.screening.matching.Explanation;
import org.clearance.api.screening.service.ScreeningService;

/** Screens one name on demand, for the legal and admin console: ranked, explained hits. */
@Path("/api/screening/search")
@Authenticated
public class ScreeningSearchResource {

  public record SearchRequest(
      String name, String country, String type, String birthDate, Integer limit) {}

  public record HitResponse(
      long entryId,
      String entryKey,
      String entryType,
      Set<String> countries,
      List<String> birthDates,
      String listedName,
      String nameKind,
      double score,
      boolean potentialMatch,
      Explanation explanation) {}

  /** {@code more}: hits beyond {@code limit} may reach the report threshold too. */
  public record SearchResponse(
      String algorithm,
      List<String> listVersions,
      double matchThreshold,
      int limit,
      boolean more,
      List<HitResponse> hits) {}

  private final ScreeningService screening;

  ScreeningSearchResource(ScreeningService screening) {
    this.screening = screening;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public SearchResponse search(SearchRequest request) {
    if (request == null) {
      throw ProblemException.badRequest(
          "malformed-request", "A body is required", "Send {\"name\": \"...\"}.", List.of());
    }
    ScreeningService.SearchResult result =
        screening.search(
            request.name(),
            request.type(),
            request.country(),
            request.birthDate(),
            request.limit());
    return new SearchResponse(
        result.algorithm(),
        result.listVersions(),
        result.matchThreshold(),
        result.limit(),
        result.more(),
        result.hits().stream()
            .map(
                h ->
                    new HitResponse(
                        h.entry().id(),
                        h.entry().key(),
                        h.entry().type().name(),
                        h.entry().countries(),
                        h.entry().birthDates(),
                        h.matchedName().original(),
                        h.matchedName().kind().name(),
                        h.score(),
                        h.score() >= result.matchThreshold(),
                        h.explanation()))
            .toList());
  }
}
