package org.clearance.api.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.screening.ScreeningLists.CSL_HEADER;
import static org.clearance.api.screening.ScreeningLists.cslRow;
import static org.clearance.api.screening.ScreeningLists.source;
import static org.clearance.api.screening.ScreeningLists.upload;
import static org.clearance.api.support.Applications.as;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.api.licences.Licences;
import org.clearance.api.screening.domain.ScreeningMatch;
import org.clearance.api.screening.service.ScreeningService;
import org.clearance.api.support.Applications;
import org.clearance.api.support.Await;
import org.clearance.api.support.FakeCaseProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Re-screening on a new list version, and the memory of false-match decisions. */
@io.quarkus.test.junit.QuarkusTest
class RescreenTest {

  private FakeCaseProcess process;

  @BeforeEach
  void fakeProcess() {
    process = FakeCaseProcess.install();
  }

  private long newMatchMessages(String caseId) {
    String reference = as("alice").get("/api/cases/" + caseId).jsonPath().getString("reference");
    return process.published.stream()
        .filter(m -> m.startsWith("clearance.screening.new-match " + reference + " "))
        .count();
  }

  private static String withParty(String name, String country) {
    return Applications.complete("CH", "3A090")
        .replaceFirst("\"Kumo Research KK\"", "\"" + name + "\"")
        .replaceFirst("\"country\": \"CH\"", "\"country\": \"" + country + "\"");
  }

  private static List<Map<String, Object>> matches(String caseId) {
    return as("leo")
        .get("/api/cases/" + caseId + "/screening-matches")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("");
  }

  private static long countNotifications(String caseId, String recipient) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        Arc.container()
                            .instance(EntityManager.class)
                            .get()
                            .createNativeQuery(
                                "SELECT count(*) FROM cases.notification WHERE case_id = ?1 AND"
                                    + " type = 'SCREENING_NEW_MATCH' AND recipient = ?2")
                            .setParameter(1, UUID.fromString(caseId))
                            .setParameter(2, recipient)
                            .getSingleResult())
                    .longValue());
  }

  private static String managerAlert(String caseId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (String)
                    Arc.container()
                        .instance(EntityManager.class)
                        .get()
                        .createNativeQuery(
                            "SELECT body FROM cases.notification WHERE case_id = ?1 AND type ="
                                + " 'SCREENING_NEW_MATCH' AND recipient = 'manager'")
                        .setParameter(1, UUID.fromString(caseId))
                        .getSingleResult());
  }

  @Test
  void shouldRaiseOnlyNewHitsOnOpenCasesAndAlertManagersForIssuedLicences() {
    // given an open case and a case with an ISSUED licence, neither matching anything yet
    String open = Licences.awaitingApproval("alice", withParty("Wrenfield Axiom Dynamics", "NZ"));
    String licensed =
        Licences.awaitingApproval("alice", withParty("Corrieburn Halcyon Optronics", "NZ"));
    Licences.issue(licensed, org.clearance.api.licences.service.LicenceTerms.defaults());
    String source = source();
    String list =
        CSL_HEADER
            + cslRow("r-1", "Entity", "Wrenfield Axiom Dynamics Ltd", "", "Zone 1, NZ")
            + cslRow("r-2", "Entity", "Corrieburn Halcyon Optronics", "", "Zone 2, NZ");

    // when a list version naming both is imported
    upload("csl-csv", source, "text/csv", list).then().statusCode(201);

    // then each case gets its new potential match, legal is told, and for the licence managers
    Await.until("open case re-screened", () -> matches(open), m -> m.size() == 1);
    Await.until("licensed case re-screened", () -> matches(licensed), m -> m.size() == 1);
    assertThat(matches(open).get(0).get("entryKey")).isEqualTo("r-1");
    assertThat(countNotifications(open, "legal")).isEqualTo(1);
    assertThat(countNotifications(open, "manager")).isZero();
    Await.until("manager alerted", () -> countNotifications(licensed, "manager"), n -> n == 1);
    assertThat(managerAlert(licensed))
        .contains("Corrieburn Halcyon Optronics")
        .endsWith(" The case's licence is in force: consider suspending it.");
    // the open case is past its (empty) adjudication: the process opens a new adjudication task;
    // the issued licence's process is over, its managers decide
    assertThat(newMatchMessages(open)).isEqualTo(1);
    assertThat(newMatchMessages(licensed)).isZero();

    // when the same entries come again in a new version
    upload("csl-csv", source, "text/csv", list + cslRow("r-3", "Entity", "Unrelated Zxq", "", ""))
        .then()
        .statusCode(201);
    // and then a version where one entry changed (a new alias)
    upload(
            "csl-csv",
            source,
            "text/csv",
            CSL_HEADER
                + cslRow("r-1", "Entity", "Wrenfield Axiom Dynamics Ltd", "WAD", "Zone 1, NZ")
                + cslRow("r-2", "Entity", "Corrieburn Halcyon Optronics", "", "Zone 2, NZ"))
        .then()
        .statusCode(201);

    // then only the changed entry is raised again, and nothing is doubled
    Await.until("changed entry raised", () -> matches(open), m -> m.size() == 2);
    assertThat(matches(licensed)).hasSize(1);
    assertThat(countNotifications(open, "legal")).isEqualTo(2);
    assertThat(newMatchMessages(open)).isEqualTo(2);
  }

  @Test
  void shouldNotRaiseARememberedFalseMatchAgainUnlessTheEntryChanged() {
    // given a listed entry, and a case whose party matches it
    String source = source();
    upload(
            "csl-csv",
            source,
            "text/csv",
            CSL_HEADER + cslRow("m-1", "Entity", "Saltmarsh Quorra Devices", "", "Zone 1, IS"))
        .then()
        .statusCode(201);
    String first = submittedWith("Saltmarsh Quorra Devices ehf", "IS");
    List<ScreeningMatch> found = screen(first);
    assertThat(found).hasSize(1);

    // when the reviewer decides it is a false match
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              EntityManager em = Arc.container().instance(EntityManager.class).get();
              ScreeningMatch m = em.find(ScreeningMatch.class, found.get(0).id());
              m.dispose(ScreeningMatch.Disposition.FALSE_MATCH, "a bakery", "leo", Instant.now());
              Arc.container().instance(ScreeningService.class).get().rememberDecisions(List.of(m));
            });

    // then a later case with the same party and country is not raised again
    assertThat(screen(submittedWith("SALTMARSH QUORRA DEVICES EHF", "IS"))).isEmpty();
    // but the same name in another country is
    assertThat(screen(submittedWith("Saltmarsh Quorra Devices ehf", "NO"))).hasSize(1);

    // and once the entry changes, it is raised again
    upload(
            "csl-csv",
            source,
            "text/csv",
            CSL_HEADER + cslRow("m-1", "Entity", "Saltmarsh Quorra Devices", "SQD", "Zone 1, IS"))
        .then()
        .statusCode(201);
    assertThat(screen(submittedWith("Saltmarsh Quorra Devices ehf", "IS"))).hasSize(1);
  }

  private static String submittedWith(String name, String country) {
    String id = Applications.draft("alice", withParty(name, country));
    as("alice").post("/api/cases/" + id + "/submit").then().statusCode(200);
    return id;
  }

  private static long jobKeys = System.nanoTime();

  private static List<ScreeningMatch> screen(String caseId) {
    ScreeningService screening = Arc.container().instance(ScreeningService.class).get();
    UUID id = UUID.fromString(caseId);
    long jobKey = ++jobKeys;
    QuarkusTransaction.requiringNew().run(() -> screening.screen(id, jobKey));
    return QuarkusTransaction.requiringNew().call(() -> screening.matchesOf(id));
  }
}
