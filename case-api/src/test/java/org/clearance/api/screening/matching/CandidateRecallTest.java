package org.clearance.api.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.clearance.api.screening.bench.ScreeningBenchmark;
import org.clearance.api.screening.index.CandidateIndex;
import org.clearance.api.screening.lists.ListFormat;
import org.clearance.api.screening.lists.ListReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candidate step loses nothing: every entry a full scan (the scorer on every entry) reports at
 * the report threshold is among the index's hits, on a generated list whose coined words are shared
 * by many entries (the case a top-k cut got wrong) and on the shipped synthetic lists with the
 * labelled queries.
 */
class CandidateRecallTest {

  private static final NameScorer SCORER = new NameScorer(MatchingSettings.DEFAULTS);

  private static final String[] COUNTRIES = {"RU", "CN", "IR", "AE", "TR", null};

  @Test
  void shouldFindEveryFullScanHitOnAGeneratedList(@TempDir Path dir) throws IOException {
    Random random = new Random(7);
    Path csv = dir.resolve("list.csv");
    List<String> names = ScreeningBenchmark.generate(csv, 1_000, random);
    List<ListedEntry> entries = new ArrayList<>();
    try (InputStream in = Files.newInputStream(csv)) {
      ListReader.read(ListFormat.CSL_CSV, in, e -> entries.add(e.toListed(entries.size() + 1)));
    }
    List<ScreeningQuery> queries = new ArrayList<>(ScreeningBenchmark.queries(names, 100, random));
    queries.addAll(variants(names, 100, random));
    try (CandidateIndex index = CandidateIndex.build(new ByteBuffersDirectory(), entries)) {
      ScreeningBenchmark.Recall recall = ScreeningBenchmark.recall(index, entries, queries, SCORER);
      System.out.println("candidate recall, generated 1,000 entries, 200 parties: " + recall);
      recall.missed().stream().limit(20).forEach(m -> System.out.println("  missed: " + m));
      assertThat(recall.reportHits()).as("the full scan must report something").isGreaterThan(200);
      assertThat(recall.matchHits()).isGreaterThan(100);
      assertThat(recall.missed()).isEmpty();
      assertThat(recall.atReport()).isEqualTo(1.0);
      assertThat(recall.atMatch()).isEqualTo(1.0);
      assertThat(recall.topExact()).isEqualTo(recall.topQueries());
    }
  }

  @Test
  void shouldFindEveryFullScanHitOfTheLabelledQueries() throws IOException {
    List<ListedEntry> entries = SyntheticLists.entries();
    List<ScreeningQuery> queries =
        ScreeningQualityTest.labelled().stream().map(ScreeningQualityTest.Labelled::query).toList();
    try (CandidateIndex index = CandidateIndex.build(new ByteBuffersDirectory(), entries)) {
      ScreeningBenchmark.Recall recall = ScreeningBenchmark.recall(index, entries, queries, SCORER);
      System.out.println("candidate recall, synthetic lists, labelled queries: " + recall);
      assertThat(recall.reportHits()).isGreaterThan(queries.size() / 2);
      assertThat(recall.missed()).isEmpty();
    }
  }

  @Test
  void shouldNotHandEveryEntryToTheScorer(@TempDir Path dir) throws IOException {
    Random random = new Random(11);
    Path csv = dir.resolve("list.csv");
    List<String> names = ScreeningBenchmark.generate(csv, 3_000, random);
    List<ListedEntry> entries = new ArrayList<>();
    try (InputStream in = Files.newInputStream(csv)) {
      ListReader.read(ListFormat.CSL_CSV, in, e -> entries.add(e.toListed(entries.size() + 1)));
    }
    try (CandidateIndex index = CandidateIndex.build(new ByteBuffersDirectory(), entries)) {
      long total = 0;
      List<ScreeningQuery> queries = ScreeningBenchmark.queries(names, 100, random);
      for (ScreeningQuery q : queries) {
        total += index.candidates(q, MatchingSettings.DEFAULTS).size();
      }
      double mean = total / (double) queries.size();
      System.out.printf("mean candidates per party on 3,000 entries: %.1f%n", mean);
      assertThat(mean).isLessThan(entries.size() / 50.0);
    }
  }

  /**
   * A word of 15 to 17 letters aligns with one up to five edits away (a longer listed word): the
   * index reads such words through the halves of two cuts, so that a transposition across the
   * middle, with two more edits on each side, does not hide the entry.
   */
  @Test
  void shouldFindLongWordsUpToFiveEditsAway(@TempDir Path dir) throws IOException {
    Random random = new Random(23);
    String[] syllables = "ka ro vi ta shen hai zar mi lo dan pe tro gor vel an dar".split(" ");
    List<String> words = new ArrayList<>();
    StringBuilder csv =
        new StringBuilder(
            "_id,source,entity_number,type,programs,name,addresses,alt_names,citizenships,"
                + "dates_of_birth\n");
    for (int i = 0; i < 400; i++) {
      StringBuilder w = new StringBuilder();
      while (w.length() < 20) {
        w.append(syllables[random.nextInt(syllables.length)]);
      }
      String word = w.substring(0, 20);
      words.add(word);
      csv.append("l").append(i).append(",SDN,").append(i).append(",Entity,BENCH,");
      csv.append(word).append(" Vostok").append(i).append(",,,,\n");
    }
    Path file = dir.resolve("long.csv");
    Files.writeString(file, csv);
    List<ListedEntry> entries = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      ListReader.read(ListFormat.CSL_CSV, in, e -> entries.add(e.toListed(entries.size() + 1)));
    }
    List<ScreeningQuery> queries = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      String word = words.get(random.nextInt(words.size()));
      // two letters dropped on each side (20 → 16 letters), then, but for every third party, the
      // two letters at the middle swapped: three edits in each half, five in all
      String q = drop(drop(word, 12 + random.nextInt(8)), 12 + random.nextInt(6));
      q = drop(drop(q, 1 + random.nextInt(7)), 1 + random.nextInt(6));
      if (i % 3 != 0) {
        q = swap(q, q.length() / 2 - 1);
      }
      String other = "Vostok" + words.indexOf(word);
      queries.add(ScreeningQuery.of(q + " " + other, PartyType.ORGANISATION, null, null));
    }
    try (CandidateIndex index = CandidateIndex.build(new ByteBuffersDirectory(), entries)) {
      ScreeningBenchmark.Recall recall = ScreeningBenchmark.recall(index, entries, queries, SCORER);
      System.out.println("candidate recall, words of 16 letters against 20: " + recall);
      assertThat(recall.reportHits()).isGreaterThan(queries.size() / 2);
      assertThat(recall.missed()).isEmpty();
    }
  }

  private static String drop(String s, int p) {
    return s.substring(0, p) + s.substring(p + 1);
  }

  private static String swap(String s, int p) {
    return s.substring(0, p) + s.charAt(p + 1) + s.charAt(p) + s.substring(p + 2);
  }

  /**
   * Harder variants than the benchmark's: initials, a joined or split pair, a doubled or dropped
   * letter, a transposition, a legal form added, a party type and birth date given.
   */
  private static List<ScreeningQuery> variants(List<String> names, int count, Random r) {
    List<ScreeningQuery> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = names.get(r.nextInt(names.size()));
      String[] t = name.split(" ");
      String q =
          switch (i % 8) {
            case 0 -> t[0].charAt(0) + " " + String.join(" ", List.of(t).subList(1, t.length));
            case 1 -> t.length > 1 ? t[0] + t[1] + " " + rest(t, 2) : name;
            case 2 -> split(t[t.length > 1 ? 1 : 0]) + " " + t[0];
            case 3 -> insert(name, r);
            case 4 -> transpose(name, r);
            case 5 -> name + " International Trading Co";
            case 6 -> t[t.length - 1] + " " + t[0].toLowerCase(java.util.Locale.ROOT) + "a";
            default -> insert(insert(name, r), r);
          };
      PartyType type = PartyType.values()[r.nextInt(3)];
      String dob = i % 5 == 0 ? (1950 + r.nextInt(50)) + "-01-1" + r.nextInt(10) : null;
      out.add(ScreeningQuery.of(q, type, COUNTRIES[r.nextInt(COUNTRIES.length)], dob));
    }
    return out;
  }

  private static String rest(String[] t, int from) {
    return String.join(" ", List.of(t).subList(Math.min(from, t.length), t.length));
  }

  private static String split(String token) {
    int cut = Math.max(1, token.length() / 2);
    return token.substring(0, cut) + " " + token.substring(cut);
  }

  private static String insert(String s, Random r) {
    int p = 1 + r.nextInt(Math.max(1, s.length() - 1));
    return s.substring(0, p) + s.charAt(p - 1) + s.substring(p);
  }

  private static String transpose(String s, Random r) {
    int p = 1 + r.nextInt(Math.max(1, s.length() - 2));
    if (p + 1 >= s.length()) {
      return s;
    }
    return s.substring(0, p) + s.charAt(p + 1) + s.charAt(p) + s.substring(p + 2);
  }
}
