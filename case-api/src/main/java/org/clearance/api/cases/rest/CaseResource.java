package org.clearance.api.cases.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.clearance.api.cases.domain.CaseStage;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.cases.service.CaseSearchCriteria;
import org.clearance.api.cases.service.CaseSearchService;
import org.clearance.api.cases.service.CaseService;
import org.clearance.api.common.domain.CountryCodes;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.paging.PageResponse;
import org.clearance.api.common.rest.ProblemException;
import org.clearance.api.security.service.Caller;
import org.clearance.api.workflow.domain.ProcessPlace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/cases")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Export-licence applications")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
public class CaseResource {

  private final CaseService cases;
  private final CaseSearchService search;
  private final CaseMapper mapper;
  private final Caller caller;

  CaseResource(CaseService cases, CaseSearchService search, CaseMapper mapper, Caller caller) {
    this.cases = cases;
    this.search = search;
    this.mapper = mapper;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start a draft application (applicants; organisation from the token)")
  @APIResponse(responseCode = "201", description = "Draft created; Location names it")
  @APIResponse(responseCode = "400", description = "Invalid fields, each listed")
  public Response create(CaseRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
    CaseResponse created = cases.createDraft(mapper.toInput(request), mapper::toResponse);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(created)
        .build();
  }

  @POST
  @Path("{id}/copy")
  @Operation(
      summary = "Copy an earlier application as a new draft (applicants of its organisation)",
      description =
          "The new draft gets the contact, items, parties, destinations and end use; documents"
              + " and the decision stay with the original.")
  @APIResponse(responseCode = "201", description = "Draft created; Location names it")
  @APIResponse(responseCode = "403", description = "Not an applicant")
  @APIResponse(responseCode = "404", description = "No such case, or not the caller's")
  public Response copy(@PathParam("id") UUID id, @jakarta.ws.rs.core.Context UriInfo uri) {
    CaseResponse created = cases.copyAsDraft(id, mapper::toResponse);
    return Response.created(
            uri.getBaseUriBuilder().path("api/cases").path(created.id().toString()).build())
        .entity(created)
        .build();
  }

  @GET
  @Operation(
      summary = "Search cases",
      description =
          "Applicants see their organisation's cases; auditors, legal reviewers, approvers and"
              + " managers see every submitted case. Repeat status or stage to match any of them.")
  @APIResponse(responseCode = "200", description = "One page of cases")
  @APIResponse(responseCode = "400", description = "Unknown filter value, sort field or page size")
  public PageResponse<CaseSummaryResponse> search(
      @QueryParam("status") List<String> status,
      @QueryParam("stage") List<String> stage,
      @QueryParam("organisation") String organisation,
      @Parameter(
              description =
                  "free text: a case reference (or its start), or part of an organisation's or a"
                      + " party's name (case-insensitive)")
          @QueryParam("q")
          String text,
      @Parameter(description = "ISO 3166-1 alpha-2") @QueryParam("destination") String destination,
      @Parameter(description = "ECCN; also matches its sub-paragraphs")
          @QueryParam("classification")
          String classification,
      @Parameter(description = "a username, or 'me': cases with an open task assigned to them")
          @QueryParam("assignee")
          String assignee,
      @Parameter(description = "true: open cases past their SLA target or with an overdue task")
          @QueryParam("overdue")
          @DefaultValue("false")
          boolean overdue,
      @Parameter(
              description =
                  "a BPMN element id of export-licence.bpmn where cases wait (as in the process"
                      + " heat map): cases there now; with overdue=true those overdue there")
          @QueryParam("element")
          String element,
      @Parameter(description = "first submission date, ISO-8601, inclusive (SLA time zone)")
          @QueryParam("submittedFrom")
          String submittedFrom,
      @Parameter(description = "last submission date, ISO-8601, inclusive (SLA time zone)")
          @QueryParam("submittedTo")
          String submittedTo,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size,
      @Parameter(
              description =
                  "field[,asc|desc]; fields: reference, status, organisation, createdAt,"
                      + " updatedAt, submittedAt")
          @QueryParam("sort")
          @DefaultValue("createdAt,desc")
          String sort) {
    List<FieldError> errors = new ArrayList<>();
    Set<CaseStatus> statuses = enums("status", status, CaseStatus.class, errors);
    Set<CaseStage> stages = enums("stage", stage, CaseStage.class, errors);
    // page and size: checked by common.rest.RequestInputFilter, the one paging rule of the API.
    String q = blankToNull(text);
    if (q != null && q.strip().length() > 100) {
      errors.add(new FieldError("q", "must be at most 100 characters"));
    }
    ProcessPlace place = null;
    if (blankToNull(element) != null) {
      place = ProcessPlace.ofElement(element.strip()).orElse(null);
      if (place == null) {
        errors.add(
            new FieldError(
                "element",
                "must be an element of export-licence.bpmn where cases wait: "
                    + java.util.Arrays.stream(ProcessPlace.values())
                        .map(ProcessPlace::elementId)
                        .toList()));
      }
    }
    java.time.LocalDate fromDate = date("submittedFrom", submittedFrom, errors);
    java.time.LocalDate toDate = date("submittedTo", submittedTo, errors);
    if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
      errors.add(new FieldError("submittedFrom", "must not be after submittedTo"));
    }
    String[] sortParts = sort.split(",", -1);
    CaseSearchCriteria.SortField sortField = null;
    boolean descending = false;
    try {
      sortField = CaseSearchCriteria.SortField.valueOf(sortParts[0].strip());
    } catch (IllegalArgumentException e) {
      errors.add(
          new FieldError(
              "sort",
              "must be one of "
                  + java.util.Arrays.toString(CaseSearchCriteria.SortField.values())));
    }
    if (sortParts.length > 2
        || (sortParts.length == 2 && !sortParts[1].strip().matches("(?i)asc|desc"))) {
      errors.add(new FieldError("sort", "direction must be asc or desc"));
    } else if (sortParts.length == 2) {
      descending = sortParts[1].strip().equalsIgnoreCase("desc");
    }
    if (upper(destination) != null && !CountryCodes.isAssigned(upper(destination))) {
      errors.add(new FieldError("destination", "must be an ISO 3166-1 alpha-2 code such as JP"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(
          "invalid-search", "The search cannot be run", "Some parameters are invalid.", errors);
    }
    return search.search(
        new CaseSearchCriteria(
            statuses,
            stages,
            blankToNull(organisation),
            q == null ? null : q.strip(),
            upper(destination),
            blankToNull(classification),
            "me".equalsIgnoreCase(blankToNull(assignee))
                ? caller.username()
                : blankToNull(assignee),
            overdue,
            place,
            fromDate,
            toDate,
            page,
            size,
            sortField,
            descending),
        mapper::toSummary);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read a case")
  @APIResponse(responseCode = "200", description = "The case")
  @APIResponse(responseCode = "404", description = "No such case, or not visible to the caller")
  public CaseResponse get(@PathParam("id") UUID id) {
    return cases.get(id, mapper::toResponse);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the content of a draft (applicants of its organisation)")
  @APIResponse(responseCode = "200", description = "The saved draft")
  @APIResponse(responseCode = "400", description = "Invalid fields, each listed")
  @APIResponse(responseCode = "404", description = "No such case, or not visible to the caller")
  @APIResponse(responseCode = "409", description = "The case is no longer a draft")
  public CaseResponse update(@PathParam("id") UUID id, CaseRequest request) {
    return cases.updateDraft(id, mapper.toInput(request), mapper::toResponse);
  }

  @POST
  @Path("{id}/submit")
  @Operation(summary = "Submit a complete draft and start its review process")
  @APIResponse(responseCode = "200", description = "The submitted case")
  @APIResponse(responseCode = "400", description = "Every missing or invalid field")
  @APIResponse(responseCode = "404", description = "No such case, or not visible to the caller")
  @APIResponse(responseCode = "409", description = "The case is not a draft")
  @APIResponse(
      responseCode = "503",
      description = "The workflow engine did not start the process; nothing changed")
  public CaseResponse submit(@PathParam("id") UUID id) {
    return cases.submit(id, mapper::toResponse);
  }

  @POST
  @Path("{id}/withdraw")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Withdraw an application that is not yet decided")
  @APIResponse(responseCode = "200", description = "The withdrawn case")
  @APIResponse(responseCode = "404", description = "No such case, or not visible to the caller")
  @APIResponse(responseCode = "409", description = "The case is already closed")
  public CaseResponse withdraw(@PathParam("id") UUID id, WithdrawRequest request) {
    return cases.withdraw(id, request == null ? null : request.reason(), mapper::toResponse);
  }

  private static <E extends Enum<E>> Set<E> enums(
      String field, List<String> values, Class<E> type, List<FieldError> errors) {
    Set<E> parsed = EnumSet.noneOf(type);
    for (String value : values == null ? List.<String>of() : values) {
      for (String part : value.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          parsed.add(Enum.valueOf(type, part.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          errors.add(
              new FieldError(
                  field,
                  "'"
                      + part.strip()
                      + "' is not one of "
                      + java.util.Arrays.toString(type.getEnumConstants())));
        }
      }
    }
    return parsed;
  }

  private static java.time.LocalDate date(String field, String value, List<FieldError> errors) {
    String text = blankToNull(value);
    if (text == null) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a date such as 2026-11-27"));
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String upper(String value) {
    String text = blankToNull(value);
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }
}
