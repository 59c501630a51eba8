package org.clearance.api.dashboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.clearance.api.dashboard.domain.DashboardFilter;
import org.clearance.api.dashboard.service.DashboardQueries.Sql;

/**
 * The heat map's SQL, one aggregate statement per kind of place (see ProcessPlace), run inside the
 * dashboard's read-only snapshot. Each row is {@code key, cases, overdue} for "now" and {@code key,
 * cases, [p50, p90] seconds} for the window.
 */
@ApplicationScoped
public class ProcessHeatmapQueries {

  /** Counts of one place: now (cases, overdue) or over the window (passed, percentiles). */
  public record Figures(long cases, long overdue, Double p50Hours, Double p90Hours) {}

  private static final String PERCENTILES = "percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP";

  /**
   * Open tasks per element id; overdue once the due time is reached (a stopped clock reads then).
   * Only paused cases are joined for the clock (few: those awaiting the applicant), unless a filter
   * needs the case rows anyway.
   */
  public Map<String, Figures> openTasks(
      Connection connection, DashboardFilter filter, ZoneId zone, Instant now) throws SQLException {
    Sql sql =
        new Sql(
            "SELECT t.element_id, count(*),"
                + " count(*) FILTER (WHERE t.due_at <= coalesce(p.sla_paused_at, ?))"
                + " FROM cases.review_task t"
                + " LEFT JOIN cases.export_case p ON p.id = t.case_id"
                + " AND p.sla_paused_at IS NOT NULL");
    sql.param(now);
    DashboardQueries.joinCases(sql, filter, "t.case_id");
    sql.append(" WHERE t.status = 'OPEN'");
    DashboardQueries.caseFilters(sql, filter, zone, "t.case_id");
    sql.append(" GROUP BY t.element_id");
    return counts(connection, sql);
  }

  /** Tasks completed in the window per element id: how many, and p50/p90 from creation. */
  public Map<String, Figures> completedTasks(
      Connection connection, DashboardFilter filter, ZoneId zone, Instant from, Instant to)
      throws SQLException {
    Sql sql =
        new Sql(
            "SELECT t.element_id, count(*), "
                + PERCENTILES
                + " (ORDER BY extract(epoch FROM t.completed_at - t.created_at)::float8)"
                + " FROM cases.review_task t");
    DashboardQueries.joinCases(sql, filter, "t.case_id");
    sql.append(" WHERE t.status = 'COMPLETED' AND t.completed_at >= ? AND t.completed_at < ?")
        .param(from, to);
    DashboardQueries.caseFilters(sql, filter, zone, "t.case_id");
    sql.append(" GROUP BY t.element_id");
    return percentiles(connection, sql);
  }

  /** Open requests for information per stage; overdue once their answer-by time has passed. */
  public Map<String, Figures> openRequests(
      Connection connection, DashboardFilter filter, ZoneId zone, Instant now) throws SQLException {
    Sql sql =
        new Sql(
            "SELECT r.stage, count(*), count(*) FILTER (WHERE r.answer_by <= ?)"
                + " FROM cases.information_request r");
    sql.param(now);
    DashboardQueries.joinCases(sql, filter, "r.case_id");
    sql.append(" WHERE r.status = 'OPEN'");
    DashboardQueries.caseFilters(sql, filter, zone, "r.case_id");
    sql.append(" GROUP BY r.stage");
    return counts(connection, sql);
  }

  /** Requests answered in the window per stage: how many, and p50/p90 from asking to answer. */
  public Map<String, Figures> answeredRequests(
      Connection connection, DashboardFilter filter, ZoneId zone, Instant from, Instant to)
      throws SQLException {
    Sql sql =
        new Sql(
            "SELECT r.stage, count(*), "
                + PERCENTILES
                + " (ORDER BY extract(epoch FROM r.answered_at - r.asked_at)::float8)"
                + " FROM cases.information_request r");
    DashboardQueries.joinCases(sql, filter, "r.case_id");
    sql.append(" WHERE r.status = 'ANSWERED' AND r.answered_at >= ? AND r.answered_at < ?")
        .param(from, to);
    DashboardQueries.caseFilters(sql, filter, zone, "r.case_id");
    sql.append(" GROUP BY r.stage");
    return percentiles(connection, sql);
  }

  /**
   * Cases in screening now: SUBMITTED or SCREENING with no open task (an adjudication task puts the
   * case at that task instead); overdue when the total SLA target is reached.
   */
  public Figures screeningNow(
      Connection connection, DashboardFilter filter, ZoneId zone, Instant now) throws SQLException {
    Sql sql =
        new Sql(
            "SELECT 'screening', count(*),"
                + " count(*) FILTER (WHERE c.total_due_at <= coalesce(c.sla_paused_at, ?))"
                + " FROM cases.export_case c"
                + " WHERE c.status IN ('SUBMITTED', 'SCREENING')"
                + " AND NOT EXISTS (SELECT 1 FROM cases.review_task t"
                + " WHERE t.case_id = c.id AND t.status = 'OPEN')");
    sql.param(now);
    DashboardQueries.caseFilters(sql, filter, zone, "c.id");
    return counts(connection, sql).getOrDefault("screening", new Figures(0, 0, null, null));
  }

  /**
   * The screening stage times of cases that left it in the window without a match to adjudicate
   * (with one, the stage also holds the adjudication, counted at its own task).
   */
  public Figures screeningDone(
      Connection connection, DashboardFilter filter, ZoneId zone, Instant from, Instant to)
      throws SQLException {
    Sql sql =
        new Sql(
            "SELECT 'screening', count(*), "
                + PERCENTILES
                + " (ORDER BY t.seconds) FROM cases.case_stage_time t");
    DashboardQueries.joinCases(sql, filter, "t.case_id");
    sql.append(" WHERE t.stage = 'SCREENING' AND NOT t.in_stage")
        .append(" AND t.last_left_at >= ? AND t.last_left_at < ?")
        .param(from, to)
        .append(" AND NOT EXISTS (SELECT 1 FROM cases.review_task a WHERE a.case_id = t.case_id")
        .append(" AND a.task_type = 'ADJUDICATE_MATCHES')");
    DashboardQueries.caseFilters(sql, filter, zone, "t.case_id");
    return percentiles(connection, sql).getOrDefault("screening", new Figures(0, 0, null, null));
  }

  /** Submitted cases per final status (all time: an ended case stays at its end event). */
  public Map<String, Figures> endedNow(Connection connection, DashboardFilter filter, ZoneId zone)
      throws SQLException {
    Sql sql =
        new Sql(
            "SELECT c.status, count(*), 0 FROM cases.export_case c"
                + " WHERE c.submitted_at IS NOT NULL AND c.status IN ('APPROVED', 'DENIED',"
                + " 'RETURNED_WITHOUT_ACTION', 'NO_LICENCE_REQUIRED')");
    DashboardQueries.caseFilters(sql, filter, zone, "c.id");
    sql.append(" GROUP BY c.status");
    return counts(connection, sql);
  }

  private static Map<String, Figures> counts(Connection connection, Sql sql) throws SQLException {
    Map<String, Figures> result = new HashMap<>();
    try (PreparedStatement statement = sql.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        result.put(rows.getString(1), new Figures(rows.getLong(2), rows.getLong(3), null, null));
      }
    }
    return result;
  }

  private static Map<String, Figures> percentiles(Connection connection, Sql sql)
      throws SQLException {
    Map<String, Figures> result = new HashMap<>();
    try (PreparedStatement statement = sql.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        result.put(
            rows.getString(1),
            new Figures(
                rows.getLong(2),
                0,
                DashboardQueries.hours(rows, 0),
                DashboardQueries.hours(rows, 1)));
      }
    }
    return result;
  }
}
