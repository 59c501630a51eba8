package org.clearance.api.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One row of the notification outbox: what to tell whom, and how far its e-mail got. */
@Entity
@Table(name = "notification")
public class Notification {

  private static final int MAX_ERROR = 2000;

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(name = "recipient_kind", nullable = false, updatable = false)
  private RecipientKind recipientKind;

  @Column(nullable = false, updatable = false)
  private String recipient;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private NotificationType type;

  @Column(name = "case_id", updatable = false)
  private UUID caseId;

  @Column(name = "case_reference", updatable = false)
  private String caseReference;

  @Column(nullable = false, updatable = false)
  private String subject;

  @Column(nullable = false, updatable = false)
  private String body;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "email_state", nullable = false)
  private EmailState emailState;

  @Column(name = "email_attempts", nullable = false)
  private int emailAttempts;

  @Column(name = "email_next_attempt_at")
  private Instant emailNextAttemptAt;

  @Column(name = "email_last_error")
  private String emailLastError;

  @Column(name = "email_sent_at")
  private Instant emailSentAt;

  protected Notification() {}

  public static Notification of(
      RecipientKind kind,
      String recipient,
      NotificationType type,
      UUID caseId,
      String caseReference,
      String subject,
      String body,
      Instant now,
      boolean email) {
    Notification notification = new Notification();
    notification.id = UUID.randomUUID();
    notification.recipientKind = kind;
    notification.recipient = recipient;
    notification.type = type;
    notification.caseId = caseId;
    notification.caseReference = caseReference;
    notification.subject = subject;
    notification.body = body;
    notification.createdAt = now;
    notification.emailState = email ? EmailState.PENDING : EmailState.DISABLED;
    notification.emailNextAttemptAt = email ? now : null;
    return notification;
  }

  public void emailSent(Instant now) {
    emailAttempts++;
    emailState = EmailState.SENT;
    emailSentAt = now;
    emailNextAttemptAt = null;
    emailLastError = null;
  }

  /** A failed attempt: retried after {@code backoff}, or given up after the last attempt. */
  public void emailFailed(String error, Instant now, int maxAttempts, Duration backoff) {
    emailAttempts++;
    emailLastError = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    if (emailAttempts >= maxAttempts) {
      emailState = EmailState.FAILED;
      emailNextAttemptAt = null;
    } else {
      emailNextAttemptAt = now.plus(backoff);
    }
  }

  public UUID id() {
    return id;
  }

  public RecipientKind recipientKind() {
    return recipientKind;
  }

  public String recipient() {
    return recipient;
  }

  public NotificationType type() {
    return type;
  }

  public UUID caseId() {
    return caseId;
  }

  public String caseReference() {
    return caseReference;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public EmailState emailState() {
    return emailState;
  }

  public int emailAttempts() {
    return emailAttempts;
  }

  public Instant emailNextAttemptAt() {
    return emailNextAttemptAt;
  }

  public String emailLastError() {
    return emailLastError;
  }

  public Instant emailSentAt() {
    return emailSentAt;
  }
}
