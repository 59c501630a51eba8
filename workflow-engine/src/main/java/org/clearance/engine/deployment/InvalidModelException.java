package org.clearance.engine.deployment;

/** A resource cannot be deployed; the message names each offending element and the problem. */
public class InvalidModelException extends RuntimeException {

  public InvalidModelException(String message) {
    super(message, null, false, false);
  }
}
