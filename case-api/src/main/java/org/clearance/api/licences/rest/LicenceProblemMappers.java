package org.clearance.api.licences.rest;

import jakarta.ws.rs.core.Response;
import org.clearance.api.common.rest.Problem;
import org.clearance.api.licences.domain.IllegalLicenceTransitionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Licence rules that a request ran into, as problem+json. */
public class LicenceProblemMappers {

  @ServerExceptionMapper
  public Response illegalTransition(IllegalLicenceTransitionException e) {
    return Problem.of(
            "illegal-licence-transition",
            "The licence cannot make this change",
            409,
            e.getMessage())
        .toResponse();
  }
}
