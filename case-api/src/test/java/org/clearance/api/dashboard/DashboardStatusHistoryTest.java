package org.clearance.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.Applications.complete;
import static org.clearance.api.support.Applications.draft;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.support.FakeCaseProcess;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;

/** The status history and stage times come from triggers, whatever path changes a status. */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class DashboardStatusHistoryTest {

  @Inject AgroalDataSource dataSource;

  record Row(String status, Instant enteredAt, Instant leftAt) {}

  @Test
  void shouldRecordEveryStatusOfACaseChangedThroughTheApi() {
    // given
    FakeCaseProcess.install();
    String id = draft("alice", complete());

    // when
    String submittedAt =
        as("alice")
            .post("/api/cases/" + id + "/submit")
            .then()
            .statusCode(200)
            .extract()
            .path("submittedAt");

    // then
    List<Row> history = history(UUID.fromString(id));
    assertThat(history).extracting(Row::status).containsExactly("DRAFT", "SUBMITTED");
    Instant submitted = Instant.parse(submittedAt);
    assertThat(history.get(0).leftAt()).isEqualTo(submitted);
    assertThat(history.get(1).enteredAt()).isEqualTo(submitted);
    assertThat(history.get(1).leftAt()).isNull();
  }

  @Test
  void shouldRecordAStatusChangedByPlainSqlThatForgotTheUpdateTime() {
    // given
    CaseSeed seed = new CaseSeed(dataSource);
    UUID id = seed.submitted("dash-history-org", Instant.parse("2026-01-05T10:00:00Z")).id;
    Instant before = Instant.now().minusSeconds(5);

    // when
    seed.execute("UPDATE cases.export_case SET status = 'SCREENING' WHERE id = ?", id);

    // then
    List<Row> history = history(id);
    assertThat(history).extracting(Row::status).containsExactly("DRAFT", "SUBMITTED", "SCREENING");
    assertThat(history.get(2).enteredAt()).isAfter(before);
    assertThat(history.get(1).leftAt()).isEqualTo(history.get(2).enteredAt());
  }

  @Test
  void shouldKeepStageTimesWithoutApplicantWaitingAndMarkTheStageACaseIsIn() {
    // given
    CaseSeed seed = new CaseSeed(dataSource);
    UUID id =
        seed.submitted("dash-history-org", Instant.parse("2026-02-02T09:00:00Z"))
            .then(1, CaseStatus.SCREENING)
            .then(1, CaseStatus.UNDER_REVIEW)
            .then(3, CaseStatus.AWAITING_APPLICANT)
            .then(100, CaseStatus.UNDER_REVIEW)
            .then(4, CaseStatus.AWAITING_APPROVAL)
            .id;

    // when
    seed.execute("UPDATE cases.export_case SET status = 'UNDER_REVIEW' WHERE id = ?", id);

    // then: review 3 + 4 hours, back in review now; approval finished (for now)
    Map<String, Object[]> times = stageTimes(id);
    assertThat(times.keySet()).containsExactlyInAnyOrder("SCREENING", "REVIEW", "APPROVAL");
    assertThat(times.get("SCREENING")).containsExactly(2 * 3600.0, false);
    assertThat(times.get("REVIEW")).containsExactly(7 * 3600.0, true);
    assertThat((Boolean) times.get("APPROVAL")[1]).isFalse();
  }

  @Test
  void shouldMapEveryStatusToTheStageOfTheDomain() throws SQLException {
    // given
    Map<String, String> stages = new HashMap<>();
    Map<String, Boolean> clockRuns = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT status, stage, clock_runs FROM cases.case_status_stage");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        stages.put(rows.getString(1), rows.getString(2));
        clockRuns.put(rows.getString(1), rows.getBoolean(3));
      }
    }

    // then
    assertThat(stages).hasSize(CaseStatus.values().length);
    for (CaseStatus status : CaseStatus.values()) {
      assertThat(stages.get(status.name())).as(status.name()).isEqualTo(status.stage().name());
      boolean applicantTimeOrClosed =
          status == CaseStatus.DRAFT
              || status == CaseStatus.AWAITING_APPLICANT
              || status.isTerminal();
      assertThat(clockRuns.get(status.name())).as(status.name()).isEqualTo(!applicantTimeOrClosed);
    }
    assertThat(Arrays.stream(CaseStatus.values()).map(Enum::name)).hasSize(stages.size());
  }

  private List<Row> history(UUID caseId) {
    List<Row> rows = new ArrayList<>();
    query(
        "SELECT status, entered_at, left_at FROM cases.case_status_history WHERE case_id = ?"
            + " ORDER BY id",
        caseId,
        result ->
            rows.add(
                new Row(
                    result.getString(1),
                    result.getObject(2, OffsetDateTime.class).toInstant(),
                    result.getObject(3, OffsetDateTime.class) == null
                        ? null
                        : result.getObject(3, OffsetDateTime.class).toInstant())));
    return rows;
  }

  private Map<String, Object[]> stageTimes(UUID caseId) {
    Map<String, Object[]> times = new HashMap<>();
    query(
        "SELECT stage, seconds, in_stage FROM cases.case_stage_time WHERE case_id = ?",
        caseId,
        result ->
            times.put(
                result.getString(1), new Object[] {result.getDouble(2), result.getBoolean(3)}));
    return times;
  }

  interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  private void query(String sql, UUID caseId, RowReader reader) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, caseId);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
