package org.clearance.api.common.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Authentication and authorization failures as problem+json, without stack traces. */
public class SecurityProblemMappers {

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e) {
    return Problem.of(
            "unauthorized",
            "Authentication required",
            401,
            "Send a valid bearer token issued by the Clearance realm.")
        .toResponse();
  }

  @ServerExceptionMapper(ForbiddenException.class)
  public Response forbidden(ForbiddenException e) {
    String detail =
        e.getMessage() == null || e.getMessage().isBlank()
            ? "Your roles do not allow this action."
            : e.getMessage();
    return Problem.of("forbidden", "Not allowed", 403, detail).toResponse();
  }
}
