package org.clearance.api.screening.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.screening.lists.ImportedEntry;
import org.clearance.api.screening.lists.ListFormat;
import org.clearance.api.screening.lists.ListFormatException;
import org.clearance.api.screening.lists.ListReader;
import org.jboss.logging.Logger;

/**
 * Imports a list file as one new list version, in one transaction: the version row, then every
 * entry in JDBC batches as the reader streams them (the file is never held whole), then the
 * checksum and count. A file the reader rejects rolls everything back and the problem names the
 * line or record. After the commit, the candidate index is rebuilt and a re-screen is started.
 */
@ApplicationScoped
public class ListImportService {

  private static final Logger LOG = Logger.getLogger(ListImportService.class);
  private static final int BATCH = 1_000;

  /** Fired after an import committed; the re-screen observes it. */
  public record ListVersionImported(long versionId, String label, String source) {}

  /** A stored list version. */
  public record ListVersion(
      long id,
      String label,
      String source,
      String format,
      LocalDate publishedOn,
      String checksum,
      int entryCount,
      String importedBy,
      Instant importedAt) {}

  private final AgroalDataSource dataSource;
  private final Clock clock;
  private final ScreeningIndex index;
  private final Event<ListVersionImported> imported;

  ListImportService(
      AgroalDataSource dataSource,
      Clock clock,
      ScreeningIndex index,
      Event<ListVersionImported> imported) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.index = index;
    this.imported = imported;
  }

  /** Imports, then (after the commit) rebuilds the index and announces the new version. */
  public ListVersion importList(
      InputStream body,
      ListFormat format,
      String source,
      LocalDate publishedOn,
      String label,
      String importedBy) {
    ListVersion version =
        QuarkusTransaction.requiringNew()
            .call(() -> store(body, format, source, publishedOn, label, importedBy));
    index.rebuild();
    imported.fire(new ListVersionImported(version.id(), version.label(), version.source()));
    return version;
  }

  private ListVersion store(
      InputStream body,
      ListFormat format,
      String source,
      LocalDate publishedOn,
      String label,
      String importedBy) {
    Instant now = clock.instant();
    String given = label != null && !label.isBlank() ? label.strip() : null;
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (Connection c = dataSource.getConnection()) {
      // by default the source and date, numbered when a source has several versions that day
      String versionLabel =
          given != null
              ? given
              : nextLabel(
                  c, source + "-" + (publishedOn != null ? publishedOn : LocalDate.now(clock)));
      if (exists(c, versionLabel)) {
        throw Rejection.conflict(
            "list-version-exists",
            "A list version with this label exists",
            "Version '" + versionLabel + "' was imported before; give the new one another label.");
      }
      long versionId = insertVersion(c, versionLabel, source, format, publishedOn, importedBy, now);
      long[] count = {0};
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO cases.restricted_party (source, name, alt_names, country_code,"
                  + " list_version, list_version_id, entry_key, entry_type, countries,"
                  + " birth_dates, weak_alt_names, previous_names, programs, content_hash)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        DigestInputStream in = new DigestInputStream(body, sha);
        ListReader.read(
            format,
            in,
            e -> {
              add(insert, e, versionLabel, versionId);
              if (++count[0] % BATCH == 0) {
                flush(insert);
              }
            });
        flush(insert);
      } catch (ListFormatException e) {
        throw Rejection.invalid(
            "list-file-invalid",
            "The list file cannot be imported",
            e.getMessage() + ". Nothing was imported.",
            List.of(new FieldError(e.where(), e.getMessage())));
      }
      if (count[0] == 0) {
        throw Rejection.invalid(
            "list-file-invalid",
            "The list file cannot be imported",
            "The file holds no entry (of a person or an organisation). Nothing was imported.",
            List.of(new FieldError("file", "holds no entry")));
      }
      String checksum = HexFormat.of().formatHex(sha.digest());
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE cases.list_version SET checksum = ?, entry_count = ? WHERE id = ?")) {
        ps.setString(1, checksum);
        ps.setInt(2, (int) count[0]);
        ps.setLong(3, versionId);
        ps.executeUpdate();
      }
      LOG.infof(
          "list version %s imported by %s: %d entries (%s, sha-256 %s)",
          versionLabel, importedBy, count[0], format, checksum);
      return new ListVersion(
          versionId,
          versionLabel,
          source,
          format.name(),
          publishedOn,
          checksum,
          (int) count[0],
          importedBy,
          now);
    } catch (SQLException e) {
      throw new IllegalStateException("the list could not be stored", e);
    } catch (UncheckedIOException e) {
      throw Rejection.invalid(
          "list-file-invalid",
          "The list file cannot be imported",
          "The upload could not be read (" + e.getCause().getMessage() + "). Nothing was imported.",
          List.of());
    }
  }

  /** The checksum of the newest version of a source, to skip a start-up file seen before. */
  @Transactional
  public String latestChecksum(String source) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT checksum FROM cases.list_version WHERE source = ? ORDER BY id DESC"
                    + " LIMIT 1")) {
      ps.setString(1, source);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String nextLabel(Connection c, String base) throws SQLException {
    if (!exists(c, base)) {
      return base;
    }
    for (int n = 2; ; n++) {
      if (!exists(c, base + "-" + n)) {
        return base + "-" + n;
      }
    }
  }

  private static boolean exists(Connection c, String label) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM cases.list_version WHERE label = ?")) {
      ps.setString(1, label);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static long insertVersion(
      Connection c,
      String label,
      String source,
      ListFormat format,
      LocalDate publishedOn,
      String importedBy,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO cases.list_version (label, source, format, published_on, checksum,"
                + " entry_count, imported_by, imported_at) VALUES (?, ?, ?, ?, '', 0, ?, ?)"
                + " RETURNING id")) {
      ps.setString(1, label);
      ps.setString(2, source);
      ps.setString(3, format.name());
      ps.setObject(4, publishedOn);
      ps.setString(5, importedBy);
      ps.setTimestamp(6, Timestamp.from(now));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void add(PreparedStatement ps, ImportedEntry e, String label, long versionId) {
    try {
      ps.setString(1, e.source());
      ps.setString(2, e.name());
      ps.setString(3, String.join("; ", e.aliases()));
      ps.setString(4, e.countries().isEmpty() ? null : e.countries().get(0));
      ps.setString(5, label);
      ps.setLong(6, versionId);
      ps.setString(7, e.key());
      ps.setString(8, e.type().name());
      ps.setString(9, String.join(";", e.countries()));
      ps.setString(10, String.join(";", e.birthDates()));
      ps.setString(11, String.join("; ", e.weakAliases()));
      ps.setString(12, String.join("; ", e.previousNames()));
      ps.setString(13, e.programs() == null ? "" : e.programs());
      ps.setString(14, e.contentHash());
      ps.addBatch();
    } catch (SQLException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static void flush(PreparedStatement ps) {
    try {
      ps.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("a batch of list entries could not be stored", e);
    }
  }
}
