package org.clearance.engine.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.clearance.engine.command.Rejection;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors outside the commands, under /v2: unknown paths and methods are a problem+json 404 that
 * names them as not supported; unreadable bodies are a 400. Other paths keep Quarkus' answers.
 */
public class RestExceptionMappers {

  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(RestExceptionMappers.class);

  @ServerExceptionMapper
  public Response notFound(NotFoundException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
    return underV2(uri) ? Problems.notSupported(request.getMethod(), path(uri)) : e.getResponse();
  }

  @ServerExceptionMapper
  public Response notAllowed(
      NotAllowedException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
    return underV2(uri) ? Problems.notSupported(request.getMethod(), path(uri)) : e.getResponse();
  }

  @ServerExceptionMapper
  public Response unreadable(JsonProcessingException e, UriInfo uri) {
    return Problems.of(
        400,
        "INVALID_ARGUMENT",
        "Expected a JSON request body, but it could not be read: " + e.getOriginalMessage(),
        path(uri));
  }

  @ServerExceptionMapper
  public Response rejected(Rejection rejection, UriInfo uri) {
    return Problems.of(rejection, path(uri));
  }

  @ServerExceptionMapper
  public Response other(WebApplicationException e, UriInfo uri) {
    if (!underV2(uri)) {
      return e.getResponse();
    }
    int status = e.getResponse().getStatus();
    String title = status == 400 ? "INVALID_ARGUMENT" : Response.Status.fromStatusCode(status) + "";
    return Problems.of(status, title, e.getMessage(), path(uri));
  }

  /** Anything unexpected under /v2 (a database failure in a search, say) is a problem too. */
  @ServerExceptionMapper
  public Response unexpected(RuntimeException e, UriInfo uri) {
    LOG.errorf(e, "%s failed", path(uri));
    if (!underV2(uri)) {
      return Response.serverError().build(); // what Quarkus answers without a mapper
    }
    return Problems.internal(e, path(uri));
  }

  private static boolean underV2(UriInfo uri) {
    String path = path(uri);
    return path.equals("/v2") || path.startsWith("/v2/");
  }

  private static String path(UriInfo uri) {
    String path = uri.getPath();
    return path.startsWith("/") ? path : "/" + path;
  }
}
