package org.clearance.api.notifications.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clearance.api.notifications.domain.Notification;
import org.clearance.api.notifications.domain.NotificationRepository;
import org.jboss.logging.Logger;

/**
 * E-mails pending notifications through Quarkus Mailer. Each run claims due rows with {@code FOR
 * UPDATE SKIP LOCKED}, sends one mail per known address, and marks each row sent, or failed with an
 * exponential backoff until the last attempt. Delivery is at least once: a crash between sending
 * and commit sends that mail again.
 */
@ApplicationScoped
public class NotificationEmailSender {

  private static final Logger LOG = Logger.getLogger(NotificationEmailSender.class);

  private final NotificationRepository notifications;
  private final UserDirectory directory;
  private final Mailer mailer;
  private final NotificationConfig config;
  private final Clock clock;

  NotificationEmailSender(
      NotificationRepository notifications,
      UserDirectory directory,
      Mailer mailer,
      NotificationConfig config,
      Clock clock) {
    this.notifications = notifications;
    this.directory = directory;
    this.mailer = mailer;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(
      identity = "notification-email",
      every = "${clearance.notifications.email.interval:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sendOnSchedule() {
    if (config.email().enabled()) {
      sendDue();
    }
  }

  /**
   * Sends one batch of what is due now; returns how many notifications it handled (sent or failed),
   * so a caller can drain the backlog by calling until it answers 0.
   */
  @Transactional
  public int sendDue() {
    Instant now = clock.instant();
    List<Notification> due = notifications.claimDueEmails(now, config.email().batchSize());
    for (Notification notification : due) {
      List<String> addresses =
          directory.addresses(notification.recipientKind(), notification.recipient());
      if (addresses.isEmpty()) {
        failed(
            notification,
            "no known e-mail address for "
                + notification.recipientKind().name().toLowerCase()
                + " "
                + notification.recipient(),
            now);
        continue;
      }
      try {
        mailer.send(
            addresses.stream()
                .map(address -> Mail.withText(address, notification.subject(), notification.body()))
                .toArray(Mail[]::new));
        notification.emailSent(now);
        LOG.infof(
            "notification %s (%s, case %s) e-mailed to %d address(es)",
            notification.id(), notification.type(), notification.caseReference(), addresses.size());
      } catch (RuntimeException e) {
        failed(notification, e.getMessage() != null ? e.getMessage() : e.toString(), now);
      }
    }
    return due.size();
  }

  private void failed(Notification notification, String error, Instant now) {
    NotificationConfig.Email email = config.email();
    Duration backoff =
        email.backoff().multipliedBy(1L << Math.min(notification.emailAttempts(), 20));
    if (backoff.compareTo(email.maxBackoff()) > 0) {
      backoff = email.maxBackoff();
    }
    notification.emailFailed(error, now, email.maxAttempts(), backoff);
    LOG.warnf(
        "e-mail of notification %s (case %s) failed, attempt %d of %d: %s",
        notification.id(),
        notification.caseReference(),
        notification.emailAttempts(),
        email.maxAttempts(),
        error);
  }
}
