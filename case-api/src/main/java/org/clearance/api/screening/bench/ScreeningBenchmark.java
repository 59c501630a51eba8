package org.clearance.api.screening.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.store.MMapDirectory;
import org.clearance.api.screening.index.CandidateIndex;
import org.clearance.api.screening.lists.ListFormat;
import org.clearance.api.screening.lists.ListReader;
import org.clearance.api.screening.matching.Hit;
import org.clearance.api.screening.matching.ListedEntry;
import org.clearance.api.screening.matching.MatchingSettings;
import org.clearance.api.screening.matching.NameScorer;
import org.clearance.api.screening.matching.PartyType;
import org.clearance.api.screening.matching.ScreeningQuery;
import org.clearance.api.screening.matching.TokenWeights;

/**
 * {@code ./clearance bench screening [--sizes=10000,100000,1000000] [--queries=N]}: generates a CSL
 * CSV list of each size (coined names, fictitious), imports it through the streaming reader (parse
 * + normalise), builds the Lucene candidate index on disk (memory-mapped), then screens parties
 * (listed names with a typo or reordered, and unlisted names) and prints p50/p99 per party, and the
 * candidate recall: the share of a full scan's hits (every entry scored) that the index still
 * finds. Runs in-process; needs no database, unless {@code --pg-trgm=<jdbc url>} names a PostgreSQL
 * to compare pg_trgm's candidate step with ({@link TrigramComparison}).
 */
public final class ScreeningBenchmark {

  private static final String[] SYLLABLES =
      "ka ro vi ta shen hai zar mi lo dan pe tro gor vel an dar ku mas ri on sa ve lin bor ga tek"
          .split(" ");
  private static final String[] INDUSTRY =
      "Trading Technology Electronics Systems Industries Engineering Logistics Photonics Research Optical"
          .split(" ");
  private static final String[] LEGAL = "Ltd LLC GmbH OOO AO FZE Co JSC".split(" ");
  private static final String[] GIVEN =
      "Mostafa Sergey Aleksandr Hamid Yusuf Omar Li Zhang Olga Tatiana Igor Reza Kim Viktor Leila"
          .split(" ");
  private static final String[] COUNTRIES = "RU CN IR AE HK TR BY KP VE MY SG".split(" ");

  public static void main(String[] args) throws IOException {
    List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
    int queries = 400;
    String trigram = null;
    for (String a : args) {
      if (a.startsWith("--sizes=")) {
        sizes = Arrays.stream(a.substring(8).split(",")).map(Integer::parseInt).toList();
      } else if (a.startsWith("--pg-trgm=")) {
        trigram = a.substring(10);
      } else if (a.startsWith("--queries=")) {
        queries = Integer.parseInt(a.substring(10));
      } else {
        throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    System.out.printf(
        "screening benchmark: %d cores, max heap %d MiB; the machine may be shared, figures are"
            + " noisy%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    for (int size : sizes) {
      run(size, queries, trigram);
    }
  }

  static void run(int size, int queryCount, String trigram) throws IOException {
    Random random = new Random(size);
    Path dir = Files.createTempDirectory("clearance-screening-bench");
    try {
      Path csv = dir.resolve("list.csv");
      List<String> listedNames = generate(csv, size, random);

      long t0 = System.nanoTime();
      List<ListedEntry> entries = new ArrayList<>(size);
      try (InputStream in = Files.newInputStream(csv)) {
        ListReader.read(ListFormat.CSL_CSV, in, e -> entries.add(e.toListed(entries.size() + 1)));
      }
      long importMs = (System.nanoTime() - t0) / 1_000_000;

      long t1 = System.nanoTime();
      Path indexDir = dir.resolve("index");
      CandidateIndex index = CandidateIndex.build(new MMapDirectory(indexDir), entries);
      long buildMs = (System.nanoTime() - t1) / 1_000_000;
      long indexBytes;
      try (Stream<Path> files = Files.list(indexDir)) {
        indexBytes = files.mapToLong(p -> p.toFile().length()).sum();
      }

      // each kind of request is measured on parties of its own, after a warm-up on others: the
      // index keeps the terms of recent party tokens per thread, and a measured party must not
      // find its own tokens there already. The warm-up runs every kind of request in a thread of
      // its own, so the measuring thread starts with nothing kept, and the JIT has compiled the
      // paths of all three (a running service's steady state; a first request after start-up is
      // slower)
      List<ScreeningQuery> warmUp = queries(listedNames, 2 * queryCount, random);
      List<ScreeningQuery> queries = queries(listedNames, queryCount, random);
      List<ScreeningQuery> searches = queries(listedNames, queryCount, random);
      List<ScreeningQuery> everyHit = queries(listedNames, queryCount, random);
      NameScorer scorer = new NameScorer(MatchingSettings.DEFAULTS);
      double match = scorer.settings().matchThreshold();
      warmUp(index, scorer, warmUp);
      // what a case's screening asks: the potential matches of a party
      Timing potential =
          time(
              queries,
              q -> index.screen(q, scorer, match).size(),
              q -> index.candidates(q, scorer.settings(), match).size());
      // what the ad-hoc search asks: the 50 best hits from the report threshold
      Timing top = time(searches, q -> index.top(q, scorer, 50).hits().size(), null);
      // every hit down to the report threshold
      Timing all =
          time(
              everyHit,
              q -> index.screen(q, scorer).size(),
              q -> index.candidates(q, scorer.settings()).size());

      // candidate recall against a full scan, on a sample (a full scan of 1M entries takes seconds)
      int sample = Math.min(queries.size(), Math.max(10, 4_000_000 / size));
      Recall recall = recall(index, entries, queries.subList(0, sample), scorer);
      if (trigram != null) {
        System.out.printf("%,9d entries, pg_trgm for comparison:%n", size);
        TrigramComparison.run(trigram, entries, queries, sample, index, scorer);
      }
      entries.clear();
      System.gc();
      Runtime rt = Runtime.getRuntime();
      long heapMiB = (rt.totalMemory() - rt.freeMemory()) >> 20;
      System.out.printf(
          "%,9d entries: import (stream-read CSV, normalise) %,d ms; index build %,d ms; index %,d"
              + " MiB on disk (memory-mapped), heap after GC %,d MiB; %d parties per request kind,"
              + " after a warm-up on %d others%n",
          size, importMs, buildMs, indexBytes >> 20, heapMiB, queries.size(), warmUp.size());
      System.out.printf(
          "  potential matches (>= %.2f, a case's screening): %s%n", match, potential);
      System.out.printf(
          "  search, 50 best hits (>= %.2f):               %s%n",
          scorer.settings().reportThreshold(), top);
      System.out.printf(
          "  every hit (>= %.2f):                          %s%n",
          scorer.settings().reportThreshold(), all);
      System.out.printf(
          "  candidate recall vs full scan: %s (%d parties fully scanned)%n", recall, sample);
      recall.missed().stream().limit(10).forEach(m -> System.out.println("  missed: " + m));
      System.out.printf(
          "  in the service the index lives on the heap (ByteBuffersDirectory): about %,d MiB plus"
              + " %,d KiB of per-entry bounds%n",
          indexBytes >> 20, (4L * 5 * size) >> 10);

      index.close();
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())
            .forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Latency per party of one kind of request, with the hits and candidates it handled. */
  record Timing(double p50, double p99, double hits, double candidatesPerParty, long candidates) {
    @Override
    public String toString() {
      return String.format(
          "p50 %.2f ms, p99 %.2f ms; %.1f hits%s per party",
          p50,
          p99,
          hits,
          candidatesPerParty < 0
              ? ""
              : String.format(", %.1f candidates scored", candidatesPerParty));
    }
  }

  /** Runs the three kinds of request on the warm-up parties, in a thread of its own. */
  static void warmUp(CandidateIndex index, NameScorer scorer, List<ScreeningQuery> parties) {
    double match = scorer.settings().matchThreshold();
    Thread warming =
        new Thread(
            () -> {
              for (ScreeningQuery q : parties) {
                index.screen(q, scorer, match);
                index.top(q, scorer, 50);
                index.screen(q, scorer);
              }
            },
            "screening-warm-up");
    warming.start();
    try {
      warming.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the warm-up", e);
    }
  }

  static Timing time(
      List<ScreeningQuery> queries,
      java.util.function.ToIntFunction<ScreeningQuery> request,
      java.util.function.ToIntFunction<ScreeningQuery> candidateCount) {
    long[] micros = new long[queries.size()];
    long hits = 0;
    for (int i = 0; i < queries.size(); i++) {
      long s = System.nanoTime();
      hits += request.applyAsInt(queries.get(i));
      micros[i] = (System.nanoTime() - s) / 1_000;
    }
    Arrays.sort(micros);
    long candidates = 0;
    if (candidateCount != null) {
      for (ScreeningQuery q : queries) {
        candidates += candidateCount.applyAsInt(q);
      }
    }
    return new Timing(
        micros[micros.length / 2] / 1000.0,
        micros[(int) Math.ceil(micros.length * 0.99) - 1] / 1000.0,
        hits / (double) queries.size(),
        candidateCount == null ? -1 : candidates / (double) queries.size(),
        candidates);
  }

  /**
   * What the candidate step found of a full scan's hits: at the report threshold (every hit), at
   * the match threshold (the pruned path a case's screening takes), and whether the 50 best of a
   * search are the full scan's 50 best (by score; equal scores may name other entries).
   */
  public record Recall(
      int reportHits,
      int reportFound,
      int matchHits,
      int matchFound,
      int topQueries,
      int topExact,
      List<String> missed) {
    public double atReport() {
      return reportHits == 0 ? 1.0 : reportFound / (double) reportHits;
    }

    public double atMatch() {
      return matchHits == 0 ? 1.0 : matchFound / (double) matchHits;
    }

    @Override
    public String toString() {
      return String.format(
          "%d/%d = %.4f at the report threshold, %d/%d = %.4f at the match threshold, top 50"
              + " exact for %d/%d parties",
          reportFound,
          reportHits,
          atReport(),
          matchFound,
          matchHits,
          atMatch(),
          topExact,
          topQueries);
    }
  }

  /** Scores every entry for every query (the full scan) and checks what the index returns. */
  public static Recall recall(
      CandidateIndex index,
      List<ListedEntry> entries,
      List<ScreeningQuery> queries,
      NameScorer scorer) {
    double match = scorer.settings().matchThreshold();
    int reportHits = 0;
    int reportFound = 0;
    int matchHits = 0;
    int matchFound = 0;
    int topExact = 0;
    List<String> missed = new ArrayList<>();
    for (ScreeningQuery q : queries) {
      TokenWeights weights = new TokenWeights(index);
      List<Hit> expected = new ArrayList<>();
      for (ListedEntry e : entries) {
        scorer.score(q, e, weights).ifPresent(expected::add);
      }
      Set<Long> got = ids(index.screen(q, scorer));
      Set<Long> gotPotential = ids(index.screen(q, scorer, match));
      for (Hit h : expected) {
        boolean found = got.contains(h.entry().id());
        reportHits++;
        reportFound += found ? 1 : 0;
        if (h.score() >= match) {
          matchHits++;
          boolean potential = gotPotential.contains(h.entry().id());
          matchFound += potential ? 1 : 0;
          found &= potential;
        }
        if (!found) {
          missed.add(
              "'"
                  + q.name()
                  + "' ("
                  + q.country()
                  + ") ~ '"
                  + h.matchedName().original()
                  + "' score "
                  + h.score()
                  + " "
                  + h.explanation().aligned());
        }
      }
      List<Double> bestScores =
          expected.stream()
              .map(Hit::score)
              .sorted(java.util.Comparator.reverseOrder())
              .limit(50)
              .toList();
      List<Double> topScores = index.top(q, scorer, 50).hits().stream().map(Hit::score).toList();
      if (bestScores.equals(topScores)) {
        topExact++;
      } else {
        missed.add(
            "'" + q.name() + "': top 50 " + topScores + " but the full scan's " + bestScores);
      }
    }
    return new Recall(
        reportHits, reportFound, matchHits, matchFound, queries.size(), topExact, missed);
  }

  private static Set<Long> ids(List<Hit> hits) {
    Set<Long> ids = new HashSet<>();
    for (Hit h : hits) {
      ids.add(h.entry().id());
    }
    return ids;
  }

  private static String coined(Random r) {
    int n = 2 + r.nextInt(2);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
    }
    sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
    return sb.toString();
  }

  public static List<String> generate(Path csv, int size, Random r) throws IOException {
    List<String> names = new ArrayList<>(size);
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write(
          "_id,source,entity_number,type,programs,name,addresses,alt_names,citizenships,dates_of_birth\n");
      for (int i = 0; i < size; i++) {
        boolean person = r.nextInt(10) < 3;
        String country = COUNTRIES[r.nextInt(COUNTRIES.length)];
        String name;
        String alias = "";
        if (person) {
          name = GIVEN[r.nextInt(GIVEN.length)] + " " + coined(r) + (r.nextBoolean() ? "ov" : "i");
        } else {
          name =
              coined(r)
                  + " "
                  + (r.nextBoolean() ? coined(r) + " " : "")
                  + INDUSTRY[r.nextInt(INDUSTRY.length)]
                  + " "
                  + LEGAL[r.nextInt(LEGAL.length)];
          if (r.nextInt(4) == 0) {
            alias = coined(r) + " " + INDUSTRY[r.nextInt(INDUSTRY.length)];
          }
        }
        names.add(name);
        w.write(
            "b"
                + i
                + ",SDN,"
                + i
                + ","
                + (person ? "Individual" : "Entity")
                + ",BENCH,\""
                + name
                + "\",\"Street 1, "
                + country
                + "\",\""
                + alias
                + "\","
                + (person ? country : "")
                + ","
                + (person
                    ? (1950 + r.nextInt(50)) + "-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10)
                    : "")
                + "\n");
      }
    }
    return names;
  }

  public static List<ScreeningQuery> queries(List<String> listed, int count, Random r) {
    List<ScreeningQuery> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = listed.get(r.nextInt(listed.size()));
      String q =
          switch (i % 4) {
            case 0 -> name;
            case 1 -> typo(name, r);
            case 2 -> reorder(name);
            default -> coined(r) + " " + INDUSTRY[r.nextInt(INDUSTRY.length)]; // mostly unlisted
          };
      out.add(
          ScreeningQuery.of(q, PartyType.UNKNOWN, COUNTRIES[r.nextInt(COUNTRIES.length)], null));
    }
    return out;
  }

  private static String typo(String name, Random r) {
    int p = 1 + r.nextInt(Math.max(1, name.length() - 2));
    return name.substring(0, p)
        + name.charAt(p + 1 < name.length() ? p + 1 : p)
        + name.substring(Math.min(name.length(), p + 2));
  }

  private static String reorder(String name) {
    String[] t = name.split(" ");
    List<String> l = new ArrayList<>(Arrays.asList(t));
    java.util.Collections.reverse(l);
    return String.join(" ", l);
  }
}
