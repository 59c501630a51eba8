package org.clearance.api.screening.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.clearance.api.screening.index.CandidateIndex;
import org.clearance.api.screening.matching.ListedEntry;
import org.clearance.api.screening.matching.NameKind;
import org.clearance.api.screening.matching.PartyType;
import org.jboss.logging.Logger;

/**
 * The candidate index of the lists in force (the latest version of each source), built from {@code
 * restricted_party} with one streamed JDBC read (nothing goes through JPA) on first use and again
 * after every import; searches keep the index they started with.
 */
@ApplicationScoped
public class ScreeningIndex {

  private static final Logger LOG = Logger.getLogger(ScreeningIndex.class);

  static final String IN_FORCE =
      "SELECT p.id, p.entry_key, p.entry_type, p.name, p.alt_names, p.weak_alt_names,"
          + " p.previous_names, p.countries, p.birth_dates FROM cases.restricted_party p"
          + " WHERE p.list_version_id IN (SELECT max(id) FROM cases.list_version GROUP BY source)";

  private final AgroalDataSource dataSource;
  private final AtomicReference<CandidateIndex> current = new AtomicReference<>();

  ScreeningIndex(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public CandidateIndex get() {
    CandidateIndex index = current.get();
    if (index == null) {
      synchronized (this) {
        index = current.get();
        if (index == null) {
          index = build();
          current.set(index);
        }
      }
    }
    return index;
  }

  /** Rebuilds from the database (after an import committed) and swaps the index in. */
  public synchronized void rebuild() {
    CandidateIndex old = current.getAndSet(build());
    // searches still running on the old reader finish first; Lucene readers are ref-counted only
    // when asked, so the old index is left to the garbage collector rather than closed under them
    if (old != null) {
      LOG.debugf("screening index replaced (%d entries before)", old.size());
    }
  }

  private CandidateIndex build() {
    // a transaction of its own (the caller's may hold a case lock): the read streams in batches
    // of the fetch size only inside a transaction, and it sees the committed lists
    return QuarkusTransaction.requiringNew().call(this::read);
  }

  private CandidateIndex read() {
    long started = System.nanoTime();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(IN_FORCE)) {
      ps.setFetchSize(2_000);
      try (ResultSet rs = ps.executeQuery()) {
        CandidateIndex index = CandidateIndex.build(new ByteBuffersDirectory(), () -> rows(rs));
        LOG.infof(
            "screening index built: %d entries in %d ms",
            index.size(), (System.nanoTime() - started) / 1_000_000);
        return index;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the restricted-party lists", e);
    }
  }

  private static Iterator<ListedEntry> rows(ResultSet rs) {
    return new Iterator<>() {
      Boolean ahead;

      @Override
      public boolean hasNext() {
        if (ahead == null) {
          try {
            ahead = rs.next();
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }
        return ahead;
      }

      @Override
      public ListedEntry next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ahead = null;
        try {
          return entry(rs);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  static ListedEntry entry(ResultSet rs) throws SQLException {
    List<ListedEntry.ListedName> names = new ArrayList<>();
    names.add(ListedEntry.ListedName.of(rs.getString("name"), NameKind.PRIMARY));
    split(rs.getString("alt_names"))
        .forEach(n -> names.add(ListedEntry.ListedName.of(n, NameKind.ALIAS)));
    split(rs.getString("previous_names"))
        .forEach(n -> names.add(ListedEntry.ListedName.of(n, NameKind.PREVIOUS)));
    split(rs.getString("weak_alt_names"))
        .forEach(n -> names.add(ListedEntry.ListedName.of(n, NameKind.WEAK_ALIAS)));
    return new ListedEntry(
        rs.getLong("id"),
        rs.getString("entry_key"),
        PartyType.parse(rs.getString("entry_type")),
        names,
        new HashSet<>(split(rs.getString("countries"))),
        split(rs.getString("birth_dates")));
  }

  /** The stored lists are ';'-separated, as the CSL's alt_names. */
  static List<String> split(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
