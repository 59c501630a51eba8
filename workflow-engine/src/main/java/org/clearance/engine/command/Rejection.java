package org.clearance.engine.command;

/**
 * An expected refusal of a command. The set of types is closed; each gateway maps a type to its own
 * protocol's status (the gRPC gateway to the codes Zeebe documents, the REST gateway to HTTP
 * statuses). Rejections carry no stack trace and are logged without one.
 */
public final class Rejection extends RuntimeException {

  /** Why a command was refused. */
  public enum Type {
    /** The key (job, instance, incident, definition, ...) names nothing that exists. */
    NOT_FOUND,
    /** The request itself is wrong: a blank type, a negative time to live, bad variables. */
    INVALID_ARGUMENT,
    /** The target exists but is in a state that does not allow the command. */
    INVALID_STATE,
    /** The command would create something that must be unique (a buffered message id). */
    ALREADY_EXISTS,
    /** The engine is saturated (backpressure); retry later. */
    RESOURCE_EXHAUSTED,
    /** The command ran out of the time the request allowed (a result that did not come). */
    DEADLINE_EXCEEDED,
    /** The caller may not use what the request names (a tenant it is not assigned). */
    PERMISSION_DENIED
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

  public static Rejection alreadyExists(String message) {
    return new Rejection(Type.ALREADY_EXISTS, message);
  }

  public static Rejection resourceExhausted(String message) {
    return new Rejection(Type.RESOURCE_EXHAUSTED, message);
  }

  public static Rejection permissionDenied(String message) {
    return new Rejection(Type.PERMISSION_DENIED, message);
  }

  public static Rejection deadlineExceeded(String message) {
    return new Rejection(Type.DEADLINE_EXCEEDED, message);
  }
}
