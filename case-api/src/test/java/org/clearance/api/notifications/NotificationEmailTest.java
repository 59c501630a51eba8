package org.clearance.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.support.Applications.as;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearance.api.cases.domain.event.CaseDecided;
import org.clearance.api.cases.domain.event.SlaEscalated;
import org.clearance.api.cases.domain.event.TaskAssigned;
import org.clearance.api.notifications.domain.EmailState;
import org.clearance.api.notifications.domain.Notification;
import org.clearance.api.notifications.domain.NotificationRepository;
import org.clearance.api.notifications.service.NotificationEmailSender;
import org.clearance.api.notifications.service.UserDirectory;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outbox rows are e-mailed through Quarkus Mailer (the mock mailbox in tests) to the addresses of
 * the users the directory learnt from their tokens.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class NotificationEmailTest {

  @Inject MockMailbox mailbox;
  @Inject NotificationEmailSender sender;
  @Inject NotificationRepository notifications;
  @Inject UserDirectory directory;
  @Inject EntityManager em;
  @Inject Event<SlaEscalated> slaEscalated;
  @Inject Event<CaseDecided> caseDecided;
  @Inject Event<TaskAssigned> taskAssigned;

  @BeforeEach
  void clearMailbox() {
    mailbox.clear();
    directory.forgetWritten();
  }

  @Test
  void shouldLearnUsersFromTheirTokensAndEmailTheUsersOfARole() {
    // given: max (a manager) has called the API, so the directory knows his address
    as("max").get("/api/notifications/unread-count").then().statusCode(200);
    UUID caseId = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(() -> slaEscalated.fire(NotificationResourceTest.escalation(caseId, "EL-MAIL-1")));

    // when
    sendAllDue();

    // then
    List<Mail> mails = mailbox.getMailsSentTo("max@clearance.example.org");
    assertThat(mails)
        .anySatisfy(
            mail -> {
              assertThat(mail.getSubject()).isEqualTo("SLA breached on case EL-MAIL-1 (review)");
              assertThat(mail.getText()).contains("/cases/" + caseId);
            });
    Notification row = only(caseId);
    assertThat(row.emailState()).isEqualTo(EmailState.SENT);
    assertThat(row.emailAttempts()).isEqualTo(1);
    assertThat(row.emailSentAt()).isNotNull();
  }

  @Test
  void shouldEmailADecisionToTheApplicantsOfTheOrganisationOnly() {
    // given
    as("alice").get("/api/notifications/unread-count").then().statusCode(200);
    as("bob").get("/api/notifications/unread-count").then().statusCode(200);
    UUID caseId = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                caseDecided.fire(
                    new CaseDecided(
                        caseId,
                        "EL-MAIL-2",
                        "acme-ai",
                        "DENIED",
                        "End user on the Entity List.",
                        Instant.now())));

    // when
    sendAllDue();

    // then
    assertThat(mailbox.getMailsSentTo("alice@acme-ai.example.com"))
        .anySatisfy(
            mail -> {
              assertThat(mail.getSubject()).isEqualTo("Case EL-MAIL-2 denied");
              assertThat(mail.getText())
                  .startsWith("Case EL-MAIL-2 is denied.")
                  .contains("End user on the Entity List.");
            });
    assertThat(mailbox.getMailsSentTo("bob@borealis-chips.example.com")).isNullOrEmpty();
  }

  @Test
  void shouldRetryLaterWhenNoAddressIsKnownAndGiveUpAfterTheLastAttempt() {
    // given: a task for a user who never called the API
    UUID caseId = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                taskAssigned.fire(
                    NotificationResourceTest.task(caseId, "EL-MAIL-3", "legal", "nobody-known")));

    // when
    sendAllDue();

    // then
    Notification afterFirst = only(caseId);
    assertThat(afterFirst.emailState()).isEqualTo(EmailState.PENDING);
    assertThat(afterFirst.emailAttempts()).isEqualTo(1);
    assertThat(afterFirst.emailLastError())
        .isEqualTo("no known e-mail address for user nobody-known");
    assertThat(afterFirst.emailNextAttemptAt()).isAfter(Instant.now().plusSeconds(30));

    // when: every further attempt comes due at once
    for (int attempt = 2; attempt <= 5; attempt++) {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery(
                          "update cases.notification set email_next_attempt_at = now()"
                              + " - interval '1 second' where case_id = :caseId")
                      .setParameter("caseId", caseId)
                      .executeUpdate());
      sendAllDue();
    }

    // then
    Notification last = only(caseId);
    assertThat(last.emailState()).isEqualTo(EmailState.FAILED);
    assertThat(last.emailAttempts()).isEqualTo(5);
    assertThat(last.emailNextAttemptAt()).isNull();
  }

  /** Older rows of other tests may be due as well; every row handled stops being due. */
  private void sendAllDue() {
    while (sender.sendDue() > 0) {
      // next batch
    }
  }

  private Notification only(UUID caseId) {
    List<Notification> rows =
        QuarkusTransaction.requiringNew().call(() -> notifications.ofCase(caseId));
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }
}
