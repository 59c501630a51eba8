package org.clearance.api.cases.rest;

import jakarta.ws.rs.core.Response;
import org.clearance.api.cases.domain.IllegalTransitionException;
import org.clearance.api.common.rest.Problem;
import org.clearance.api.workflow.service.WorkflowUnavailableException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Case rules that a request ran into, as problem+json. */
public class CaseProblemMappers {

  @ServerExceptionMapper
  public Response illegalTransition(IllegalTransitionException e) {
    return Problem.of("illegal-transition", "The case cannot make this change", 409, e.getMessage())
        .toResponse();
  }

  @ServerExceptionMapper
  public Response workflowUnavailable(WorkflowUnavailableException e) {
    return Problem.of(
            "workflow-unavailable", "The workflow engine is not available", 503, e.getMessage())
        .toResponse();
  }
}
