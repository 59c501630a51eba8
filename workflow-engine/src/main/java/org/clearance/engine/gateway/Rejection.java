package org.clearance.engine.gateway;

import io.grpc.Status;

/**
 * An expected refusal of a command. The closed set of types maps one-to-one onto the gRPC status
 * codes Zeebe documents; rejections are logged without stack traces.
 */
public final class Rejection extends RuntimeException {

  public enum Type {
    NOT_FOUND(Status.Code.NOT_FOUND),
    INVALID_ARGUMENT(Status.Code.INVALID_ARGUMENT),
    INVALID_STATE(Status.Code.FAILED_PRECONDITION),
    ALREADY_EXISTS(Status.Code.ALREADY_EXISTS),
    RESOURCE_EXHAUSTED(Status.Code.RESOURCE_EXHAUSTED),
    DEADLINE_EXCEEDED(Status.Code.DEADLINE_EXCEEDED);

    private final Status.Code code;

    Type(Status.Code code) {
      this.code = code;
    }

    public Status.Code statusCode() {
      return code;
    }
  }

  private final Type type;

  public Rejection(Type type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  public Type type() {
    return type;
  }

  public static Rejection notFound(String message) {
    return new Rejection(Type.NOT_FOUND, message);
  }

  public static Rejection invalidArgument(String message) {
    return new Rejection(Type.INVALID_ARGUMENT, message);
  }

  public static Rejection invalidState(String message) {
    return new Rejection(Type.INVALID_STATE, message);
  }
}
