package org.clearance.engine.expression;

/** A FEEL expression in a model does not parse; the deployment is rejected. */
public class InvalidExpressionException extends RuntimeException {

  public InvalidExpressionException(String message) {
    super(message, null, false, false);
  }
}
