package org.clearance.api.common.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the API as application/problem+json with a stable type. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    LOG.debugf("rejected: %s", e.getMessage());
    return e.problem().toResponse();
  }

  /** A body that is not JSON, or a value of the wrong type, names the offending field. */
  @ServerExceptionMapper({
    JsonProcessingException.class,
    JsonParseException.class,
    JsonMappingException.class,
    MismatchedInputException.class,
    InvalidFormatException.class
  })
  public Response unreadableJson(JsonProcessingException e) {
    String field = "body";
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field = path(mapping.getPath());
    }
    return Problem.of(
            "malformed-request",
            "The request body cannot be read",
            400,
            "The body must be JSON matching the documented schema.")
        .withErrors(List.of(new Problem.FieldError(field, "has the wrong type or format")))
        .toResponse();
  }

  @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
  public Response concurrentModification(RuntimeException e) {
    return Problem.of(
            "concurrent-modification",
            "The case was changed concurrently",
            409,
            "Someone changed this case at the same time; reload it and try again.")
        .toResponse();
  }

  /** Framework errors (unknown path, wrong method, unsupported media type) keep their status. */
  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "Request rejected" : known.getReasonPhrase();
    String type = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    return Problem.of(type, title, status, e.getMessage()).toResponse();
  }

  /** Anything unexpected: logged with a reference the caller can quote, no internals sent. */
  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
  public Response unexpected(Exception e) {
    String incident = java.util.UUID.randomUUID().toString();
    LOG.errorf(e, "unexpected error, incident %s", incident);
    return Problem.of(
            "internal-error",
            "Something went wrong",
            500,
            "The request failed unexpectedly; quote incident " + incident + " when reporting it.")
        .toResponse();
  }

  private static String path(List<JsonMappingException.Reference> references) {
    return references.stream()
        .map(
            reference ->
                reference.getFieldName() != null
                    ? "." + reference.getFieldName()
                    : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
