package org.clearance.api.common.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.error.Rejection;
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

  /** A rejection by the domain: its kind decides the status, its own words the rest. */
  @ServerExceptionMapper
  public Response rejection(Rejection e) {
    LOG.debugf("rejected: %s", e.getMessage());
    int status =
        switch (e) {
          case Rejection.NotFound notFound -> 404;
          case Rejection.Forbidden forbidden -> 403;
          case Rejection.Conflict conflict -> 409;
          case Rejection.Invalid invalid -> 400;
          case Rejection.TooLarge tooLarge -> 413;
          case Rejection.UnsupportedType unsupported -> 415;
        };
    Problem problem = Problem.of(e.type(), e.title(), status, e.detail());
    return (e.errors() == null ? problem : problem.withErrors(e.errors())).toResponse();
  }

  /**
   * A body that is not JSON, holds a duplicate key, a value of the wrong type, or text with refused
   * characters: 400 naming the offending field (see {@link JsonCustomizer}).
   */
  @ServerExceptionMapper({
    JsonProcessingException.class,
    JsonParseException.class,
    JsonMappingException.class,
    MismatchedInputException.class,
    InvalidFormatException.class
  })
  public Response unreadableJson(JsonProcessingException e) {
    String field = "body";
    String message = "is not valid JSON";
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field = path(mapping.getPath());
      message = "has the wrong type or format";
    }
    if (e instanceof JsonCustomizer.InvalidTextException text) {
      message = text.reason();
    } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      message = "must be " + expected(mismatch.getTargetType());
    } else if (e instanceof StreamReadException read) {
      Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(read.getOriginalMessage()));
      if (duplicate.find()) {
        field = duplicate.group(1);
        message = "is given more than once";
      }
    }
    return Problem.of(
            "malformed-request",
            "The request body cannot be read",
            400,
            "The body must be JSON matching the documented schema.")
        .withErrors(List.of(new FieldError(field, message)))
        .toResponse();
  }

  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '([^']*)'");

  /** What the client should have sent, in JSON terms. */
  private static String expected(Class<?> type) {
    if (type == String.class) {
      return "a JSON string";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class
        || type == java.math.BigInteger.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON array";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "a date or time in ISO 8601 form";
    }
    if (type == java.util.UUID.class) {
      return "a UUID";
    }
    return "a JSON object of the documented form";
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
    if (e.getCause() instanceof JsonProcessingException unreadable) {
      // The JSON reader wraps what it could not read into a plain 400.
      return unreadableJson(unreadable);
    }
    int status = e.getResponse().getStatus();
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "Request rejected" : known.getReasonPhrase();
    String type = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    return Problem.of(type, title, status, e.getMessage()).toResponse();
  }

  /**
   * A multipart body the parser cannot read (cut short, no closing boundary, a boundary other than
   * the Content-Type's) is the client's error; other I/O failures are not.
   */
  @ServerExceptionMapper
  public Response unreadableBody(java.io.IOException e) {
    boolean multipart =
        java.util.Arrays.stream(e.getStackTrace())
            .anyMatch(frame -> frame.getClassName().contains("multipart"));
    if (!multipart) {
      return unexpected(e);
    }
    return malformedMultipart();
  }

  static Response malformedMultipart() {
    return Problem.of(
            "malformed-multipart",
            "The multipart body cannot be read",
            400,
            "Send multipart/form-data with the boundary of the Content-Type, each part framed by"
                + " it and the body closed by the final boundary.")
        .withErrors(List.of(new FieldError("body", "is not well-formed multipart")))
        .toResponse();
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
