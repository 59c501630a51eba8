package org.clearance.api.sla.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.paging.PageResponse;
import org.clearance.api.common.paging.QueryNumbers;
import org.clearance.api.common.rest.ProblemException;
import org.clearance.api.sla.domain.EscalationFilter;
import org.clearance.api.sla.domain.SlaStage;
import org.clearance.api.sla.service.EscalationSearch;
import org.clearance.api.sla.service.SlaConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The SLA escalations the process recorded, for managers to act on. */
@Path("/api/escalations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Escalations", description = "Stages that passed their SLA target")
@SecurityRequirement(name = "SecurityScheme")
public class EscalationResource {

  /** PostgreSQL keeps microseconds: before {@code to} plus one is up to {@code to} inclusive. */
  private static final Duration TIMESTAMP_RESOLUTION = Duration.ofNanos(1_000);

  /** Years a PostgreSQL timestamp holds without surprises. */
  private static final Instant EARLIEST =
      LocalDate.of(1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

  private static final Instant LATEST =
      LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

  private final EscalationSearch escalations;
  private final ZoneId zone;

  EscalationResource(EscalationSearch escalations, SlaConfig sla) {
    this.escalations = escalations;
    this.zone = sla.zone();
  }

  @GET
  @Operation(
      summary = "SLA escalations, newest first (managers)",
      description =
          "Each stage that passed its target, with the case, the due and escalation times, how"
              + " far the stage is now past its target while it is in progress, and the stage's"
              + " open tasks with their assignees.")
  @APIResponse(responseCode = "200", description = "One page of escalations")
  @APIResponse(
      responseCode = "400",
      description = "A parameter is malformed; every offending one is named in errors")
  @APIResponse(responseCode = "401", description = "No valid token")
  @APIResponse(responseCode = "403", description = "Not a manager")
  public PageResponse<EscalationResponse> list(
      @Parameter(
              description =
                  "One of ADJUDICATION, TECHNICAL_AUDIT, LEGAL_REVIEW, APPROVAL,"
                      + " COUNTERSIGN, TOTAL")
          @QueryParam("stage")
          String stage,
      @Parameter(
              description =
                  "true: cases not yet decided (no terminal status); false: decided cases;"
                      + " absent: all")
          @QueryParam("open")
          String open,
      @Parameter(
              description =
                  "escalated at or after: an ISO date (from the start of that day in the SLA"
                      + " zone) or an instant such as 2026-11-27T09:30:00Z")
          @QueryParam("from")
          String from,
      @Parameter(
              description =
                  "escalated at or before: an ISO date (to the end of that day in the SLA zone)"
                      + " or an instant")
          @QueryParam("to")
          String to,
      @Parameter(description = "only the escalations of this case") @QueryParam("caseId")
          String caseId,
      @Parameter(description = "page number from 0") @QueryParam("page") @DefaultValue("0")
          String page,
      @Parameter(description = "1-100, default 20") @QueryParam("size") @DefaultValue("20")
          String size) {
    // Who asks comes before what is asked: a non-manager learns nothing from a bad filter.
    escalations.requireManager();
    List<FieldError> errors = new ArrayList<>();
    SlaStage slaStage = stage("stage", stage, errors);
    Boolean openCases = bool("open", open, errors);
    Instant fromInstant = bound("from", from, false, errors);
    Instant before = bound("to", to, true, errors);
    if (fromInstant != null && before != null && !fromInstant.isBefore(before)) {
      errors.add(new FieldError("from", "must not be after to"));
    }
    UUID caseUuid = uuid("caseId", caseId, errors);
    int pageNumber = QueryNumbers.page(page, errors);
    int pageSize = QueryNumbers.size(size, errors);
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(
          "invalid-search", "The search cannot be run", "Some parameters are invalid.", errors);
    }
    EscalationSearch.Result result =
        escalations.search(
            new EscalationFilter(slaStage, openCases, fromInstant, before, caseUuid),
            pageNumber,
            pageSize);
    return PageResponse.of(
        result.items().stream().map(EscalationResponse::of).toList(),
        pageNumber,
        pageSize,
        result.total());
  }

  private static SlaStage stage(String field, String raw, List<FieldError> errors) {
    String text = blankToNull(raw);
    if (text == null) {
      return null;
    }
    try {
      return SlaStage.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "must be one of " + List.of(SlaStage.values())));
      return null;
    }
  }

  private static Boolean bool(String field, String raw, List<FieldError> errors) {
    String text = blankToNull(raw);
    if (text == null) {
      return null;
    }
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.valueOf(text);
    }
    errors.add(new FieldError(field, "must be true or false"));
    return null;
  }

  /**
   * A date or an instant as a bound of the escalation time. {@code from} is inclusive; {@code to}
   * is returned as the exclusive bound just after it (the day after a date).
   */
  private Instant bound(String field, String raw, boolean upper, List<FieldError> errors) {
    String text = blankToNull(raw);
    if (text == null) {
      return null;
    }
    try {
      Instant instant;
      if (text.contains("T")) {
        instant = Instant.parse(text);
        instant = upper ? instant.plus(TIMESTAMP_RESOLUTION) : instant;
      } else {
        LocalDate date = LocalDate.parse(text);
        instant = (upper ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
      }
      if (!instant.isBefore(EARLIEST) && instant.isBefore(LATEST)) {
        return instant;
      }
    } catch (DateTimeException | ArithmeticException e) {
      // reported below
    }
    errors.add(
        new FieldError(
            field,
            "must be a date such as 2026-11-27 or an instant such as 2026-11-27T09:30:00Z,"
                + " in the years 1 to 9999"));
    return null;
  }

  private static UUID uuid(String field, String raw, List<FieldError> errors) {
    String text = blankToNull(raw);
    if (text == null) {
      return null;
    }
    try {
      if (text.length() == 36) {
        return UUID.fromString(text);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    errors.add(new FieldError(field, "must be a case id (a UUID)"));
    return null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
