package org.clearance.api.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearance.api.licences.Licences.awaitingApproval;
import static org.clearance.api.licences.Licences.issue;
import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.Applications.draft;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.licences.service.LicenceService;
import org.clearance.api.licences.service.LicenceTerms;
import org.clearance.api.notifications.domain.Notification;
import org.clearance.api.notifications.domain.NotificationRepository;
import org.clearance.api.support.FakeCaseProcess;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class LicenceResourceTest {

  private static final String PROBLEM = "application/problem+json";

  @Inject LicenceService licences;
  @Inject NotificationRepository notifications;

  @BeforeEach
  void installProcess() {
    FakeCaseProcess.install();
  }

  @Test
  void shouldIssueALicenceWithTheHolderItemsPartiesAndConditionsOfTheCase() {
    // given
    String caseId = awaitingApproval("alice");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    // when
    String number =
        issue(caseId, new LicenceTerms(List.of("No re-export to D:5 countries"), null, null));

    // then
    assertThat(number).matches("LIC-" + today.getYear() + "-\\d{6}");
    as("alice")
        .get("/api/licences/" + number)
        .then()
        .statusCode(200)
        .body("number", equalTo(number))
        .body("caseId", equalTo(caseId))
        .body("status", equalTo("ISSUED"))
        .body("holder.organisation", equalTo("acme-ai"))
        .body("holder.contactName", equalTo("Alice Adeyemi"))
        .body("holder.contactEmail", equalTo("alice@acme-ai.example.com"))
        .body("validFrom", equalTo(today.toString()))
        .body("validUntil", equalTo(today.plusMonths(24).minusDays(1).toString()))
        .body("items[0].eccn", equalTo("4E091"))
        .body("items[0].description", equalTo("Frontier model weights, 400B parameters"))
        .body("items[0].quantityLimit", equalTo(1))
        .body("items[0].unit", equalTo("model"))
        .body("items[0].valueLimit", equalTo(2500000.5f))
        .body("items[0].currency", equalTo("USD"))
        .body("destinations", contains("JP"))
        .body("parties.role", contains("CONSIGNEE", "END_USER"))
        .body("parties.name", hasItem("Kumo Research KK"))
        .body("conditions", contains("No re-export to D:5 countries"))
        .body("document.href", equalTo("/api/licences/" + number + "/document"))
        .body("document.sha256", matchesPattern("[0-9a-f]{64}"));
    as("alice").get("/api/cases/" + caseId).then().body("status", equalTo("APPROVED"));
    as("alice")
        .get("/api/cases/" + caseId + "/audit")
        .then()
        .body("action", hasItems("CASE_APPROVED", "LICENCE_ISSUED"));
  }

  @Test
  void shouldReturnTheSameLicenceWhenTheIssueIsRetriedForOneCase() {
    // given
    String caseId = awaitingApproval("alice");
    String first = issue(caseId, LicenceTerms.defaults());

    // when
    String second = issue(caseId, new LicenceTerms(List.of("another condition"), null, null));

    // then
    assertThat(second).isEqualTo(first);
    as("alice")
        .get("/api/cases/" + caseId + "/licence")
        .then()
        .statusCode(200)
        .body("number", equalTo(first))
        .body("conditions", equalTo(List.of()));
    List<String> actions = as("alice").get("/api/cases/" + caseId + "/audit").path("action");
    assertThat(actions).containsOnlyOnce("LICENCE_ISSUED");
    List<Notification> decided =
        QuarkusTransaction.requiringNew().call(() -> notifications.ofCase(UUID.fromString(caseId)));
    assertThat(decided).hasSize(1);
    assertThat(decided.get(0).body()).contains("Licence " + first + " issued");
  }

  @Test
  void shouldIssueOneLicenceWhenTwoIssuesOfACaseRunAtOnce() throws Exception {
    // given
    String caseId = awaitingApproval("alice");

    ExecutorService threads = Executors.newFixedThreadPool(2);

    // when
    Future<String> first = threads.submit(() -> issue(caseId, LicenceTerms.defaults()));
    Future<String> second = threads.submit(() -> issue(caseId, LicenceTerms.defaults()));

    // then
    try {
      assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(second.get(30, TimeUnit.SECONDS));
    } finally {
      threads.shutdown();
    }
    List<String> actions = as("alice").get("/api/cases/" + caseId + "/audit").path("action");
    assertThat(actions).containsOnlyOnce("LICENCE_ISSUED").containsOnlyOnce("CASE_APPROVED");
  }

  @Test
  void shouldLeaveNoLicenceAndNoNotificationWhenTheIssuingTransactionRollsBack() {
    // given
    String caseId = awaitingApproval("alice");

    // when
    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          licences.issue(UUID.fromString(caseId), LicenceTerms.defaults());
                          throw new IllegalStateException("the job could not be completed");
                        }))
        .hasMessageContaining("the job could not be completed");

    // then
    as("alice").get("/api/cases/" + caseId + "/licence").then().statusCode(404);
    as("alice").get("/api/cases/" + caseId).then().body("status", equalTo("AWAITING_APPROVAL"));
    assertThat(
            QuarkusTransaction.requiringNew()
                .call(() -> notifications.ofCase(UUID.fromString(caseId))))
        .isEmpty();
  }

  @Test
  void shouldRefuseToIssueALicenceForACaseThatAwaitsNoApproval() {
    // given
    String caseId = draft("alice");

    // when / then
    assertThatThrownBy(() -> issue(caseId, LicenceTerms.defaults()))
        .isInstanceOfSatisfying(
            Rejection.Conflict.class, e -> assertThat(e.type()).isEqualTo("case-not-approvable"));
    as("alice").get("/api/cases/" + caseId + "/licence").then().statusCode(404);
  }

  @Test
  void shouldRejectAValidityThatEndsBeforeItStarts() {
    // given
    String caseId = awaitingApproval("alice");
    LicenceTerms backwards =
        new LicenceTerms(List.of(), LocalDate.of(2030, 1, 1), LocalDate.of(2029, 12, 31));

    // when / then
    assertThatThrownBy(() -> issue(caseId, backwards))
        .isInstanceOfSatisfying(
            Rejection.Invalid.class,
            e -> assertThat(e.errors()).extracting("field").containsExactly("validUntil"));
    as("alice").get("/api/cases/" + caseId).then().body("status", equalTo("AWAITING_APPROVAL"));
  }

  @Test
  void shouldServeTheLicenceAsAStablePdfShowingItsNumberAndItems() throws Exception {
    // given
    String number = Licences.issued("alice");
    String sha256 = as("alice").get("/api/licences/" + number).path("document.sha256");

    // when
    Response download = as("alice").get("/api/licences/" + number + "/document");

    // then
    download
        .then()
        .statusCode(200)
        .contentType("application/pdf")
        .header(
            "Repr-Digest",
            "sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256))
                + ":");
    byte[] pdf = download.asByteArray();
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)))
        .isEqualTo(sha256);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains("EXPORT LICENCE")
          .contains(number)
          .contains("acme-ai")
          .contains("4E091")
          .contains("Frontier model weights")
          .contains("2,500,000.50 USD")
          .contains("End user: Kumo Research KK")
          .contains("Clearance export licensing authority");
    }
    assertThat(as("max").get("/api/licences/" + number + "/document").asByteArray()).isEqualTo(pdf);
  }

  @Test
  void shouldRenderTheDocumentWhenANameUsesCharactersTheStandardFontsLack() throws Exception {
    // given
    String body =
        org.clearance.api.support.Applications.complete()
            .replace("Kumo Research KK", "Kumo Research 株式会社 Café");
    String number = issue(awaitingApproval("alice", body), LicenceTerms.defaults());

    // when
    Response download = as("alice").get("/api/licences/" + number + "/document");

    // then
    download.then().statusCode(200).contentType("application/pdf");
    try (PDDocument document = Loader.loadPDF(download.asByteArray())) {
      assertThat(new PDFTextStripper().getText(document)).contains("Kumo Research ???? Café");
    }
    as("alice")
        .get("/api/licences/" + number)
        .then()
        .body("parties.name", hasItem("Kumo Research 株式会社 Café"));
  }

  @Test
  void shouldAnswerNotFoundForAnotherOrganisationsLicence() {
    // given
    String number = Licences.issued("alice");

    // when / then
    as("bob")
        .get("/api/licences/" + number)
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("type", endsWith("/not-found"));
    as("bob").get("/api/licences/" + number + "/document").then().statusCode(404);
    as("alice").get("/api/licences/LIC-1999-000000").then().statusCode(404).contentType(PROBLEM);
  }

  @Test
  void shouldSuspendReinstateAndRevokeALicenceWithAnAuditEventForEach() {
    // given
    String number = Licences.issued("alice");

    // when
    as("max")
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"end user under investigation\"}")
        .post("/api/licences/" + number + "/suspend")
        .then()
        .statusCode(200)
        .body("status", equalTo("SUSPENDED"))
        .body("statusReason", equalTo("end user under investigation"));
    as("max")
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/licences/" + number + "/reinstate")
        .then()
        .statusCode(200)
        .body("status", equalTo("ISSUED"));
    as("max")
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"diversion confirmed\"}")
        .post("/api/licences/" + number + "/revoke")
        .then()
        .statusCode(200)
        .body("status", equalTo("REVOKED"));

    // then
    as("max")
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/licences/" + number + "/reinstate")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", endsWith("/illegal-licence-transition"));
    String caseId = as("alice").get("/api/licences/" + number).path("caseId");
    List<String> actions = as("alice").get("/api/cases/" + caseId + "/audit").path("action");
    assertThat(actions)
        .containsSubsequence(
            "LICENCE_ISSUED", "LICENCE_SUSPENDED", "LICENCE_REINSTATED", "LICENCE_REVOKED");
    // a reinstatement is not a second issue: the audit trail says LICENCE_ISSUED once
    assertThat(actions).containsOnlyOnce("LICENCE_ISSUED");
    List<String> actors = as("alice").get("/api/cases/" + caseId + "/audit").path("actor");
    assertThat(actors.get(actors.size() - 1)).isEqualTo("max");
    // and the holder's applicants read each change in words, not status codes
    List<Notification> told =
        QuarkusTransaction.requiringNew().call(() -> notifications.ofCase(UUID.fromString(caseId)));
    assertThat(told)
        .extracting(Notification::subject)
        .contains(
            "Licence " + number + " is now suspended",
            "Licence " + number + " is now in force",
            "Licence " + number + " is now revoked");
    assertThat(told)
        .extracting(Notification::body)
        .anySatisfy(
            body ->
                assertThat(body)
                    .startsWith("Licence " + number)
                    .contains(
                        "changed from in force to suspended.\n\n"
                            + "Reason: end user under investigation"))
        .anySatisfy(body -> assertThat(body).contains("changed from suspended to in force."))
        .anySatisfy(body -> assertThat(body).contains("changed from in force to revoked."))
        .noneSatisfy(body -> assertThat(body).containsAnyOf("ISSUED", "SUSPENDED", "REVOKED"));
  }

  @Test
  void shouldRequireAReasonToSuspendOrRevoke() {
    // given
    String number = Licences.issued("alice");

    // when / then
    for (String action : List.of("suspend", "revoke")) {
      as("max")
          .contentType(ContentType.JSON)
          .body("{\"reason\": \"  \"}")
          .post("/api/licences/" + number + "/" + action)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("type", endsWith("/validation-failed"))
          .body("errors[0].field", equalTo("reason"));
    }
    as("alice").get("/api/licences/" + number).then().body("status", equalTo("ISSUED"));
  }

  @Test
  void shouldShowALicencePastItsValidityAsExpiredAndRecordItOnTheExpiryRun() {
    // given
    String caseId = awaitingApproval("alice");
    String number =
        issue(
            caseId,
            new LicenceTerms(List.of(), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)));
    as("alice").get("/api/licences/" + number).then().body("status", equalTo("EXPIRED"));

    // when
    int expired = licences.expireLapsed();

    // then
    assertThat(expired).isGreaterThanOrEqualTo(1);
    as("alice")
        .get("/api/licences/" + number)
        .then()
        .body("status", equalTo("EXPIRED"))
        .body("statusReason", equalTo("validity ended on 2020-12-31"));
    as("alice")
        .get("/api/cases/" + caseId + "/audit")
        .then()
        .body("action", hasItem("LICENCE_EXPIRED"));
    as("alice")
        .get("/api/notifications?size=100")
        .then()
        .body("items.subject", hasItem("Licence " + number + " is now expired"));
    as("max")
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"too late\"}")
        .post("/api/licences/" + number + "/suspend")
        .then()
        .statusCode(409);
  }

  @Test
  void shouldTellTheApplicantsOfTheHolderOrganisationThatTheLicenceWasIssued() {
    // given
    String caseId = awaitingApproval("alice");
    String reference = as("alice").get("/api/cases/" + caseId).path("reference");

    // when
    String number = issue(caseId, LicenceTerms.defaults());

    // then
    as("alice")
        .get("/api/notifications?size=100")
        .then()
        .statusCode(200)
        .body("items.subject", hasItem("Case " + reference + " approved"))
        .body("items.body", hasItem(org.hamcrest.Matchers.containsString(number)));
    as("bob")
        .get("/api/notifications?size=100")
        .then()
        .body("items.caseReference", not(hasItem(reference)));
  }
}
