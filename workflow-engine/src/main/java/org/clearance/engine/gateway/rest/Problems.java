package org.clearance.engine.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import org.clearance.engine.command.Rejection;

/**
 * The problem+json answers of the REST gateway (RFC 9457, as the Orchestration Cluster API shapes
 * them: the title names the rejection type, the detail says why). The one place where rejections
 * become HTTP status codes.
 */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** The body of every error answer. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Problem(String type, String title, int status, String detail, String instance) {}

  private Problems() {}

  /** The HTTP status Camunda's REST API answers for a rejection of this type. */
  public static int status(Rejection.Type type) {
    return switch (type) {
      case NOT_FOUND -> 404;
      case INVALID_ARGUMENT -> 400;
      case INVALID_STATE, ALREADY_EXISTS -> 409;
      case RESOURCE_EXHAUSTED -> 503;
      case DEADLINE_EXCEEDED -> 504;
      case PERMISSION_DENIED -> 403;
    };
  }

  public static Response of(Rejection rejection, String path) {
    // 403 is titled as the authentication filter titles it (and as Camunda's REST API does)
    String title =
        rejection.type() == Rejection.Type.PERMISSION_DENIED
            ? "FORBIDDEN"
            : rejection.type().name();
    return of(status(rejection.type()), title, rejection.getMessage(), path);
  }

  public static Response of(int status, String title, String detail, String path) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(new Problem("about:blank", title, status, detail, path))
        .build();
  }

  /** Any /v2 path or method the engine does not serve. */
  public static Response notSupported(String method, String path) {
    return of(
        404,
        "NOT_FOUND",
        "%s %s is not supported by this engine (see the workflow-engine README for the supported part of the Orchestration Cluster REST API)"
            .formatted(method, path),
        path);
  }

  public static Response internal(Throwable error, String path) {
    return of(500, "INTERNAL_ERROR", String.valueOf(error.getMessage()), path);
  }
}
