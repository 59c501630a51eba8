package org.clearance.api.workflow.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.items.domain.CaseItem;
import org.clearance.api.items.domain.ItemKind;
import org.clearance.api.sla.domain.SlaStage;
import org.clearance.api.sla.service.SlaPlan;
import org.junit.jupiter.api.Test;

/** The engine side of CaseProcessService that does not need a running engine. */
class CaseProcessServiceTest {

  @Test
  void shouldPassTheRoutingFactsOfACaseAsProcessVariables() {
    ExportCase exportCase = caseWithItems("4E091", "3A090.a", "4E091");

    var variables = CaseProcessService.variables(exportCase);

    assertThat(variables)
        .containsEntry("caseId", exportCase.id().toString())
        .containsEntry("caseReference", "EL-2026-000042")
        .containsEntry("organisation", "acme-ai")
        .containsEntry("destinations", List.of("JP", "DE"))
        .containsEntry("classifications", List.of("4E091", "3A090.a"));
  }

  @Test
  void shouldPassTheRoutingFactsAndTheSlaPlanAsProcessVariables() {
    // given
    ExportCase exportCase = caseWithItems("4E091");
    exportCase.moveTo(CaseStatus.SUBMITTED, Instant.parse("2026-11-27T10:00:00Z"));
    exportCase.recordRoutingFacts("4E091", "A:1");
    Map<SlaStage, Instant> due = new EnumMap<>(SlaStage.class);
    for (SlaStage stage : SlaStage.values()) {
      due.put(stage, Instant.parse("2026-12-01T10:00:00Z").plusSeconds(stage.ordinal()));
    }
    exportCase.planSla(new SlaPlan(due, "PT240H"));

    // when
    var variables = CaseProcessService.variables(exportCase);

    // then
    assertThat(variables)
        .containsEntry("caseReference", "EL-2026-000042")
        .containsEntry("classification", "4E091")
        .containsEntry("countryGroup", "A:1")
        .containsEntry("applicationDate", "2026-11-27")
        .containsEntry("confirmedMatch", false)
        .containsEntry("highRiskFlag", false)
        .containsEntry("adjudicationDueAt", "2026-12-01T10:00:00Z")
        .containsEntry("auditDueAt", "2026-12-01T10:00:01Z")
        .containsEntry("totalDueAt", "2026-12-01T10:00:05Z")
        .containsEntry("rfiTimeout", "PT240H");
  }

  @Test
  void shouldReportAnUnreachableEngineAsUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (CamundaClient client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://localhost:" + closedPort))
            .preferRestOverGrpc(false)
            .defaultRequestTimeout(Duration.ofSeconds(5))
            .build()) {
      CaseProcessService service = new CaseProcessService(client);

      assertThatThrownBy(() -> service.startProcess(caseWithItems("4E091")))
          .isInstanceOf(WorkflowUnavailableException.class)
          .hasMessageStartingWith("The workflow engine did not start the review process");
    }
  }

  private static ExportCase caseWithItems(String... eccns) {
    ExportCase exportCase = ExportCase.draft("EL-2026-000042", "acme-ai", "alice", Instant.now());
    exportCase.replaceDestinations(List.of("JP", "DE"));
    exportCase.replaceItems(
        java.util.Arrays.stream(eccns)
            .map(
                eccn ->
                    new CaseItem.Content(
                        ItemKind.AI_MODEL,
                        "weights",
                        eccn,
                        BigDecimal.ONE,
                        "model",
                        BigDecimal.TEN,
                        "USD",
                        null,
                        null,
                        null,
                        null))
            .toList());
    return exportCase;
  }
}
