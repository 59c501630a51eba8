package org.clearance.api.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearance.api.cases.domain.CaseStatus;

/**
 * Writes cases straight into the tables with chosen timestamps, so that a dashboard test knows
 * every duration exactly. Status changes go through plain UPDATEs: the status triggers record the
 * history, as they do for the application.
 */
final class CaseSeed {

  private final DataSource dataSource;

  CaseSeed(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A case of {@code organisation}, submitted at {@code at}, to one destination with one item. */
  Walk submitted(String organisation, Instant at) {
    return submitted(organisation, at, List.of("JP"), List.of("4E091"));
  }

  Walk submitted(String organisation, Instant at, List<String> destinations, List<String> eccns) {
    UUID id = draft(organisation, at.minus(Duration.ofDays(1)), destinations, eccns);
    Walk walk = new Walk(id, at);
    walk.move(CaseStatus.SUBMITTED, at);
    return walk;
  }

  UUID draft(String organisation, Instant at, List<String> destinations, List<String> eccns) {
    UUID id = UUID.randomUUID();
    execute(
        "INSERT INTO cases.export_case (id, reference, status, organisation, created_by,"
            + " created_at, updated_at) VALUES (?, ?, 'DRAFT', ?, 'seed', ?, ?)",
        id,
        "DT-" + id.toString().substring(0, 23),
        organisation,
        utc(at),
        utc(at));
    for (int i = 0; i < destinations.size(); i++) {
      execute(
          "INSERT INTO cases.case_destination (case_id, position, country_code) VALUES (?, ?, ?)",
          id,
          i,
          destinations.get(i));
    }
    for (int i = 0; i < eccns.size(); i++) {
      execute(
          "INSERT INTO cases.case_item (case_id, position, kind, eccn) VALUES (?, ?, 'HARDWARE', ?)",
          id,
          i,
          eccns.get(i));
    }
    return id;
  }

  /** The SLA the process planned for the case: its total target and, if stopped, since when. */
  void sla(UUID caseId, Instant totalDueAt, Instant pausedAt) {
    execute(
        "UPDATE cases.export_case SET total_due_at = ?, sla_paused_at = ? WHERE id = ?",
        utc(totalDueAt),
        pausedAt == null ? null : utc(pausedAt),
        caseId);
  }

  /** The element id of seeded tasks, so that a test can remove them again. */
  static final String SEEDED_TASK = "Task_DashboardSeed";

  /** A user task of the case as the process mirrors it; {@code assignee} null = unclaimed. */
  void task(UUID caseId, String type, String role, String assignee, String status, Instant due) {
    long key = JOB_KEYS.incrementAndGet();
    execute(
        "INSERT INTO cases.review_task (id, case_id, job_key, process_instance_key, element_id,"
            + " task_type, candidate_role, assignee, status, due_at, created_at)"
            + " VALUES (?, ?, ?, ?, '"
            + SEEDED_TASK
            + "', ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID(),
        caseId,
        key,
        key,
        type,
        role,
        assignee,
        status,
        utc(due),
        utc(due.minus(Duration.ofDays(20))));
  }

  private static final java.util.concurrent.atomic.AtomicLong JOB_KEYS =
      new java.util.concurrent.atomic.AtomicLong(
          9_100_000_000_000L + System.nanoTime() % 1_000_000);

  /** A case moving along its path; {@link #then} says how long it stays before moving on. */
  final class Walk {
    final UUID id;
    private Instant at;

    private Walk(UUID id, Instant at) {
      this.id = id;
      this.at = at;
    }

    /** Stays {@code hours} in the current status, then moves to {@code next}. */
    Walk then(double hours, CaseStatus next) {
      at = at.plus(Duration.ofSeconds(Math.round(hours * 3600)));
      move(next, at);
      return this;
    }

    private void move(CaseStatus status, Instant when) {
      execute(
          "UPDATE cases.export_case SET status = ?, updated_at = ?,"
              + " submitted_at = CASE WHEN ? THEN ? ELSE submitted_at END,"
              + " closed_at = CASE WHEN ? THEN ? ELSE closed_at END WHERE id = ?",
          status.name(),
          utc(when),
          status == CaseStatus.SUBMITTED,
          utc(when),
          status.isTerminal(),
          utc(when),
          id);
    }
  }

  void execute(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
