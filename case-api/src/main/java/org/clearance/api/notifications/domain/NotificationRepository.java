package org.clearance.api.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

  /** A notification with the time the audience's user read it (null: unread). */
  public record Seen(Notification notification, Instant readAt) {}

  private static final String VISIBLE =
      " (n.recipientKind = org.clearance.api.notifications.domain.RecipientKind.USER"
          + "    and n.recipient = :username)"
          + " or (n.recipientKind = org.clearance.api.notifications.domain.RecipientKind.ROLE"
          + "    and n.recipient in :roles)"
          + " or (n.recipientKind ="
          + " org.clearance.api.notifications.domain.RecipientKind.ORGANISATION"
          + "    and n.recipient = :organisation)";

  private static final String SEEN =
      " from Notification n left join NotificationRead r"
          + " on r.key.notificationId = n.id and r.key.username = :username"
          + " where ("
          + VISIBLE
          + ")";

  /** One page of the audience's notifications, unread first, newest first within each. */
  public List<Seen> page(Audience audience, int page, int size) {
    TypedQuery<Object[]> query =
        getEntityManager()
            .createQuery(
                "select n, r.readAt"
                    + SEEN
                    + " order by case when r.readAt is null then 0 else 1 end,"
                    + " n.createdAt desc, n.id",
                Object[].class);
    bind(query, audience);
    return query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
        .map(row -> new Seen((Notification) row[0], (Instant) row[1]))
        .toList();
  }

  public long count(Audience audience) {
    TypedQuery<Long> query = getEntityManager().createQuery("select count(n)" + SEEN, Long.class);
    bind(query, audience);
    return query.getSingleResult();
  }

  public long countUnread(Audience audience) {
    TypedQuery<Long> query =
        getEntityManager()
            .createQuery("select count(n)" + SEEN + " and r.readAt is null", Long.class);
    bind(query, audience);
    return query.getSingleResult();
  }

  public Optional<Notification> findVisible(UUID id, Audience audience) {
    TypedQuery<Notification> query =
        getEntityManager()
            .createQuery(
                "select n from Notification n where n.id = :id and (" + VISIBLE + ")",
                Notification.class)
            .setParameter("id", id);
    bind(query, audience);
    return query.setMaxResults(1).getResultList().stream().findFirst();
  }

  /** Records that a user read a notification; reading twice keeps the first time. */
  public void markRead(UUID id, String username, Instant now) {
    getEntityManager()
        .createNativeQuery(
            "insert into cases.notification_read (notification_id, username, read_at)"
                + " values (:id, :username, :now) on conflict do nothing")
        .setParameter("id", id)
        .setParameter("username", username)
        .setParameter("now", now)
        .executeUpdate();
  }

  /**
   * Claims notifications whose e-mail is due, locked until the transaction ends; rows another
   * sender holds are skipped, so several case-api replicas send each mail once.
   */
  @SuppressWarnings("unchecked")
  public List<Notification> claimDueEmails(Instant now, int limit) {
    return getEntityManager()
        .createNativeQuery(
            "select * from cases.notification"
                + " where email_state = 'PENDING' and email_next_attempt_at <= :now"
                + " order by email_next_attempt_at limit :limit for update skip locked",
            Notification.class)
        .setParameter("now", now)
        .setParameter("limit", limit)
        .getResultList();
  }

  public List<Notification> ofCase(UUID caseId) {
    return list("caseId = ?1 order by createdAt", caseId);
  }

  private static void bind(TypedQuery<?> query, Audience audience) {
    // A caller without roles or organisation binds values no recipient has: the query stays valid
    // and those branches match nothing.
    query.setParameter("username", audience.username());
    query.setParameter(
        "roles", audience.roles().isEmpty() ? List.of("") : List.copyOf(audience.roles()));
    query.setParameter(
        "organisation", audience.organisation() == null ? "" : audience.organisation());
  }
}
