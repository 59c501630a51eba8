package org.clearance.api.common.error;

import java.util.List;

/**
 * An expected rejection by the domain: services and workers throw one of its kinds instead of
 * anything HTTP-shaped, and {@code common.rest.ProblemMappers} answers each kind with its
 * problem+json status (not found 404, forbidden 403, conflict 409, invalid 400, too large 413,
 * unsupported type 415). It is unchecked so that it rolls the transaction back, and it carries no
 * stack trace: it is an answer, not a failure.
 *
 * <p>{@code type} is the stable problem type slug (e.g. {@code case-not-submittable}), {@code
 * title} the human summary, {@code detail} this occurrence in words.
 */
public abstract sealed class Rejection extends RuntimeException {

  private final String type;
  private final String title;
  private final String detail;
  private final List<FieldError> errors;

  private Rejection(String type, String title, String detail, List<FieldError> errors) {
    super(title + ": " + detail, null, false, false);
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.errors = errors == null ? null : List.copyOf(errors);
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  /** The offending fields; null for kinds that name none. */
  public List<FieldError> errors() {
    return errors;
  }

  /** The thing asked for does not exist, or the caller may not know that it does. */
  public static final class NotFound extends Rejection {
    private NotFound(String what) {
      super("not-found", "Not found", what + " was not found.", null);
    }
  }

  /** The caller is known but may not do this. */
  public static final class Forbidden extends Rejection {
    private Forbidden(String reason) {
      super("forbidden", "Not allowed", reason, null);
    }
  }

  /** The command is well formed but the current state does not allow it. */
  public static final class Conflict extends Rejection {
    private Conflict(String type, String title, String detail) {
      super(type, title, detail, null);
    }
  }

  /** The command itself is wrong; {@link #errors()} names the fields. */
  public static final class Invalid extends Rejection {
    private Invalid(String type, String title, String detail, List<FieldError> errors) {
      super(type, title, detail, errors);
    }
  }

  /** The content is larger than the configured limit. */
  public static final class TooLarge extends Rejection {
    private TooLarge(String type, String title, String detail) {
      super(type, title, detail, null);
    }
  }

  /** The content is of a type the domain does not accept. */
  public static final class UnsupportedType extends Rejection {
    private UnsupportedType(String type, String title, String detail) {
      super(type, title, detail, null);
    }
  }

  public static NotFound notFound(String what) {
    return new NotFound(what);
  }

  public static Forbidden forbidden(String reason) {
    return new Forbidden(reason);
  }

  public static Conflict conflict(String type, String title, String detail) {
    return new Conflict(type, title, detail);
  }

  public static Invalid invalid(String type, String title, String detail, List<FieldError> errors) {
    return new Invalid(type, title, detail, errors);
  }

  public static TooLarge tooLarge(String type, String title, String detail) {
    return new TooLarge(type, title, detail);
  }

  public static UnsupportedType unsupportedType(String type, String title, String detail) {
    return new UnsupportedType(type, title, detail);
  }
}
