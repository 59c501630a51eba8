package org.clearance.api.dashboard.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.dashboard.domain.AgeingBucket;
import org.clearance.api.dashboard.domain.CycleTimeStage;
import org.clearance.api.dashboard.domain.DashboardFilter;
import org.clearance.api.dashboard.domain.DashboardSummary.AssigneeLoad;
import org.clearance.api.dashboard.domain.DashboardSummary.BreachCount;
import org.clearance.api.dashboard.domain.DashboardSummary.Breaches;
import org.clearance.api.dashboard.domain.DashboardSummary.CycleTime;
import org.clearance.api.dashboard.domain.DashboardSummary.RoleLoad;
import org.clearance.api.dashboard.domain.DashboardSummary.Workload;

/**
 * The dashboard's SQL: one aggregate query per section, all in one read-only snapshot, so that the
 * sections agree with each other. Case filters become predicates on {@code c} (export_case).
 */
@ApplicationScoped
public class DashboardQueries {

  /** Open-case counts per status and ageing bucket, from one scan of the submitted cases. */
  public record StatusFigures(Map<CaseStatus, Long> cases, Map<CaseStatus, long[]> ageing) {}

  private static final String STAGES =
      Stream.of(CycleTimeStage.values())
          .map(stage -> "'" + stage.name() + "'")
          .collect(Collectors.joining(", "));

  private final AgroalDataSource dataSource;

  DashboardQueries(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs the sections in one REPEATABLE READ, READ ONLY transaction. */
  public <T> T inSnapshot(SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        statement.execute("SET LOCAL statement_timeout = '10s'");
        // Percentiles sort up to a year of stage times; keep those sorts in memory.
        statement.execute("SET LOCAL work_mem = '32MB'");
        // A plan for these parameters, not a generic one: after five runs on a pooled connection
        // PostgreSQL would settle on a plan that guesses a few hundred rows for any window, and
        // the decided breaches (44,000 cases in 12 weeks of the bench seed) then took a nested
        // loop of index lookups, 157 instead of 68 ms. Planning costs about a millisecond.
        statement.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("dashboard query failed: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Counts per status and, per status, per ageing bucket. {@code bucketStarts[i]} is the earliest
   * submission time of bucket i (the start of the day {@code today - maxDays(i)}), so buckets are
   * ranges of submission instants and no row needs a time-zone conversion.
   */
  public StatusFigures statusFigures(
      Connection connection, DashboardFilter filter, ZoneId zone, Instant[] bucketStarts)
      throws SQLException {
    Sql sql = new Sql("SELECT c.status, count(*)");
    AgeingBucket[] buckets = AgeingBucket.values();
    for (int i = 0; i < buckets.length; i++) {
      List<String> bounds = new ArrayList<>();
      if (i < buckets.length - 1) {
        bounds.add("c.submitted_at >= ?");
        sql.param(bucketStarts[i]);
      }
      if (i > 0) {
        bounds.add("c.submitted_at < ?");
        sql.param(bucketStarts[i - 1]);
      }
      sql.append(", count(*) FILTER (WHERE " + String.join(" AND ", bounds) + ")");
    }
    sql.append(" FROM cases.export_case c WHERE c.submitted_at IS NOT NULL");
    caseFilters(sql, filter, zone, "c.id");
    sql.append(" GROUP BY c.status");

    Map<CaseStatus, Long> cases = new EnumMap<>(CaseStatus.class);
    Map<CaseStatus, long[]> ageing = new EnumMap<>(CaseStatus.class);
    try (PreparedStatement statement = sql.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        CaseStatus status = CaseStatus.valueOf(rows.getString(1));
        cases.put(status, rows.getLong(2));
        long[] counts = new long[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
          counts[i] = rows.getLong(3 + i);
        }
        ageing.put(status, counts);
      }
    }
    return new StatusFigures(cases, ageing);
  }

  /**
   * p50 and p90 of the time each case spent in a stage, over the cases whose last exit from the
   * stage lies in the window and which are not in it now ({@code case_stage_time.in_stage}).
   */
  public Map<CycleTimeStage, CycleTime> cycleTimes(
      Connection connection,
      DashboardFilter filter,
      ZoneId zone,
      Instant windowStart,
      Instant windowEnd)
      throws SQLException {
    Sql sql =
        new Sql(
            "SELECT t.stage, count(*),"
                + " percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY t.seconds)"
                + " FROM cases.case_stage_time t");
    joinCases(sql, filter, "t.case_id");
    sql.append(" WHERE NOT t.in_stage AND t.stage IN (" + STAGES + ")");
    sql.append(" AND t.last_left_at >= ? AND t.last_left_at < ?").param(windowStart, windowEnd);
    caseFilters(sql, filter, zone, "t.case_id");
    sql.append(" GROUP BY t.stage");

    Map<CycleTimeStage, CycleTime> result = new EnumMap<>(CycleTimeStage.class);
    try (PreparedStatement statement = sql.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        CycleTimeStage stage = CycleTimeStage.valueOf(rows.getString(1));
        result.put(stage, new CycleTime(stage, rows.getLong(2), hours(rows, 0), hours(rows, 1)));
      }
    }
    return result;
  }

  /**
   * Submissions (history rows entering SUBMITTED) and decisions (TOTAL stage times, written when a
   * submitted case closes) per ISO week starting Monday in {@code zone}, for {@code weeks} weeks
   * from {@code firstWeek}. The week starts are computed here and each row finds its week with
   * width_bucket, so no row needs a time-zone conversion.
   */
  public Map<LocalDate, long[]> weeklyThroughput(
      Connection connection,
      DashboardFilter filter,
      ZoneId zone,
      LocalDate firstWeek,
      int weeks,
      Instant windowEnd)
      throws SQLException {
    Instant windowStart = firstWeek.atStartOfDay(zone).toInstant();
    Instant[] weekStarts = new Instant[weeks];
    for (int i = 0; i < weeks; i++) {
      weekStarts[i] = firstWeek.plusWeeks(i).atStartOfDay(zone).toInstant();
    }
    Sql sql = new Sql("SELECT week, sum(submitted), sum(decided) FROM (");
    sql.append("SELECT width_bucket(h.entered_at, ?::timestamptz[]) AS week,").instants(weekStarts);
    sql.append(" 1 AS submitted, 0 AS decided FROM cases.case_status_history h");
    joinCases(sql, filter, "h.case_id");
    sql.append(" WHERE h.status = 'SUBMITTED' AND h.entered_at >= ? AND h.entered_at < ?")
        .param(windowStart, windowEnd);
    caseFilters(sql, filter, zone, "h.case_id");
    sql.append(" UNION ALL SELECT width_bucket(t.last_left_at, ?::timestamptz[]), 0, 1")
        .instants(weekStarts);
    sql.append(" FROM cases.case_stage_time t");
    joinCases(sql, filter, "t.case_id");
    sql.append(" WHERE t.stage = 'TOTAL' AND NOT t.in_stage");
    sql.append(" AND t.last_left_at >= ? AND t.last_left_at < ?").param(windowStart, windowEnd);
    caseFilters(sql, filter, zone, "t.case_id");
    sql.append(") AS events GROUP BY week");

    Map<LocalDate, long[]> result = new HashMap<>();
    try (PreparedStatement statement = sql.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        // bucket i (1-based) holds the instants from weekStarts[i - 1] to the next start
        LocalDate weekStart = firstWeek.plusWeeks(rows.getInt(1) - 1L);
        result.put(weekStart, new long[] {rows.getLong(2), rows.getLong(3)});
      }
    }
    return result;
  }

  /**
   * Breaches of the total SLA target in one statement: cases decided in the window (decision time =
   * their TOTAL stage time) and cases open now, each only when the process planned its SLA. The
   * clock reads at the decision, now for open cases, or where it stopped while paused (an open
   * request for information); like SlaPlanner.state, reaching the due time is a breach.
   */
  public Breaches breaches(
      Connection connection,
      DashboardFilter filter,
      ZoneId zone,
      Instant now,
      Instant windowStart,
      Instant windowEnd)
      throws SQLException {
    Sql sql = new Sql("SELECT decided.cases, decided.breached, open.cases, open.breached FROM");
    sql.append(" (SELECT count(*) AS cases, count(*) FILTER (WHERE")
        .append(" least(coalesce(c.sla_paused_at, t.last_left_at), t.last_left_at)")
        .append(" >= c.total_due_at) AS breached")
        .append(" FROM cases.case_stage_time t JOIN cases.export_case c ON c.id = t.case_id")
        .append(" WHERE t.stage = 'TOTAL' AND NOT t.in_stage AND c.total_due_at IS NOT NULL")
        .append(" AND t.last_left_at >= ? AND t.last_left_at < ?")
        .param(windowStart, windowEnd);
    caseFilters(sql, filter, zone, "c.id");
    sql.append(") AS decided,");
    sql.append(" (SELECT count(*) AS cases, count(*) FILTER (WHERE")
        .append(" coalesce(c.sla_paused_at, ?) >= c.total_due_at) AS breached")
        .param(now)
        .append(" FROM cases.export_case c")
        .append(" WHERE c.closed_at IS NULL AND c.total_due_at IS NOT NULL");
    caseFilters(sql, filter, zone, "c.id");
    sql.append(") AS open");
    try (PreparedStatement statement = sql.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return new Breaches(
          new BreachCount(rows.getLong(1), rows.getLong(2)),
          new BreachCount(rows.getLong(3), rows.getLong(4)));
    }
  }

  /**
   * Open tasks per assignee and per candidate role (GROUPING SETS, one scan). A task is overdue
   * once its due time is reached; while its case's clock is stopped it reads when it stopped. Only
   * paused cases are joined for the clock (export_case_paused_idx), as in the heat map: joining
   * every case cost a scan of the whole case table per request.
   */
  public Workload workload(Connection connection, DashboardFilter filter, ZoneId zone, Instant now)
      throws SQLException {
    Sql sql =
        new Sql(
            "SELECT t.assignee, t.candidate_role, GROUPING(t.assignee), count(*),"
                + " count(*) FILTER (WHERE t.assignee IS NULL),"
                + " count(*) FILTER (WHERE t.due_at <= coalesce(p.sla_paused_at, ?))"
                + " FROM cases.review_task t"
                + " LEFT JOIN cases.export_case p ON p.id = t.case_id"
                + " AND p.sla_paused_at IS NOT NULL");
    sql.param(now);
    joinCases(sql, filter, "t.case_id");
    sql.append(" WHERE t.status = 'OPEN'");
    caseFilters(sql, filter, zone, "t.case_id");
    sql.append(" GROUP BY GROUPING SETS ((t.assignee), (t.candidate_role))");
    sql.append(" ORDER BY 1, 2");
    List<AssigneeLoad> byAssignee = new ArrayList<>();
    List<RoleLoad> byRole = new ArrayList<>();
    try (PreparedStatement statement = sql.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        boolean perRole = rows.getInt(3) == 1;
        if (perRole) {
          byRole.add(
              new RoleLoad(rows.getString(2), rows.getLong(4), rows.getLong(5), rows.getLong(6)));
        } else if (rows.getString(1) != null) {
          // the null assignee group is the unassigned tasks, counted per role above
          byAssignee.add(new AssigneeLoad(rows.getString(1), rows.getLong(4), rows.getLong(6)));
        }
      }
    }
    return new Workload(byAssignee, byRole);
  }

  /** Joins the case rows as {@code c} only for filters on their own columns. */
  static void joinCases(Sql sql, DashboardFilter filter, String caseId) {
    if (filter.organisation() != null || filter.from() != null || filter.to() != null) {
      sql.append(" JOIN cases.export_case c ON c.id = " + caseId);
    }
  }

  /**
   * The case filters as predicates: organisation and submission dates on {@code c} (see {@link
   * #joinCases}), destination and classification on the rows of {@code caseId}.
   */
  static void caseFilters(Sql sql, DashboardFilter filter, ZoneId zone, String caseId) {
    if (filter.organisation() != null) {
      sql.append(" AND c.organisation = ?").param(filter.organisation());
    }
    if (filter.destination() != null) {
      sql.append(
              " AND EXISTS (SELECT 1 FROM cases.case_destination d"
                  + " WHERE d.case_id = "
                  + caseId
                  + " AND d.country_code = ?)")
          .param(filter.destination());
    }
    if (filter.classification() != null) {
      // An ECCN matches itself and its sub-paragraphs, as in the case search.
      sql.append(
              " AND EXISTS (SELECT 1 FROM cases.case_item i"
                  + " WHERE i.case_id = "
                  + caseId
                  + " AND (i.eccn = ? OR i.eccn LIKE ?))")
          .param(filter.classification(), filter.classification() + ".%");
    }
    if (filter.from() != null) {
      sql.append(" AND c.submitted_at >= ?").param(filter.from().atStartOfDay(zone).toInstant());
    }
    if (filter.to() != null) {
      sql.append(" AND c.submitted_at < ?")
          .param(filter.to().plusDays(1).atStartOfDay(zone).toInstant());
    }
  }

  /** The {@code index}th percentile of column 3 (an array of seconds), in hours to 0.01. */
  static Double hours(ResultSet rows, int index) throws SQLException {
    java.sql.Array percentiles = rows.getArray(3);
    if (percentiles == null) {
      return null;
    }
    Double seconds = ((Double[]) percentiles.getArray())[index];
    return seconds == null ? null : Math.round(seconds / 36.0) / 100.0;
  }

  /** SQL text with its positional parameters, appended in step. */
  static final class Sql {
    private final StringBuilder text;
    private final List<Object> params = new ArrayList<>();

    Sql(String start) {
      text = new StringBuilder(start);
    }

    Sql append(String part) {
      text.append(part);
      return this;
    }

    Sql param(Object... values) {
      for (Object value : values) {
        params.add(
            value instanceof Instant instant
                ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
                : value);
      }
      return this;
    }

    /** One {@code timestamptz[]} parameter. */
    Sql instants(Instant[] values) {
      params.add(values);
      return this;
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
      PreparedStatement statement = connection.prepareStatement(text.toString());
      for (int i = 0; i < params.size(); i++) {
        if (params.get(i) instanceof Instant[] instants) {
          Object[] texts = Stream.of(instants).map(Instant::toString).toArray();
          statement.setArray(i + 1, connection.createArrayOf("timestamptz", texts));
        } else {
          statement.setObject(i + 1, params.get(i));
        }
      }
      return statement;
    }
  }
}
