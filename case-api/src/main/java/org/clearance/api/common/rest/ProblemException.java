package org.clearance.api.common.rest;

import java.util.List;
import org.clearance.api.common.error.FieldError;

/**
 * An expected rejection of a request, carried to the problem+json mapper. Services throw it so that
 * a rejection rolls the transaction back and reaches the client without a stack trace.
 */
public class ProblemException extends RuntimeException {

  private final Problem problem;

  public ProblemException(Problem problem) {
    super(problem.title() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(
        Problem.of("not-found", "Not found", 404, what + " was not found."));
  }

  public static ProblemException forbidden(String reason) {
    return new ProblemException(Problem.of("forbidden", "Not allowed", 403, reason));
  }

  public static ProblemException conflict(String type, String title, String detail) {
    return new ProblemException(Problem.of(type, title, 409, detail));
  }

  public static ProblemException badRequest(
      String type, String title, String detail, List<FieldError> errors) {
    return new ProblemException(Problem.of(type, title, 400, detail).withErrors(errors));
  }
}
