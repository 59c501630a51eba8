package org.clearance.api.screening.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.paging.PageResponse;
import org.clearance.api.common.paging.QueryNumbers;
import org.clearance.api.common.rest.ProblemException;
import org.clearance.api.screening.lists.ListFormat;
import org.clearance.api.screening.service.ListImportService;
import org.clearance.api.screening.service.ListImportService.ListVersion;
import org.clearance.api.screening.service.ListVersionQueries;
import org.clearance.api.security.service.Caller;

/** Restricted-party list versions for admins: import, list, entries, diff. */
@Path("/api/admin/screening-lists")
@Authenticated
public class ListVersionResource {

  private final ListImportService imports;
  private final ListVersionQueries queries;
  private final Caller caller;

  ListVersionResource(ListImportService imports, ListVersionQueries queries, Caller caller) {
    this.imports = imports;
    this.queries = queries;
    this.caller = caller;
  }

  /**
   * Imports the body as a new version. Query: {@code format} (csl-csv, csl-json, ftm-jsonl), {@code
   * source} (the list's name, e.g. CSL or opensanctions-sanctions), optional {@code publishedOn}
   * (ISO date) and {@code label}.
   */
  @POST
  @Consumes({"text/csv", "application/json", "application/x-ndjson", "application/octet-stream"})
  public Response upload(
      @QueryParam("format") String format,
      @QueryParam("source") String source,
      @QueryParam("publishedOn") String publishedOn,
      @QueryParam("label") String label,
      InputStream body,
      @jakarta.ws.rs.core.Context UriInfo uri) {
    requireAdmin();
    List<FieldError> errors = new ArrayList<>();
    ListFormat listFormat = ListFormat.parse(format);
    if (listFormat == null) {
      errors.add(new FieldError("format", "must be csl-csv, csl-json or ftm-jsonl"));
    }
    if (source == null || !source.strip().matches("[A-Za-z0-9._-]{1,64}")) {
      errors.add(new FieldError("source", "is required: 1-64 letters, digits, '.', '_' or '-'"));
    }
    LocalDate published = null;
    if (publishedOn != null && !publishedOn.isBlank()) {
      try {
        published = LocalDate.parse(publishedOn.strip());
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("publishedOn", "must be an ISO date such as 2026-11-20"));
      }
    }
    if (label != null && label.strip().length() > 64) {
      errors.add(new FieldError("label", "must not be longer than 64 characters"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(
          "validation-failed",
          "The import request has invalid parameters",
          errors.size() + " parameter(s) are invalid; nothing was imported.",
          errors);
    }
    ListVersion version =
        imports.importList(body, listFormat, source.strip(), published, label, caller.username());
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(version.id())).build())
        .entity(version)
        .build();
  }

  @GET
  public List<ListVersion> versions() {
    requireAdmin();
    return queries.versions();
  }

  @GET
  @Path("{id}")
  public ListVersion version(@PathParam("id") long id) {
    requireAdmin();
    return queries.version(id);
  }

  @GET
  @Path("{id}/entries")
  public PageResponse<ListVersionQueries.Entry> entries(
      @PathParam("id") long id,
      @QueryParam("q") String search,
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("20") String size) {
    requireAdmin();
    List<FieldError> errors = new ArrayList<>();
    int p = QueryNumbers.page(page, errors);
    int s = QueryNumbers.size(size, errors);
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(
          "invalid-paging", "Invalid paging", "page from 0, size 1-100.", errors);
    }
    ListVersionQueries.Page<ListVersionQueries.Entry> result = queries.entries(id, search, p, s);
    return PageResponse.of(result.items(), p, s, result.totalItems());
  }

  /** What changed from version {@code against} to this one. */
  @GET
  @Path("{id}/diff")
  public ListVersionQueries.Diff diff(
      @PathParam("id") long id,
      @QueryParam("against") Long against,
      @QueryParam("limit") Integer limit) {
    requireAdmin();
    if (against == null) {
      throw ProblemException.badRequest(
          "validation-failed",
          "The diff needs a version to compare with",
          "Give ?against=<an earlier version id>.",
          List.of(new FieldError("against", "is required")));
    }
    int max = limit == null ? 100 : Math.max(1, Math.min(1000, limit));
    return queries.diff(against, id, max);
  }

  private void requireAdmin() {
    if (!caller.hasRole(Caller.ADMIN)) {
      throw ProblemException.forbidden("Restricted-party lists are managed by admins.");
    }
  }
}
