package org.clearance.api.sla.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.security.service.Caller;
import org.clearance.api.sla.domain.EscalationFilter;
import org.clearance.api.sla.domain.EscalationView;
import org.clearance.api.sla.domain.EscalationView.OpenTask;
import org.clearance.api.sla.domain.SlaStage;
import org.clearance.api.tasks.domain.TaskType;

/**
 * Lists the SLA escalations for managers, newest first: one statement for the page (the open tasks
 * of each escalated stage joined to the page's rows) and one for the total, in one read-only
 * snapshot so that the two agree.
 */
@ApplicationScoped
public class EscalationSearch {

  /** One page of escalations and how many match in all. */
  public record Result(List<EscalationView> items, long total) {}

  private static final String TERMINAL =
      Stream.of(CaseStatus.values())
          .filter(CaseStatus::isTerminal)
          .map(status -> "'" + status.name() + "'")
          .collect(Collectors.joining(", "));

  /** The task type of each stage ({@code p.stage}); TOTAL matches every open task of the case. */
  private static final String TASK_OF_STAGE =
      Stream.of(SlaStage.values())
          .map(
              stage ->
                  " WHEN '"
                      + stage.name()
                      + "' THEN "
                      + (taskType(stage) == null ? "t.task_type" : "'" + taskType(stage) + "'"))
          .collect(Collectors.joining("", "CASE p.stage", " END"));

  private final AgroalDataSource dataSource;
  private final Caller caller;
  private final Clock clock;

  EscalationSearch(AgroalDataSource dataSource, Caller caller, Clock clock) {
    this.dataSource = dataSource;
    this.caller = caller;
    this.clock = clock;
  }

  /** The user task that works a stage; null for TOTAL, which spans the whole case. */
  public static TaskType taskType(SlaStage stage) {
    return switch (stage) {
      case ADJUDICATION -> TaskType.ADJUDICATE_MATCHES;
      case TECHNICAL_AUDIT -> TaskType.TECHNICAL_AUDIT;
      case LEGAL_REVIEW -> TaskType.LEGAL_REVIEW;
      case APPROVAL -> TaskType.APPROVAL;
      case COUNTERSIGN -> TaskType.COUNTERSIGN;
      case TOTAL -> null;
    };
  }

  /** Escalations are the managers' work list (DOMAIN.md: managers track the SLA). */
  public void requireManager() {
    if (!caller.hasRole(Caller.MANAGER)) {
      throw Rejection.forbidden(
          "Only managers see SLA escalations; your roles are " + caller.roles() + ".");
    }
  }

  public Result search(EscalationFilter filter, int page, int size) {
    requireManager();
    Instant now = clock.instant();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        statement.execute("SET LOCAL statement_timeout = '10s'");
        long total = count(connection, filter);
        List<EscalationView> items =
            total > (long) page * size ? page(connection, filter, page, size, now) : List.of();
        connection.commit();
        return new Result(items, total);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("escalation query failed: " + e.getMessage(), e);
    }
  }

  private static long count(Connection connection, EscalationFilter filter) throws SQLException {
    List<Object> params = new ArrayList<>();
    // The case row is needed only to tell open from decided cases.
    String sql =
        "SELECT count(*) FROM cases.sla_escalation e"
            + (filter.open() != null ? " JOIN cases.export_case c ON c.id = e.case_id" : "")
            + where(filter, params);
    try (PreparedStatement statement = prepare(connection, sql, params);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<EscalationView> page(
      Connection connection, EscalationFilter filter, int page, int size, Instant now)
      throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql =
        "WITH p AS (SELECT e.id, e.case_id, c.reference, c.organisation, c.status,"
            + " c.sla_paused_at, e.stage, e.due_at, e.escalated_at"
            + " FROM cases.sla_escalation e JOIN cases.export_case c ON c.id = e.case_id"
            + where(filter, params)
            + " ORDER BY e.escalated_at DESC, e.id DESC LIMIT ? OFFSET ?)"
            + " SELECT p.id, p.case_id, p.reference, p.organisation, p.status, p.sla_paused_at,"
            + " p.stage, p.due_at, p.escalated_at,"
            + " t.id, t.task_type, t.candidate_role, t.assignee, t.due_at"
            + " FROM p LEFT JOIN cases.review_task t ON t.case_id = p.case_id"
            + " AND t.status = 'OPEN' AND t.task_type = "
            + TASK_OF_STAGE
            + " ORDER BY p.escalated_at DESC, p.id DESC, t.created_at, t.id";
    params.add(size);
    params.add((long) page * size);

    List<EscalationView> items = new ArrayList<>();
    try (PreparedStatement statement = prepare(connection, sql, params);
        ResultSet rows = statement.executeQuery()) {
      Row current = null;
      while (rows.next()) {
        long id = rows.getLong(1);
        if (current == null || current.id != id) {
          if (current != null) {
            items.add(current.view(now));
          }
          current = new Row(rows);
        }
        UUID taskId = rows.getObject(10, UUID.class);
        if (taskId != null) {
          current.openTasks.add(
              new OpenTask(
                  taskId,
                  TaskType.valueOf(rows.getString(11)),
                  rows.getString(12),
                  rows.getString(13),
                  instant(rows, 14)));
        }
      }
      if (current != null) {
        items.add(current.view(now));
      }
    }
    return items;
  }

  /** One escalation's columns, collecting the open tasks that follow it in the result. */
  private static final class Row {
    final long id;
    final UUID caseId;
    final String reference;
    final String organisation;
    final CaseStatus status;
    final Instant pausedAt;
    final String stage;
    final Instant dueAt;
    final Instant escalatedAt;
    final List<OpenTask> openTasks = new ArrayList<>();

    Row(ResultSet rows) throws SQLException {
      id = rows.getLong(1);
      caseId = rows.getObject(2, UUID.class);
      reference = rows.getString(3);
      organisation = rows.getString(4);
      status = CaseStatus.valueOf(rows.getString(5));
      pausedAt = instant(rows, 6);
      stage = rows.getString(7);
      dueAt = instant(rows, 8);
      escalatedAt = instant(rows, 9);
    }

    EscalationView view(Instant now) {
      return new EscalationView(
          id,
          caseId,
          reference,
          organisation,
          status,
          stage,
          dueAt,
          escalatedAt,
          overdueBy(now),
          List.copyOf(openTasks));
    }

    /**
     * While the stage is in progress (an open task of it, or an open case for TOTAL): how far the
     * clock reads past the due time, reading where it stopped while the clock is paused, as the
     * tasks' {@code sla} does. Never negative.
     */
    private Duration overdueBy(Instant now) {
      boolean inProgress =
          !status.isTerminal() && (!openTasks.isEmpty() || SlaStage.TOTAL.name().equals(stage));
      if (!inProgress || dueAt == null) {
        return null;
      }
      Instant reading = pausedAt != null && pausedAt.isBefore(now) ? pausedAt : now;
      Duration overdue = Duration.between(dueAt, reading);
      return overdue.isNegative() ? Duration.ZERO : overdue;
    }
  }

  /** The filters as a WHERE clause on {@code e} (sla_escalation) and {@code c} (export_case). */
  private static String where(EscalationFilter filter, List<Object> params) {
    List<String> predicates = new ArrayList<>();
    if (filter.caseId() != null) {
      predicates.add("e.case_id = ?");
      params.add(filter.caseId());
    }
    if (filter.stage() != null) {
      predicates.add("e.stage = ?");
      params.add(filter.stage().name());
    }
    if (filter.from() != null) {
      predicates.add("e.escalated_at >= ?");
      params.add(utc(filter.from()));
    }
    if (filter.before() != null) {
      predicates.add("e.escalated_at < ?");
      params.add(utc(filter.before()));
    }
    if (filter.open() != null) {
      predicates.add("c.status " + (filter.open() ? "NOT IN" : "IN") + " (" + TERMINAL + ")");
    }
    return predicates.isEmpty() ? "" : " WHERE " + String.join(" AND ", predicates);
  }

  private static PreparedStatement prepare(Connection connection, String sql, List<Object> params)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) {
      statement.setObject(i + 1, params.get(i));
    }
    return statement;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rows, int column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
