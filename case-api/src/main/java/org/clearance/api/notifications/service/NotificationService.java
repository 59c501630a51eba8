package org.clearance.api.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.common.paging.PageResponse;
import org.clearance.api.notifications.domain.Audience;
import org.clearance.api.notifications.domain.Notification;
import org.clearance.api.notifications.domain.NotificationRepository;
import org.clearance.api.notifications.domain.NotificationType;
import org.clearance.api.notifications.domain.RecipientKind;
import org.clearance.api.security.service.Caller;

/** Writes notifications into the outbox and shows callers theirs. */
@ApplicationScoped
public class NotificationService {

  private final NotificationRepository notifications;
  private final NotificationConfig config;
  private final Caller caller;
  private final Clock clock;

  NotificationService(
      NotificationRepository notifications, NotificationConfig config, Caller caller, Clock clock) {
    this.notifications = notifications;
    this.config = config;
    this.caller = caller;
    this.clock = clock;
  }

  /**
   * Adds a notification to the outbox in the caller's transaction: the event it reports and the
   * notification commit or roll back together.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Notification notify(
      RecipientKind kind,
      String recipient,
      NotificationType type,
      UUID caseId,
      String caseReference,
      String subject,
      String body) {
    Notification notification =
        Notification.of(
            kind,
            recipient,
            type,
            caseId,
            caseReference,
            subject,
            body,
            clock.instant(),
            config.email().enabled());
    notifications.persist(notification);
    return notification;
  }

  /**
   * One page of the caller's notifications and their total, read in one transaction; each shown as
   * {@code view} of the notification and when the caller read it (null: unread).
   */
  @Transactional
  public <V> PageResponse<V> page(int page, int size, BiFunction<Notification, Instant, V> view) {
    Audience audience = audience();
    List<V> items =
        notifications.page(audience, page, size).stream()
            .map(seen -> view.apply(seen.notification(), seen.readAt()))
            .toList();
    return PageResponse.of(items, page, size, notifications.count(audience));
  }

  @Transactional
  public List<NotificationRepository.Seen> page(int page, int size) {
    return notifications.page(audience(), page, size);
  }

  @Transactional
  public long count() {
    return notifications.count(audience());
  }

  @Transactional
  public long unreadCount() {
    return notifications.countUnread(audience());
  }

  /** Marks a notification read for the caller; one not addressed to them answers 404. */
  @Transactional
  public void markRead(UUID id) {
    Audience audience = audience();
    notifications
        .findVisible(id, audience)
        .orElseThrow(() -> Rejection.notFound("Notification " + id));
    notifications.markRead(id, audience.username(), clock.instant());
  }

  private Audience audience() {
    return new Audience(
        caller.username(), caller.roles(), caller.isApplicant() ? caller.organisation() : null);
  }
}
