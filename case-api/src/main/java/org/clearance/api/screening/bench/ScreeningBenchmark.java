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
 * finds. Runs in-process; needs no database.
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
    for (String a : args) {
      if (a.startsWith("--sizes=")) {
        sizes = Arrays.stream(a.substring(8).split(",")).map(Integer::parseInt).toList();
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
      run(size, queries);
    }
  }

  static void run(int size, int queryCount) throws IOException {
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
      CandidateIndex index =
          CandidateIndex.build(
              new MMapDirectory(indexDir), entries, CandidateIndex.DEFAULT_CANDIDATES);
      long buildMs = (System.nanoTime() - t1) / 1_000_000;
      long indexBytes;
      try (Stream<Path> files = Files.list(indexDir)) {
        indexBytes = files.mapToLong(p -> p.toFile().length()).sum();
      }

      List<ScreeningQuery> queries = queries(listedNames, queryCount, random);
      NameScorer scorer = new NameScorer(MatchingSettings.DEFAULTS);
      for (ScreeningQuery q : queries) {
        index.screen(q, scorer); // warm-up
      }
      long[] micros = new long[queries.size()];
      for (int i = 0; i < queries.size(); i++) {
        long s = System.nanoTime();
        index.screen(queries.get(i), scorer);
        micros[i] = (System.nanoTime() - s) / 1_000;
      }
      Arrays.sort(micros);

      // candidate recall against a full scan, on a sample (a full scan of 1M entries takes seconds)
      int sample = Math.max(10, Math.min(queries.size(), 4_000_000 / size));
      int fullHits = 0;
      int found = 0;
      double threshold = MatchingSettings.DEFAULTS.matchThreshold();
      for (int i = 0; i < Math.min(sample, queries.size()); i++) {
        ScreeningQuery q = queries.get(i);
        TokenWeights weights = new TokenWeights(index);
        Set<Long> expected = new HashSet<>();
        for (ListedEntry e : entries) {
          scorer
              .score(q, e, weights)
              .filter(h -> h.score() >= threshold)
              .ifPresent(h -> expected.add(e.id()));
        }
        Set<Long> got = new HashSet<>();
        for (Hit h : index.screen(q, scorer)) {
          if (h.score() >= threshold) {
            got.add(h.entry().id());
          }
        }
        fullHits += expected.size();
        expected.retainAll(got);
        found += expected.size();
      }
      entries.clear();
      System.gc();
      Runtime rt = Runtime.getRuntime();
      long heapMiB = (rt.totalMemory() - rt.freeMemory()) >> 20;
      System.out.printf(
          "%,9d entries: import (stream-read CSV, normalise) %,d ms; index build %,d ms; index %,d"
              + " MiB on disk (memory-mapped), heap after GC %,d MiB; per party p50 %.2f ms, p99"
              + " %.2f ms (%d parties); candidate recall %d/%d = %.3f (%d parties fully scanned)%n",
          size,
          importMs,
          buildMs,
          indexBytes >> 20,
          heapMiB,
          micros[micros.length / 2] / 1000.0,
          micros[(int) Math.ceil(micros.length * 0.99) - 1] / 1000.0,
          micros.length,
          found,
          fullHits,
          fullHits == 0 ? 1.0 : found / (double) fullHits,
          Math.min(sample, queries.size()));
      index.close();
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())
            .forEach(p -> p.toFile().delete());
      }
    }
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

  static List<String> generate(Path csv, int size, Random r) throws IOException {
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

  static List<ScreeningQuery> queries(List<String> listed, int count, Random r) {
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
