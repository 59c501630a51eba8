package org.clearance.api.licences.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IssueRequestTest {

  @Test
  void shouldReadTheCaseConditionsAndValidityFromTheJobVariables() {
    // given
    UUID caseId = UUID.randomUUID();
    Map<String, Object> variables =
        Map.of(
            "caseId", caseId.toString(),
            "licenceConditions", List.of("Report annually"),
            "licenceValidUntil", "2030-01-31T00:00:00Z");

    // when
    LicenceIssueJobWorker.IssueRequest request = LicenceIssueJobWorker.IssueRequest.of(variables);

    // then
    assertThat(request.caseId()).isEqualTo(caseId);
    assertThat(request.terms().conditions()).containsExactly("Report annually");
    assertThat(request.terms().validUntil()).isEqualTo(LocalDate.of(2030, 1, 31));
    assertThat(request.terms().validFrom()).isNull();
  }

  @Test
  void shouldRejectAJobWithoutACaseIdNamingTheVariable() {
    assertThatThrownBy(() -> LicenceIssueJobWorker.IssueRequest.of(Map.of()))
        .hasMessageContaining("caseId");
    assertThatThrownBy(() -> LicenceIssueJobWorker.IssueRequest.of(Map.of("caseId", "nope")))
        .hasMessageContaining("'nope' is not a UUID");
  }

  @Test
  void shouldRejectMalformedConditionsOrValidity() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", UUID.randomUUID().toString());
    variables.put("licenceValidUntil", "next year");
    assertThatThrownBy(() -> LicenceIssueJobWorker.IssueRequest.of(variables))
        .hasMessageContaining("licenceValidUntil 'next year'");
    variables.remove("licenceValidUntil");
    variables.put("licenceConditions", "one condition");
    assertThatThrownBy(() -> LicenceIssueJobWorker.IssueRequest.of(variables))
        .hasMessageContaining("licenceConditions must be a list");
  }
}
