package org.clearance.api.notifications.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.licences.domain.LicenceStatus;
import org.clearance.api.security.service.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusWordsTest {

  @ParameterizedTest(name = "{0} reads \"{1}\"")
  @CsvSource({
    "APPROVED, approved",
    "DENIED, denied",
    "WITHDRAWN, withdrawn",
    "RETURNED_WITHOUT_ACTION, returned without action",
    "NO_LICENCE_REQUIRED, 'closed: no licence required'",
    "UNDER_REVIEW, under review"
  })
  void shouldNameACaseStatusInWords(CaseStatus status, String words) {
    assertThat(StatusWords.of(status)).isEqualTo(words);
    assertThat(StatusWords.caseStatus(status.name())).isEqualTo(words);
  }

  @ParameterizedTest(name = "{0} reads \"{1}\"")
  @CsvSource({
    "ISSUED, in force",
    "SUSPENDED, suspended",
    "REVOKED, revoked",
    "EXPIRED, expired",
    "EXHAUSTED, used up"
  })
  void shouldNameALicenceStatusInWords(LicenceStatus status, String words) {
    assertThat(StatusWords.of(status)).isEqualTo(words);
    assertThat(StatusWords.licenceStatus(status.name())).isEqualTo(words);
  }

  @ParameterizedTest(name = "{0} reads \"{1}\"")
  @CsvSource({
    "legal, legal reviewers",
    "auditor, technical auditors",
    "approver, approvers",
    "manager, managers",
    "applicant, applicants",
    "admin, administrators"
  })
  void shouldNameTheHoldersOfARole(String role, String words) {
    assertThat(StatusWords.ofRole(role)).isEqualTo(words);
  }

  @Test
  void shouldGiveEveryCaseStatusWordsOfItsOwn() {
    Set<String> seen = new HashSet<>();
    for (CaseStatus status : CaseStatus.values()) {
      String words = StatusWords.of(status);
      assertThat(words).as("words of %s", status).satisfies(StatusWordsTest::isPlainWords);
      assertThat(seen.add(words)).as("%s reads like another status: %s", status, words).isTrue();
    }
  }

  @Test
  void shouldGiveEveryLicenceStatusWordsOfItsOwn() {
    Set<String> seen = new HashSet<>();
    for (LicenceStatus status : LicenceStatus.values()) {
      String words = StatusWords.of(status);
      assertThat(words).as("words of %s", status).satisfies(StatusWordsTest::isPlainWords);
      assertThat(seen.add(words)).as("%s reads like another status: %s", status, words).isTrue();
    }
  }

  @Test
  void shouldGiveEveryClearanceRoleWordsOfItsOwn() {
    Set<String> seen = new HashSet<>();
    for (String role : Caller.ROLES) {
      String words = StatusWords.ofRole(role);
      assertThat(words)
          .as("words of the role %s", role)
          .isNotEqualTo(role)
          .doesNotContain("role")
          .satisfies(StatusWordsTest::isPlainWords);
      assertThat(seen.add(words)).as("%s reads like another role: %s", role, words).isTrue();
    }
  }

  @Test
  void shouldNameARoleItDoesNotKnowAsARole() {
    assertThat(StatusWords.ofRole("export-officer")).isEqualTo("the export-officer role");
  }

  @Test
  void shouldRejectACodeThatIsNoStatusNamingTheKnownOnes() {
    assertThatThrownBy(() -> StatusWords.caseStatus("APPROVE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'APPROVE' is no case status")
        .hasMessageContaining("APPROVED");
    assertThatThrownBy(() -> StatusWords.licenceStatus("issued"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'issued' is no licence status")
        .hasMessageContaining("ISSUED");
    assertThatThrownBy(() -> StatusWords.licenceStatus(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StatusWords.ofRole(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  // Lower case (they sit mid-sentence), no code left in them: no underscore, no capitals.
  private static void isPlainWords(String words) {
    assertThat(words).isNotBlank().doesNotContain("_").isEqualTo(words.toLowerCase(Locale.ROOT));
  }
}
