package org.clearance.api.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clearance.api.screening.index.CandidateIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labelled quality bar: several hundred queries we wrote ourselves against our synthetic lists
 * (see make_synthetic_lists.py), screened through the candidate index and the scorer at the default
 * threshold. Prints recall per category and the false-alert rate per hard-negative category; fails
 * below precision 0.90 or recall 0.95.
 */
class ScreeningQualityTest {

  record Labelled(String category, String expected, ScreeningQuery query) {}

  private static CandidateIndex index;

  @BeforeAll
  static void index() {
    index = SyntheticLists.index();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void shouldReachPrecisionNinetyAtRecallNinetyFiveOnTheLabelledSet() throws IOException {
    NameScorer scorer = new NameScorer(MatchingSettings.DEFAULTS);
    double threshold = MatchingSettings.DEFAULTS.matchThreshold();
    Map<String, int[]> byCategory = new TreeMap<>(); // [queries, found or alerted]
    int truePositives = 0;
    int falseAlerts = 0;
    int positives = 0;
    int found = 0;
    List<String> misses = new ArrayList<>();
    for (Labelled l : labelled()) {
      List<Hit> alerts =
          index.screen(l.query(), scorer).stream().filter(h -> h.score() >= threshold).toList();
      int[] counts = byCategory.computeIfAbsent(l.category(), c -> new int[2]);
      counts[0]++;
      if (l.expected().isEmpty()) {
        falseAlerts += alerts.size();
        if (!alerts.isEmpty()) {
          counts[1]++;
          misses.add(
              "false alert  "
                  + l.category()
                  + "  '"
                  + l.query().name()
                  + "' -> "
                  + alerts.get(0).matchedName().original()
                  + " "
                  + alerts.get(0).score());
        }
        continue;
      }
      positives++;
      boolean hit = false;
      for (Hit h : alerts) {
        if (h.entry().key().equals(l.expected())) {
          hit = true;
          truePositives++;
        } else {
          falseAlerts++;
          misses.add(
              "wrong entity "
                  + l.category()
                  + "  '"
                  + l.query().name()
                  + "' -> "
                  + h.matchedName().original()
                  + " "
                  + h.score());
        }
      }
      if (hit) {
        found++;
        counts[1]++;
      } else {
        misses.add(
            "missed       " + l.category() + "  '" + l.query().name() + "' (" + l.expected() + ")");
      }
    }
    double precision = truePositives / (double) Math.max(1, truePositives + falseAlerts);
    double recall = found / (double) positives;
    System.out.printf(
        "screening quality at threshold %.2f: %d queries, %d positive; precision %.3f (%d true,"
            + " %d false alerts), recall %.3f%n",
        threshold,
        byCategory.values().stream().mapToInt(c -> c[0]).sum(),
        positives,
        precision,
        truePositives,
        falseAlerts,
        recall);
    byCategory.forEach(
        (category, c) ->
            System.out.printf(
                "  %-30s %4d queries  %s %.3f%n",
                category,
                c[0],
                category.startsWith("neg-") ? "false-alert rate" : "recall          ",
                c[1] / (double) c[0]));
    misses.forEach(m -> System.out.println("  " + m));
    assertThat(recall).as("recall at the default threshold").isGreaterThanOrEqualTo(0.95);
    assertThat(precision).as("precision at the default threshold").isGreaterThanOrEqualTo(0.90);
  }

  static List<Labelled> labelled() throws IOException {
    List<Labelled> out = new ArrayList<>();
    try (var in =
        new BufferedReader(
            new InputStreamReader(
                ScreeningQualityTest.class
                    .getClassLoader()
                    .getResourceAsStream("screening/labelled-queries.tsv"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        out.add(
            new Labelled(f[0], f[1], ScreeningQuery.of(f[2], PartyType.parse(f[3]), f[4], f[5])));
      }
    }
    return out;
  }
}
