package org.clearance.api.screening.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clearance.api.screening.index.CandidateIndex;
import org.clearance.api.screening.matching.Hit;
import org.clearance.api.screening.matching.ListedEntry;
import org.clearance.api.screening.matching.NameScorer;
import org.clearance.api.screening.matching.ScreeningQuery;
import org.clearance.api.screening.matching.TokenWeights;
import org.postgresql.PGConnection;

/**
 * The other candidate step the issue allows, measured on the same generated list: PostgreSQL's
 * pg_trgm with a GIN index over every normalised name of every entry, queried two ways ({@code name
 * % party}: whole-string trigram similarity ≥ 0.3, and {@code party <% name}: word similarity ≥
 * 0.6, both pg_trgm's defaults). Prints load and index build times, the index size, p50/p99 of the
 * candidate query alone (no scoring) and its candidate recall against the same full scan the Lucene
 * step is held to. Needs a PostgreSQL with the pg_trgm extension; works in a table of its own
 * ({@code screening_trgm_bench}, unlogged, dropped at the end).
 */
final class TrigramComparison {

  private static final String TABLE = "screening_trgm_bench";

  private TrigramComparison() {}

  static void run(
      String jdbcUrl,
      List<ListedEntry> entries,
      List<ScreeningQuery> queries,
      int recallSample,
      CandidateIndex index,
      NameScorer scorer)
      throws IOException {
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
        s.execute("DROP TABLE IF EXISTS " + TABLE);
        s.execute("CREATE UNLOGGED TABLE " + TABLE + " (entry_id bigint NOT NULL, name text)");
      }
      long t0 = System.nanoTime();
      StringBuilder rows = new StringBuilder();
      long names = 0;
      for (ListedEntry e : entries) {
        for (ListedEntry.ListedName n : e.names()) {
          rows.append(e.id()).append('\t').append(n.normalised().text()).append('\n');
          names++;
        }
        if (rows.length() > 8_000_000) {
          copy(c, rows);
        }
      }
      copy(c, rows);
      long loadMs = (System.nanoTime() - t0) / 1_000_000;
      long t1 = System.nanoTime();
      long indexBytes;
      try (Statement s = c.createStatement()) {
        s.execute("CREATE INDEX " + TABLE + "_gin ON " + TABLE + " USING gin (name gin_trgm_ops)");
        s.execute("ANALYZE " + TABLE);
        try (ResultSet rs = s.executeQuery("SELECT pg_relation_size('" + TABLE + "_gin')")) {
          rs.next();
          indexBytes = rs.getLong(1);
        }
      }
      long buildMs = (System.nanoTime() - t1) / 1_000_000;
      System.out.printf(
          "  pg_trgm: %,d names copied in %,d ms; GIN index built in %,d ms, %,d MiB%n",
          names, loadMs, buildMs, indexBytes >> 20);
      for (String[] variant :
          new String[][] {
            {
              "similarity, name % party",
              "SELECT DISTINCT entry_id FROM " + TABLE + " WHERE name % ?"
            },
            {
              "word similarity, party <% name",
              "SELECT DISTINCT entry_id FROM " + TABLE + " WHERE ? <% name"
            }
          }) {
        measure(c, variant[0], variant[1], queries, recallSample, index, entries, scorer);
      }
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE " + TABLE);
      }
    } catch (SQLException e) {
      throw new IOException("pg_trgm comparison failed: " + e.getMessage(), e);
    }
  }

  private static void copy(Connection c, StringBuilder rows) throws SQLException, IOException {
    if (rows.isEmpty()) {
      return;
    }
    c.unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn(
            "COPY " + TABLE + " (entry_id, name) FROM STDIN", new StringReader(rows.toString()));
    rows.setLength(0);
  }

  private static void measure(
      Connection c,
      String label,
      String sql,
      List<ScreeningQuery> queries,
      int recallSample,
      CandidateIndex index,
      List<ListedEntry> entries,
      NameScorer scorer)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (ScreeningQuery q : queries) {
        ids(ps, q); // warm-up
      }
      long[] micros = new long[queries.size()];
      long candidates = 0;
      for (int i = 0; i < queries.size(); i++) {
        long s = System.nanoTime();
        candidates += ids(ps, queries.get(i)).size();
        micros[i] = (System.nanoTime() - s) / 1_000;
      }
      Arrays.sort(micros);
      int hits = 0;
      int found = 0;
      for (ScreeningQuery q : queries.subList(0, Math.min(recallSample, queries.size()))) {
        Set<Long> got = ids(ps, q);
        TokenWeights weights = new TokenWeights(index);
        for (ListedEntry e : entries) {
          java.util.Optional<Hit> hit = scorer.score(q, e, weights);
          if (hit.isPresent()) {
            hits++;
            found += got.contains(e.id()) ? 1 : 0;
          }
        }
      }
      System.out.printf(
          "  pg_trgm %s: candidate query p50 %.2f ms, p99 %.2f ms, %.0f candidates per party on"
              + " average; candidate recall vs full scan %d/%d = %.4f (report threshold)%n",
          label,
          micros[micros.length / 2] / 1000.0,
          micros[(int) Math.ceil(micros.length * 0.99) - 1] / 1000.0,
          candidates / (double) queries.size(),
          found,
          hits,
          hits == 0 ? 1.0 : found / (double) hits);
    }
  }

  private static Set<Long> ids(PreparedStatement ps, ScreeningQuery q) throws SQLException {
    ps.setString(1, q.normalised().text());
    Set<Long> ids = new HashSet<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }
}
