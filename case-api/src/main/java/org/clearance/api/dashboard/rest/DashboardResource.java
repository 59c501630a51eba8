package org.clearance.api.dashboard.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.clearance.api.common.domain.CountryCodes;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.rest.ProblemException;
import org.clearance.api.dashboard.domain.DashboardFilter;
import org.clearance.api.dashboard.service.DashboardService;
import org.clearance.api.workflow.service.ProcessModel;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/dashboard")
@Authenticated
@Tag(name = "Dashboard")
public class DashboardResource {

  /** The same ECCN rule as ApplicationRules.ECCN (a filter names an ECCN or one of its parts). */
  private static final Pattern ECCN =
      Pattern.compile("^(?:[0-9][A-E][0-9]{3}(?:\\.[a-z0-9]{1,4}){0,4}|EAR99)$");

  private static final int MAX_ORGANISATION_LENGTH = 100;

  private final DashboardService dashboards;
  private final ProcessModel model;

  DashboardResource(DashboardService dashboards, ProcessModel model) {
    this.dashboards = dashboards;
    this.model = model;
  }

  @GET
  @Path("process-heatmap")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Process heat map of export-licence.bpmn",
      description =
          "Per element where cases wait: cases there now, how many are overdue, and over the last"
              + " `weeks` ISO weeks how many passed it with p50/p90 of their time there; managers"
              + " only. The filters are the summary's; the window always ends now.")
  @APIResponse(responseCode = "200", description = "The heat map")
  @APIResponse(responseCode = "400", description = "A filter is malformed")
  @APIResponse(responseCode = "403", description = "Not a manager")
  public ProcessHeatmapResponse processHeatmap(
      @QueryParam("organisation") String organisation,
      @QueryParam("destination") String destination,
      @QueryParam("classification") String classification,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("weeks") String weeks) {
    dashboards.requireManager();
    DashboardFilter filter = filter(organisation, destination, classification, from, to, weeks);
    return ProcessHeatmapResponse.of(dashboards.heatmap(filter), model);
  }

  @GET
  @Path("summary")
  @Produces({MediaType.APPLICATION_JSON, DashboardCsv.MEDIA_TYPE})
  @Operation(
      summary = "Manager dashboard (JSON, or CSV with Accept: text/csv)",
      description =
          "Counts per status and stage, ageing of open cases, cycle-time p50/p90 per stage and"
              + " weekly throughput of submitted cases; managers only.")
  @APIResponse(responseCode = "200", description = "The dashboard")
  @APIResponse(responseCode = "400", description = "A filter is malformed")
  @APIResponse(responseCode = "403", description = "Not a manager")
  public Response summary(
      @QueryParam("organisation") String organisation,
      @Parameter(description = "ISO 3166-1 alpha-2") @QueryParam("destination") String destination,
      @Parameter(description = "ECCN; also matches its sub-paragraphs")
          @QueryParam("classification")
          String classification,
      @Parameter(description = "first submission date, ISO-8601, inclusive") @QueryParam("from")
          String from,
      @Parameter(description = "last submission date, ISO-8601, inclusive; ends the window")
          @QueryParam("to")
          String to,
      @Parameter(description = "ISO weeks of throughput and cycle times, 1-52, default 12")
          @QueryParam("weeks")
          String weeks,
      @Context HttpHeaders headers) {
    DashboardSummaryResponse summary =
        summarise(organisation, destination, classification, from, to, weeks);
    return prefersCsv(headers) ? csv(summary) : Response.ok(summary).build();
  }

  @GET
  @Path("summary.csv")
  @Produces(DashboardCsv.MEDIA_TYPE)
  @Operation(summary = "Manager dashboard as CSV (section,key,measure,value)")
  @APIResponse(responseCode = "200", description = "The dashboard as an attachment")
  @APIResponse(responseCode = "400", description = "A filter is malformed")
  @APIResponse(responseCode = "403", description = "Not a manager")
  public Response summaryCsv(
      @QueryParam("organisation") String organisation,
      @QueryParam("destination") String destination,
      @QueryParam("classification") String classification,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("weeks") String weeks) {
    return csv(summarise(organisation, destination, classification, from, to, weeks));
  }

  private DashboardSummaryResponse summarise(
      String organisation,
      String destination,
      String classification,
      String from,
      String to,
      String weeks) {
    // Who asks comes before what is asked: a non-manager learns nothing from a bad filter.
    dashboards.requireManager();
    DashboardFilter filter = filter(organisation, destination, classification, from, to, weeks);
    return DashboardSummaryResponse.of(dashboards.summary(filter));
  }

  private Response csv(DashboardSummaryResponse summary) {
    String filename = "clearance-dashboard-" + dashboards.today() + ".csv";
    return Response.ok(DashboardCsv.write(summary), DashboardCsv.MEDIA_TYPE + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .build();
  }

  /** CSV only when the client ranks it above JSON (a browser's or curl's wildcard means JSON). */
  private static boolean prefersCsv(HttpHeaders headers) {
    MediaType csv = MediaType.valueOf(DashboardCsv.MEDIA_TYPE);
    for (MediaType accepted : headers.getAcceptableMediaTypes()) {
      if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
      if (accepted.isCompatible(csv)) {
        return true;
      }
    }
    return false;
  }

  private static DashboardFilter filter(
      String organisation,
      String destination,
      String classification,
      String from,
      String to,
      String weeks) {
    List<FieldError> errors = new ArrayList<>();
    String org = blankToNull(organisation);
    if (org != null && org.length() > MAX_ORGANISATION_LENGTH) {
      errors.add(
          new FieldError("organisation", "must be at most " + MAX_ORGANISATION_LENGTH + " long"));
    }
    String country = blankToNull(destination);
    if (country != null) {
      country = country.toUpperCase(Locale.ROOT);
      if (!CountryCodes.isAssigned(country)) {
        errors.add(new FieldError("destination", "must be an ISO 3166-1 alpha-2 code such as JP"));
      }
    }
    String eccn = blankToNull(classification);
    if (eccn != null && !ECCN.matcher(eccn).matches()) {
      errors.add(
          new FieldError("classification", "must be an ECCN such as 4E091 or 3A090.a, or EAR99"));
    }
    LocalDate fromDate = date("from", from, errors);
    LocalDate toDate = date("to", to, errors);
    if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
      errors.add(new FieldError("from", "must not be after to"));
    }
    int weekCount = DashboardFilter.DEFAULT_WEEKS;
    if (blankToNull(weeks) != null) {
      try {
        weekCount = Integer.parseInt(weeks.strip());
      } catch (NumberFormatException e) {
        weekCount = -1;
      }
      if (weekCount < 1 || weekCount > DashboardFilter.MAX_WEEKS) {
        errors.add(
            new FieldError(
                "weeks", "must be a whole number from 1 to " + DashboardFilter.MAX_WEEKS));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(
          "invalid-dashboard-filter",
          "The dashboard filter is invalid",
          "Some parameters are invalid.",
          errors);
    }
    return new DashboardFilter(org, country, eccn, fromDate, toDate, weekCount);
  }

  private static LocalDate date(String field, String value, List<FieldError> errors) {
    String text = blankToNull(value);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a date such as 2026-11-27"));
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
