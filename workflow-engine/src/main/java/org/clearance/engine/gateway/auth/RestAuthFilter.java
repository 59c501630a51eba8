package org.clearance.engine.gateway.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clearance.engine.config.AuthMode;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The HTTP twin of {@link GrpcAuthInterceptor}: every JAX-RS endpoint of the engine (the record
 * log, the REST gateway) needs an accepted bearer token; 401 without one, 403 without the role,
 * both as problem+json shaped like the REST gateway's other errors (title names the kind). It runs
 * before resource matching, so it guards every JAX-RS path, the {@code /v2} REST gateway included,
 * and an unknown path without a token is 401, not 404. Health and metrics ({@code /q/...}) are not
 * JAX-RS and stay open.
 */
public class RestAuthFilter {

  private static final String PROBLEM = "application/problem+json";

  private final GatewayAuthenticator authenticator;

  RestAuthFilter(GatewayAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @ServerRequestFilter(preMatching = true)
  public Response authenticate(ContainerRequestContext request) {
    if (authenticator.mode() == AuthMode.NONE) {
      return null;
    }
    String path = "/" + request.getUriInfo().getPath().replaceFirst("^/+", "");
    return switch (authenticator.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
      case AuthOutcome.Authenticated ok -> null;
      case AuthOutcome.Unauthenticated refused ->
          Response.status(401)
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
              .type(PROBLEM)
              .entity(problem(401, "UNAUTHORIZED", refused.reason(), path))
              .build();
      case AuthOutcome.Forbidden refused ->
          Response.status(403)
              .type(PROBLEM)
              .entity(problem(403, "FORBIDDEN", refused.reason(), path))
              .build();
    };
  }

  private static Map<String, Object> problem(int status, String title, String detail, String path) {
    var problem = new LinkedHashMap<String, Object>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("instance", path);
    return problem;
  }
}
