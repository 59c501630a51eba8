package org.clearance.api.screening.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.screening.service.ListImportService.ListVersion;

/** Reads list versions, their entries and the difference between two versions, for admins. */
@ApplicationScoped
public class ListVersionQueries {

  /** One listed entry as stored. */
  public record Entry(
      long id,
      String key,
      String source,
      String type,
      String name,
      String aliases,
      String weakAliases,
      String countries,
      String birthDates,
      String programs) {}

  public record Page<T>(List<T> items, int page, int size, long totalItems) {}

  /** What changed from one version to another, by entry key and content hash. */
  public record Diff(
      ListVersion from,
      ListVersion to,
      long added,
      long removed,
      long changed,
      List<Entry> addedEntries,
      List<Entry> removedEntries,
      List<Entry> changedEntries) {}

  private static final String ENTRY_COLUMNS =
      "p.id, p.entry_key, p.source, p.entry_type, p.name, p.alt_names, p.weak_alt_names,"
          + " p.countries, p.birth_dates, p.programs";

  private final AgroalDataSource dataSource;

  ListVersionQueries(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Transactional
  public List<ListVersion> versions() {
    return query(
        "SELECT * FROM cases.list_version ORDER BY id DESC", ps -> {}, ListVersionQueries::version);
  }

  @Transactional
  public ListVersion version(long id) {
    List<ListVersion> found =
        query(
            "SELECT * FROM cases.list_version WHERE id = ?",
            ps -> ps.setLong(1, id),
            ListVersionQueries::version);
    if (found.isEmpty()) {
      throw Rejection.notFound("List version " + id);
    }
    return found.get(0);
  }

  /** Entries of a version, by name; {@code search} matches name, aliases or key, any case. */
  @Transactional
  public Page<Entry> entries(long versionId, String search, int page, int size) {
    version(versionId);
    String like = search == null || search.isBlank() ? null : "%" + escape(search.strip()) + "%";
    String where =
        " FROM cases.restricted_party p WHERE p.list_version_id = ?"
            + (like == null
                ? ""
                : " AND (p.name ILIKE ? OR p.alt_names ILIKE ? OR p.entry_key ILIKE ?)");
    List<Long> total =
        query("SELECT count(*)" + where, ps -> bind(ps, versionId, like), rs -> rs.getLong(1));
    List<Entry> items =
        query(
            "SELECT " + ENTRY_COLUMNS + where + " ORDER BY p.name, p.id LIMIT ? OFFSET ?",
            ps -> {
              int next = bind(ps, versionId, like);
              ps.setInt(next, size);
              ps.setLong(next + 1, (long) page * size);
            },
            ListVersionQueries::entry);
    return new Page<>(items, page, size, total.get(0));
  }

  /** Added, removed and changed entries from {@code fromId} to {@code toId}; lists cut at limit. */
  @Transactional
  public Diff diff(long fromId, long toId, int limit) {
    ListVersion from = version(fromId);
    ListVersion to = version(toId);
    String added =
        " FROM cases.restricted_party p WHERE p.list_version_id = ? AND NOT EXISTS (SELECT 1"
            + " FROM cases.restricted_party o WHERE o.list_version_id = ? AND o.entry_key ="
            + " p.entry_key)";
    String changed =
        " FROM cases.restricted_party p JOIN cases.restricted_party o ON o.entry_key ="
            + " p.entry_key AND o.list_version_id = ? WHERE p.list_version_id = ? AND"
            + " o.content_hash <> p.content_hash";
    return new Diff(
        from,
        to,
        count("SELECT count(*)" + added, toId, fromId),
        count("SELECT count(*)" + added, fromId, toId),
        count("SELECT count(*)" + changed, fromId, toId),
        list("SELECT " + ENTRY_COLUMNS + added + " ORDER BY p.name LIMIT ?", toId, fromId, limit),
        list("SELECT " + ENTRY_COLUMNS + added + " ORDER BY p.name LIMIT ?", fromId, toId, limit),
        list(
            "SELECT " + ENTRY_COLUMNS + changed + " ORDER BY p.name LIMIT ?", fromId, toId, limit));
  }

  private long count(String sql, long a, long b) {
    return query(
            sql,
            ps -> {
              ps.setLong(1, a);
              ps.setLong(2, b);
            },
            rs -> rs.getLong(1))
        .get(0);
  }

  private List<Entry> list(String sql, long a, long b, int limit) {
    return query(
        sql,
        ps -> {
          ps.setLong(1, a);
          ps.setLong(2, b);
          ps.setInt(3, limit);
        },
        ListVersionQueries::entry);
  }

  private static int bind(PreparedStatement ps, long versionId, String like) throws SQLException {
    ps.setLong(1, versionId);
    if (like == null) {
      return 2;
    }
    ps.setString(2, like);
    ps.setString(3, like);
    ps.setString(4, like);
    return 5;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the restricted-party lists failed", e);
    }
  }

  static ListVersion version(ResultSet rs) throws SQLException {
    return new ListVersion(
        rs.getLong("id"),
        rs.getString("label"),
        rs.getString("source"),
        rs.getString("format"),
        rs.getObject("published_on", java.time.LocalDate.class),
        rs.getString("checksum"),
        rs.getInt("entry_count"),
        rs.getString("imported_by"),
        rs.getTimestamp("imported_at").toInstant());
  }

  static Entry entry(ResultSet rs) throws SQLException {
    return new Entry(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10));
  }
}
