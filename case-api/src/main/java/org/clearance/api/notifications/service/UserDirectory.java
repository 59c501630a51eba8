package org.clearance.api.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.clearance.api.notifications.domain.RecipientKind;
import org.clearance.api.security.service.Caller;

/**
 * The users case-api has seen, as their tokens described them (name, e-mail, roles, organisation),
 * so that a notification to a role or an organisation reaches known people's addresses. Keycloak
 * stays the source of truth; this is a cache refreshed by every authenticated request.
 */
@ApplicationScoped
public class UserDirectory {

  /** A user as the token describes them. */
  public record Entry(
      String username, String name, String email, String organisation, Set<String> roles) {}

  /** Rewrite an unchanged entry at most this often, only to keep last_seen_at current. */
  private static final Duration REFRESH = Duration.ofHours(1);

  private static final Set<String> KNOWN_ROLES =
      Set.of(
          Caller.APPLICANT,
          Caller.AUDITOR,
          Caller.LEGAL,
          Caller.APPROVER,
          Caller.MANAGER,
          Caller.ADMIN);

  private record Written(Entry entry, Instant at) {}

  private final EntityManager em;
  private final Clock clock;
  private final Map<String, Written> written = new ConcurrentHashMap<>();

  UserDirectory(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** Whether {@link #remember} would write: the entry changed or was written long ago. */
  public boolean isStale(Entry entry) {
    Written last = written.get(entry.username());
    return last == null
        || !last.entry().equals(entry)
        || last.at().plus(REFRESH).isBefore(clock.instant());
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void remember(Entry entry) {
    Instant now = clock.instant();
    Set<String> roles = new TreeSet<>(entry.roles());
    roles.retainAll(KNOWN_ROLES);
    em.createNativeQuery(
            "insert into cases.directory_user"
                + " (username, display_name, email, organisation, roles, last_seen_at)"
                + " values (:username, :name, :email, :organisation,"
                + " string_to_array(:roles, ','), :now)"
                + " on conflict (username) do update set display_name = excluded.display_name,"
                + " email = excluded.email, organisation = excluded.organisation,"
                + " roles = excluded.roles, last_seen_at = excluded.last_seen_at")
        .setParameter("username", entry.username())
        .setParameter("name", entry.name())
        .setParameter("email", entry.email())
        .setParameter("organisation", entry.organisation())
        .setParameter("roles", String.join(",", roles))
        .setParameter("now", now)
        .executeUpdate();
    written.put(entry.username(), new Written(entry, now));
  }

  /**
   * The roles a known user's last token carried (of the roles Clearance knows), or empty if the
   * user has never called case-api.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Set<String>> rolesOf(String username) {
    List<?> rows =
        em.createNativeQuery(
                "select array_to_string(roles, ',') from cases.directory_user"
                    + " where username = :username")
            .setParameter("username", username)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    String roles = Objects.toString(rows.getFirst(), "");
    return Optional.of(roles.isEmpty() ? Set.of() : Set.of(roles.split(",")));
  }

  /** The known users whose last token carried {@code role}, by username. */
  @SuppressWarnings("unchecked")
  public List<String> usersWithRole(String role) {
    return em.createNativeQuery(
            "select username from cases.directory_user where :role = any(roles) order by username")
        .setParameter("role", role)
        .getResultList();
  }

  /** The e-mail addresses of the known users a notification is addressed to. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<String> addresses(RecipientKind kind, String recipient) {
    String where =
        switch (kind) {
          case USER -> "username = :recipient";
          case ROLE -> ":recipient = any(roles)";
          case ORGANISATION -> "organisation = :recipient and 'applicant' = any(roles)";
        };
    List<?> rows =
        em.createNativeQuery(
                "select distinct email from cases.directory_user"
                    + " where email is not null and email <> '' and "
                    + where
                    + " order by email")
            .setParameter("recipient", recipient)
            .getResultList();
    return rows.stream().map(Objects::toString).toList();
  }

  /** Forgets what was written, so the next request of every user writes again (tests). */
  public void forgetWritten() {
    written.clear();
  }
}
