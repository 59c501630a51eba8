package org.clearance.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.api.cases.domain.event.CaseDecided;
import org.clearance.api.cases.domain.event.RequestForInformationOpened;
import org.clearance.api.cases.domain.event.SlaEscalated;
import org.clearance.api.cases.domain.event.TaskAssigned;
import org.clearance.api.licences.domain.event.LicenceStatusChanged;
import org.clearance.api.notifications.domain.EmailState;
import org.clearance.api.notifications.domain.Notification;
import org.clearance.api.notifications.domain.NotificationRepository;
import org.clearance.api.notifications.domain.RecipientKind;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Case events become outbox rows in the firing transaction, and each caller sees the ones addressed
 * to them, their roles or their organisation. Events are fired as the process side fires them:
 * inside a transaction, through CDI.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class NotificationResourceTest {

  private static final String PROBLEM = "application/problem+json";

  @Inject Event<SlaEscalated> slaEscalated;
  @Inject Event<TaskAssigned> taskAssigned;
  @Inject Event<RequestForInformationOpened> rfiOpened;
  @Inject Event<CaseDecided> caseDecided;
  @Inject Event<LicenceStatusChanged> licenceChanged;
  @Inject NotificationRepository notifications;

  @Test
  void shouldWriteTheOutboxRowInTheTransactionThatFiredTheEvent() {
    // given
    UUID caseId = UUID.randomUUID();

    // when
    QuarkusTransaction.requiringNew().run(() -> slaEscalated.fire(escalation(caseId, "EL-T-1")));

    // then
    List<Notification> rows = rowsOf(caseId);
    assertThat(rows).hasSize(1);
    Notification row = rows.get(0);
    assertThat(row.recipientKind()).isEqualTo(RecipientKind.ROLE);
    assertThat(row.recipient()).isEqualTo("manager");
    assertThat(row.subject()).isEqualTo("SLA breached on case EL-T-1 (review)");
    assertThat(row.emailState()).isEqualTo(EmailState.PENDING);
    assertThat(row.emailAttempts()).isZero();
  }

  @Test
  void shouldLeaveNoNotificationWhenTheFiringTransactionRollsBack() {
    // given
    UUID caseId = UUID.randomUUID();

    // when
    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          slaEscalated.fire(escalation(caseId, "EL-T-2"));
                          throw new IllegalStateException("the case change failed");
                        }))
        .hasMessageContaining("the case change failed");

    // then
    assertThat(rowsOf(caseId)).isEmpty();
  }

  @Test
  void shouldTellTheOrganisationsApplicantsAboutARequestForInformationAndNobodyElse() {
    // given
    UUID caseId = UUID.randomUUID();
    String reference = "EL-RFI-" + caseId.toString().substring(0, 8);

    // when
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                rfiOpened.fire(
                    new RequestForInformationOpened(
                        caseId,
                        reference,
                        "acme-ai",
                        "TECHNICAL_AUDIT",
                        "Where are the weights hosted?",
                        "audrey",
                        Instant.now().plus(10, ChronoUnit.DAYS))));

    // then
    as("alice")
        .get("/api/notifications?size=100")
        .then()
        .statusCode(200)
        .body("items.caseReference", hasItem(reference))
        .body("items.find { it.caseReference == '" + reference + "' }.type", equalTo("RFI_OPENED"))
        .body(
            "items.find { it.caseReference == '" + reference + "' }.body",
            startsWith(
                "The technical audit of case "
                    + reference
                    + " needs more information:\n\nWhere are the weights hosted?"))
        .body(
            "items.find { it.caseReference == '" + reference + "' }.recipientKind",
            equalTo("ORGANISATION"));
    for (String other : List.of("bob", "audrey", "max", "adam")) {
      as(other)
          .get("/api/notifications?size=100")
          .then()
          .statusCode(200)
          .body("items.caseReference", not(hasItem(reference)));
    }
  }

  @Test
  void shouldTellTheAssigneeOrElseEveryoneWithTheCandidateRole() {
    // given
    UUID caseId = UUID.randomUUID();

    // when
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              taskAssigned.fire(task(caseId, "EL-TA-ROLE", "legal", null));
              taskAssigned.fire(task(caseId, "EL-TA-USER", "auditor", "audrey"));
            });

    // then
    as("leo")
        .get("/api/notifications?size=100")
        .then()
        .body("items.caseReference", hasItem("EL-TA-ROLE"))
        .body("items.caseReference", not(hasItem("EL-TA-USER")));
    as("audrey")
        .get("/api/notifications?size=100")
        .then()
        .body("items.caseReference", hasItem("EL-TA-USER"))
        .body("items.caseReference", not(hasItem("EL-TA-ROLE")));
    as("max")
        .get("/api/notifications?size=100")
        .then()
        .body("items.caseId", not(hasItem(caseId.toString())));
  }

  @ParameterizedTest(name = "{0} reads \"{1}\"")
  @CsvSource({
    "ADJUDICATE_MATCHES, match adjudication",
    "TECHNICAL_AUDIT, technical audit",
    "LEGAL_REVIEW, legal review",
    "APPROVAL, approval",
    "COUNTERSIGN, countersign"
  })
  void shouldNameTheTaskTypeInPlainWordsNotItsCode(String taskType, String words) {
    // given
    UUID caseId = UUID.randomUUID();
    String reference = "EL-W-" + caseId.toString().substring(0, 8);
    Instant due = Instant.parse("2026-12-11T17:00:00Z");

    // when
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              taskAssigned.fire(
                  new TaskAssigned(
                      UUID.randomUUID(), caseId, reference, taskType, "legal", "leo", due));
              taskAssigned.fire(
                  new TaskAssigned(
                      UUID.randomUUID(), caseId, reference, taskType, "legal", null, due));
              slaEscalated.fire(
                  new SlaEscalated(caseId, reference, taskType, due, due.plusSeconds(60)));
            });

    // then
    assertThat(rowsOf(caseId))
        .extracting(Notification::subject)
        .containsExactlyInAnyOrder(
            "Task assigned to you: " + words + " on case " + reference,
            "New task for legal reviewers: " + words + " on case " + reference,
            "SLA breached on case " + reference + " (" + words + ")");
    assertThat(rowsOf(caseId))
        .extracting(Notification::body)
        .allSatisfy(body -> assertThat(body).doesNotContain(taskType))
        .anySatisfy(
            body ->
                assertThat(body)
                    .startsWith(
                        "The "
                            + words
                            + " of case "
                            + reference
                            + " is due 2026-12-11T17:00:00Z.\n"))
        .anySatisfy(
            body -> assertThat(body).startsWith("The " + words + " stage of case " + reference));
  }

  @ParameterizedTest(name = "{0} reads \"{1}\"")
  @CsvSource({
    "APPROVED, approved",
    "DENIED, denied",
    "WITHDRAWN, withdrawn",
    "RETURNED_WITHOUT_ACTION, returned without action",
    "NO_LICENCE_REQUIRED, 'closed: no licence required'"
  })
  void shouldTellTheOrganisationTheOutcomeInPlainWordsNotItsCode(String outcome, String words) {
    // given
    UUID caseId = UUID.randomUUID();
    String reference = "EL-O-" + caseId.toString().substring(0, 8);

    // when
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                caseDecided.fire(
                    new CaseDecided(
                        caseId, reference, "acme-ai", outcome, "A summary.", Instant.now())));

    // then
    List<Notification> rows = rowsOf(caseId);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).subject()).isEqualTo("Case " + reference + " " + words);
    assertThat(rows.get(0).body())
        .startsWith("Case " + reference + " is " + words + ".\n\nA summary.\n")
        .doesNotContain(outcome);
  }

  @Test
  void shouldTellTheOrganisationAboutALicenceChangeInPlainWordsNotItsCodes() {
    // given
    UUID caseId = UUID.randomUUID();

    // when
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                licenceChanged.fire(
                    new LicenceStatusChanged(
                        caseId,
                        "EL-LIC-1",
                        "acme-ai",
                        "LIC-2026-000042",
                        "ISSUED",
                        "EXHAUSTED",
                        null,
                        Instant.now())));

    // then
    List<Notification> rows = rowsOf(caseId);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).recipientKind()).isEqualTo(RecipientKind.ORGANISATION);
    assertThat(rows.get(0).subject()).isEqualTo("Licence LIC-2026-000042 is now used up");
    assertThat(rows.get(0).body())
        .startsWith(
            "Licence LIC-2026-000042 (case EL-LIC-1) changed from in force to used up.\n" + "http");
  }

  @Test
  void shouldTellManagersAboutAnEscalation() {
    // given
    UUID caseId = UUID.randomUUID();

    // when
    QuarkusTransaction.requiringNew().run(() -> slaEscalated.fire(escalation(caseId, "EL-T-3")));

    // then
    as("max")
        .get("/api/notifications?size=100")
        .then()
        .body("items.caseReference", hasItem("EL-T-3"));
    as("ava")
        .get("/api/notifications?size=100")
        .then()
        .body("items.caseReference", not(hasItem("EL-T-3")));
  }

  @Test
  void shouldListUnreadNotificationsFirstAndCountThem() {
    // given: three tasks for ava, the middle one read
    UUID caseId = UUID.randomUUID();
    for (String reference : List.of("EL-AVA-1", "EL-AVA-2", "EL-AVA-3")) {
      QuarkusTransaction.requiringNew()
          .run(() -> taskAssigned.fire(task(caseId, reference, "approver", "ava")));
    }
    long unreadBefore = unreadOf("ava");
    String middle = idOf("ava", "EL-AVA-2");

    // when
    as("ava").post("/api/notifications/" + middle + "/read").then().statusCode(204);
    as("ava").post("/api/notifications/" + middle + "/read").then().statusCode(204);

    // then
    assertThat(unreadOf("ava")).isEqualTo(unreadBefore - 1);
    JsonPath page =
        as("ava").get("/api/notifications?size=100").then().statusCode(200).extract().jsonPath();
    List<Boolean> read = page.getList("items.read", Boolean.class);
    assertThat(read).isSortedAccordingTo(Boolean::compare);
    List<String> references = page.getList("items.caseReference", String.class);
    assertThat(references.indexOf("EL-AVA-3")).isLessThan(references.indexOf("EL-AVA-1"));
    assertThat(references.indexOf("EL-AVA-1")).isLessThan(references.indexOf("EL-AVA-2"));
    Map<String, Object> readOne = page.getMap("items.find { it.caseReference == 'EL-AVA-2' }");
    assertThat(readOne).containsEntry("read", true);
    assertThat(readOne.get("readAt")).isNotNull();
  }

  @Test
  void shouldPageTheCallersNotifications() {
    // given
    UUID caseId = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              taskAssigned.fire(task(caseId, "EL-PG-1", "approver", "ava"));
              taskAssigned.fire(task(caseId, "EL-PG-2", "approver", "ava"));
            });

    // when
    JsonPath second =
        as("ava")
            .get("/api/notifications?page=1&size=1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    // then
    assertThat(second.getList("items")).hasSize(1);
    assertThat(second.getInt("page")).isEqualTo(1);
    assertThat(second.getInt("size")).isEqualTo(1);
    assertThat(second.getLong("totalItems")).isGreaterThanOrEqualTo(2);
    assertThat(second.getLong("totalPages")).isEqualTo(second.getLong("totalItems"));
  }

  @Test
  void shouldRejectInvalidPagingNamingTheFields() {
    as("alice")
        .get("/api/notifications?page=-1&size=500")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", endsWith("/invalid-paging"))
        .body("errors.field", hasItems("page", "size"));
  }

  @Test
  void shouldAnswerNotFoundWhenMarkingSomeoneElsesNotificationRead() {
    // given
    UUID caseId = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(() -> taskAssigned.fire(task(caseId, "EL-LEO-1", "legal", "leo")));
    String id = idOf("leo", "EL-LEO-1");

    // when / then
    as("audrey")
        .post("/api/notifications/" + id + "/read")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("type", endsWith("/not-found"));
    as("audrey").post("/api/notifications/" + UUID.randomUUID() + "/read").then().statusCode(404);
    as("leo").post("/api/notifications/" + id + "/read").then().statusCode(204);
  }

  private long unreadOf(String username) {
    return as(username)
        .get("/api/notifications/unread-count")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("unread");
  }

  private static String idOf(String username, String reference) {
    return as(username)
        .get("/api/notifications?size=100")
        .then()
        .extract()
        .path("items.find { it.caseReference == '" + reference + "' }.id");
  }

  private List<Notification> rowsOf(UUID caseId) {
    return QuarkusTransaction.requiringNew().call(() -> notifications.ofCase(caseId));
  }

  static SlaEscalated escalation(UUID caseId, String reference) {
    Instant now = Instant.now();
    return new SlaEscalated(caseId, reference, "REVIEW", now.minus(1, ChronoUnit.HOURS), now);
  }

  static TaskAssigned task(UUID caseId, String reference, String role, String assignee) {
    return new TaskAssigned(
        UUID.randomUUID(),
        caseId,
        reference,
        "TECHNICAL_AUDIT",
        role,
        assignee,
        Instant.now().plus(9, ChronoUnit.DAYS));
  }
}
