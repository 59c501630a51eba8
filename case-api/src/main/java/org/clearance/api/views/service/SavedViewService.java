package org.clearance.api.views.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.security.service.Caller;
import org.clearance.api.views.domain.SavedView;
import org.clearance.api.views.domain.SavedViewRepository;
import org.jboss.logging.Logger;

/**
 * Saved list views: each user keeps named states of the list screens and may share one with a role.
 * Everyone signed in may save views; only the owner changes or deletes one, and a view the caller
 * may not see answers 404, as cases do.
 */
@ApplicationScoped
public class SavedViewService {

  private static final Logger LOG = Logger.getLogger(SavedViewService.class);

  public static final int MAX_NAME_LENGTH = 80;
  public static final int MAX_QUERY_LENGTH = 2000;
  public static final int MAX_VIEWS_PER_USER = 200;

  /** A screen is named like a route segment: "cases", "inbox", "escalations". */
  private static final Pattern SCREEN = Pattern.compile("^[a-z][a-z0-9-]{0,39}$");

  /** The characters RFC 3986 allows in a query component (the state is stored URL-encoded). */
  private static final Pattern QUERY = Pattern.compile("^[A-Za-z0-9\\-._~%!$&'()*+,;=:@/?]*$");

  /**
   * Views are shared with a staff role. Never with applicants: they belong to different
   * organisations, and a view name is not for other companies to read.
   */
  public static final Set<String> SHAREABLE_ROLES =
      Set.of(Caller.AUDITOR, Caller.LEGAL, Caller.APPROVER, Caller.MANAGER, Caller.ADMIN);

  private final SavedViewRepository views;
  private final Caller caller;
  private final Clock clock;

  SavedViewService(SavedViewRepository views, Caller caller, Clock clock) {
    this.views = views;
    this.caller = caller;
    this.clock = clock;
  }

  /** The caller's own views and those shared with one of their roles; screen null = all. */
  @Transactional
  public List<SavedView> visible(String screen) {
    String wanted = screen == null || screen.isBlank() ? null : screen.strip();
    if (wanted != null && !SCREEN.matcher(wanted).matches()) {
      throw Rejection.invalid(
          "invalid-search",
          "The search cannot be run",
          "Some parameters are invalid.",
          List.of(new FieldError("screen", screenRule())));
    }
    return views.visibleTo(caller.username(), caller.roles(), wanted);
  }

  @Transactional
  public SavedView get(UUID id) {
    return visibleView(id);
  }

  @Transactional
  public SavedView create(SavedViewInput input) {
    Valid valid = validate(input);
    String owner = caller.username();
    if (views.countOwned(owner) >= MAX_VIEWS_PER_USER) {
      throw Rejection.conflict(
          "too-many-views",
          "Too many saved views",
          "You have " + MAX_VIEWS_PER_USER + " saved views; delete one before saving another.");
    }
    requireFreeName(owner, valid, null);
    SavedView view =
        new SavedView(
            owner, valid.name(), valid.screen(), valid.query(), valid.role(), clock.instant());
    views.persist(view);
    flushName(owner, valid);
    LOG.infof("view %s '%s' saved by %s for %s", view.id(), view.name(), owner, view.screen());
    return view;
  }

  @Transactional
  public SavedView update(UUID id, SavedViewInput input) {
    SavedView view = ownedView(id, "change");
    Valid valid = validate(input);
    requireFreeName(view.owner(), valid, view.id());
    view.change(valid.name(), valid.screen(), valid.query(), valid.role(), clock.instant());
    flushName(view.owner(), valid);
    return view;
  }

  @Transactional
  public void delete(UUID id) {
    SavedView view = ownedView(id, "delete");
    views.delete(view);
    LOG.infof("view %s '%s' deleted by %s", view.id(), view.name(), caller.username());
  }

  public boolean isMine(SavedView view) {
    return view.isOwnedBy(caller.username());
  }

  private SavedView visibleView(UUID id) {
    SavedView view = views.findByIdOptional(id).orElse(null);
    if (view == null
        || !(view.isOwnedBy(caller.username())
            || (view.sharedWithRole() != null && caller.hasRole(view.sharedWithRole())))) {
      throw Rejection.notFound("Saved view " + id);
    }
    return view;
  }

  private SavedView ownedView(UUID id, String action) {
    SavedView view = visibleView(id);
    if (!view.isOwnedBy(caller.username())) {
      throw Rejection.forbidden(
          "Only "
              + view.owner()
              + ", who saved the view '"
              + view.name()
              + "', can "
              + action
              + " it; save a copy under your own name instead.");
    }
    return view;
  }

  private void requireFreeName(String owner, Valid valid, UUID except) {
    if (views.nameTaken(owner, valid.screen(), valid.name(), except)) {
      throw Rejection.conflict(
          "duplicate-view-name",
          "A view of that name exists",
          "You already have a view called '"
              + valid.name()
              + "' on "
              + valid.screen()
              + "; choose another name or change that view.");
    }
  }

  /** Two requests racing for one name: the unique index decides, the loser gets the 409. */
  private void flushName(String owner, Valid valid) {
    try {
      views.flush();
    } catch (jakarta.persistence.PersistenceException e) {
      Throwable cause = e;
      while (cause != null
          && !(cause instanceof org.hibernate.exception.ConstraintViolationException)) {
        cause = cause.getCause();
      }
      if (cause == null) {
        throw e;
      }
      throw Rejection.conflict(
          "duplicate-view-name",
          "A view of that name exists",
          "You already have a view called '" + valid.name() + "' on " + valid.screen() + ".");
    }
  }

  private record Valid(String name, String screen, String query, String role) {}

  private Valid validate(SavedViewInput input) {
    List<FieldError> errors = new ArrayList<>();
    if (input == null) {
      input = new SavedViewInput(null, null, null, null);
    }
    String name = input.name() == null ? "" : input.name().strip();
    if (name.isEmpty()) {
      errors.add(new FieldError("name", "is required"));
    } else if (name.length() > MAX_NAME_LENGTH) {
      errors.add(new FieldError("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError("name", "must not contain control characters"));
    }
    String screen = input.screen() == null ? "" : input.screen().strip();
    if (screen.isEmpty()) {
      errors.add(new FieldError("screen", "is required"));
    } else if (!SCREEN.matcher(screen).matches()) {
      errors.add(new FieldError("screen", screenRule()));
    }
    String query = input.query() == null ? "" : input.query().strip();
    if (query.startsWith("?")) {
      query = query.substring(1);
    }
    if (query.length() > MAX_QUERY_LENGTH) {
      errors.add(new FieldError("query", "must be at most " + MAX_QUERY_LENGTH + " characters"));
    } else if (!QUERY.matcher(query).matches()) {
      errors.add(
          new FieldError(
              "query",
              "must be a URL query string such as status=SUBMITTED&sort=createdAt,desc"
                  + " (URL-encoded, no spaces or #)"));
    }
    String role =
        input.sharedWithRole() == null || input.sharedWithRole().isBlank()
            ? null
            : input.sharedWithRole().strip();
    if (role != null && !SHAREABLE_ROLES.contains(role)) {
      errors.add(
          new FieldError(
              "sharedWithRole",
              Caller.APPLICANT.equals(role)
                  ? "views cannot be shared with applicants: they belong to different"
                      + " organisations"
                  : "must be one of " + new java.util.TreeSet<>(SHAREABLE_ROLES)));
    } else if (role != null && caller.isApplicant() && !caller.isCaseStaff()) {
      errors.add(new FieldError("sharedWithRole", "applicants keep their views to themselves"));
    }
    if (!errors.isEmpty()) {
      throw Rejection.invalid(
          "validation-failed", "The view is invalid", "Some fields are invalid.", errors);
    }
    return new Valid(name, screen, query, role);
  }

  private static String screenRule() {
    return "must be a screen name of lower-case letters, digits and dashes, such as cases or inbox";
  }
}
