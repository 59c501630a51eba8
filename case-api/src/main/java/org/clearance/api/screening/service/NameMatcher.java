package org.clearance.api.screening.service;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares party names the way sanctions screening does: normalised (case, accents, punctuation,
 * legal-form words) and scored with Jaro-Winkler, the measure OFAC's own search uses.
 */
public final class NameMatcher {

  public static final String ALGORITHM = "jaro-winkler/normalised-v1";

  /** Legal-form words that say nothing about who a party is. */
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "ltd",
          "limited",
          "llc",
          "llp",
          "lp",
          "inc",
          "incorporated",
          "corp",
          "corporation",
          "co",
          "company",
          "gmbh",
          "ag",
          "kg",
          "sa",
          "sas",
          "sarl",
          "srl",
          "spa",
          "bv",
          "nv",
          "plc",
          "pte",
          "pty",
          "kk",
          "oy",
          "ab",
          "as",
          "jsc",
          "ojsc",
          "pjsc",
          "ooo",
          "zao",
          "the");

  private NameMatcher() {}

  /** Lower case, accents and punctuation gone, legal-form words dropped, spaces collapsed. */
  public static String normalise(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String words = decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return Arrays.stream(words.split(" "))
        .filter(word -> !word.isEmpty() && !LEGAL_FORMS.contains(word))
        .collect(Collectors.joining(" "));
  }

  /** Jaro-Winkler similarity of the normalised names, 0 (nothing alike) to 1 (the same). */
  public static double score(String a, String b) {
    return jaroWinkler(normalise(a), normalise(b));
  }

  static double jaroWinkler(String s, String t) {
    if (s.isEmpty() || t.isEmpty()) {
      return s.equals(t) ? 1.0 : 0.0;
    }
    if (s.equals(t)) {
      return 1.0;
    }
    int window = Math.max(0, Math.max(s.length(), t.length()) / 2 - 1);
    boolean[] sMatched = new boolean[s.length()];
    boolean[] tMatched = new boolean[t.length()];
    int matches = 0;
    for (int i = 0; i < s.length(); i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(t.length() - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!tMatched[j] && s.charAt(i) == t.charAt(j)) {
          sMatched[i] = true;
          tMatched[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int transpositions = 0;
    int k = 0;
    for (int i = 0; i < s.length(); i++) {
      if (sMatched[i]) {
        while (!tMatched[k]) {
          k++;
        }
        if (s.charAt(i) != t.charAt(k)) {
          transpositions++;
        }
        k++;
      }
    }
    double m = matches;
    double jaro = (m / s.length() + m / t.length() + (m - transpositions / 2.0) / m) / 3.0;
    int prefix = 0;
    while (prefix < Math.min(4, Math.min(s.length(), t.length()))
        && s.charAt(prefix) == t.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * 0.1 * (1 - jaro);
  }
}
