package org.clearance.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class DashboardCsvTest {

  /** Commas and quotes, which RFC 4180 must quote; no other test uses this organisation. */
  static final String ORGANISATION = "Acme, \"Quoted\" Ltd";

  static boolean seeded;

  @Inject AgroalDataSource dataSource;

  @BeforeEach
  void seed() {
    if (!seeded) {
      seeded = true;
      new CaseSeed(dataSource).submitted(ORGANISATION, Instant.now().minus(Duration.ofDays(4)));
    }
  }

  @Test
  void shouldExportTheFiguresAsOneRfc4180TableWithQuotedFields() {
    // when
    String csv =
        as("max")
            .queryParam("organisation", ORGANISATION)
            .queryParam("weeks", 2)
            .when()
            .get("/api/dashboard/summary.csv")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .header(
                "Content-Disposition",
                matchesPattern(
                    "attachment; filename=\"clearance-dashboard-\\d{4}-\\d{2}-\\d{2}\\.csv\""))
            .extract()
            .asString();

    // then
    assertThat(csv).endsWith("\r\n");
    assertThat(csv.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    List<String> lines = Arrays.asList(csv.split("\r\n"));
    // header, 6 filters, 2 window bounds, 11 statuses, 4 stages, 6 ageing rows,
    // 4 stages x 3 cycle-time measures, 2 weeks x 2 throughput measures, 2 x 3 breach figures;
    // no workload rows (no tasks)
    assertThat(lines).hasSize(1 + 6 + 2 + 11 + 4 + 6 + 12 + 4 + 6);
    assertThat(lines.get(0)).isEqualTo("section,key,measure,value");
    assertThat(lines)
        .contains(
            "filter,organisation,value,\"Acme, \"\"Quoted\"\" Ltd\"",
            "filter,destination,value,",
            "filter,weeks,value,2",
            "status,SUBMITTED,cases,1",
            "status,APPROVED,cases,0",
            "stage,SCREENING,cases,1",
            "ageing,all,open_cases,1",
            "ageing,0-9,open_cases,1",
            "ageing,90+,open_cases,0",
            "cycle_time,REVIEW,cases,0",
            "cycle_time,REVIEW,p50_hours,");
    assertThat(lines.stream().filter(line -> line.startsWith("throughput,"))).hasSize(4);
    assertThat(lines.stream().skip(1))
        .allSatisfy(line -> assertThat(line).matches("[a-z_]+,[^,]*,[a-z0-9_]+,.*"));
  }

  @Test
  void shouldAnswerCsvOnTheSummaryWhenTheClientAsksForIt() {
    as("max")
        .accept("text/csv")
        .queryParam("organisation", ORGANISATION)
        .when()
        .get("/api/dashboard/summary")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"))
        .header("Content-Disposition", startsWith("attachment;"))
        .body(startsWith("section,key,measure,value\r\n"));
  }

  @Test
  void shouldAnswerJsonWhenTheClientAcceptsAnything() {
    as("max")
        .accept("*/*")
        .queryParam("organisation", ORGANISATION)
        .when()
        .get("/api/dashboard/summary")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .body("filters.organisation", equalTo(ORGANISATION))
        .body("casesByStatus.SUBMITTED", equalTo(1));
  }
}
