package org.clearance.engine.expression;

/** A FEEL expression failed at run time; the engine turns it into an incident. */
public class EvaluationException extends RuntimeException {

  public EvaluationException(String message) {
    super(message, null, false, false);
  }
}
