package org.clearance.api.screening.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Scores a party against a listed entry, order-independently: the names' tokens are aligned one to
 * one (or two joined to one, "Blueharbour" ~ "Blue Harbour"), each pair by Jaro-Winkler held back
 * by the edit distance, a shared Double Metaphone key lifting transliteration variants; the name
 * score is the aligned share of the token weight of both names (rare tokens weigh most). Then
 * evidence moves it: a different given name, the country, the date of birth, the type, a weak
 * alias. Every step is written to the {@link Explanation}.
 */
public final class NameScorer {

  public static final String ALGORITHM = "token-align-jw-dm/v3";

  /** Below this a token pair does not align at all. */
  static final double TOKEN_FLOOR = 0.75;

  /** Two tokens joined must be this alike to the one on the other side. */
  static final double JOINED_FLOOR = 0.85;

  static final double PHONETIC_SIMILARITY = 0.85;
  static final double SHORT_TOKEN_SIMILARITY = 0.70;
  public static final double INITIAL_SIMILARITY = 0.90;

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final DamerauLevenshteinDistance EDITS = new DamerauLevenshteinDistance();

  /**
   * Double Metaphone keys as long as the words: commons-codec cuts them at four sounds by default,
   * and then every long word sharing its first four sounds had "the same sound" ("mostafabormasov"
   * ~ "mostafa lotadanov").
   */
  static final int PHONETIC_KEY_LENGTH = 32;

  private static final ThreadLocal<DoubleMetaphone> METAPHONE =
      ThreadLocal.withInitial(NameScorer::encoder);

  /**
   * Per thread, the keys of the last word {@link #samePhoneticKey} was asked about first: the
   * party's token, the same over a loop through listed words.
   */
  private static final ThreadLocal<String[]> LAST_KEYS =
      ThreadLocal.withInitial(() -> new String[3]);

  private static DoubleMetaphone encoder() {
    DoubleMetaphone dm = new DoubleMetaphone();
    dm.setMaxCodeLen(PHONETIC_KEY_LENGTH);
    return dm;
  }

  private final MatchingSettings settings;

  public NameScorer(MatchingSettings settings) {
    this.settings = settings;
  }

  public MatchingSettings settings() {
    return settings;
  }

  /** The best-scoring name of the entry, or empty when it stays below the report threshold. */
  public Optional<Hit> score(ScreeningQuery query, ListedEntry entry, TokenWeights weights) {
    Hit best = null;
    for (ListedEntry.ListedName name : entry.names()) {
      Hit hit = score(query, entry, name, weights, false);
      if (hit != null && (best == null || hit.score() > best.score())) {
        best = hit;
      }
    }
    if (best == null || best.score() < settings.reportThreshold()) {
      return Optional.empty();
    }
    // most names scored are no hit: only the one that is gets its explanation written
    return Optional.of(score(query, entry, best.matchedName(), weights, true));
  }

  Hit score(
      ScreeningQuery query, ListedEntry entry, ListedEntry.ListedName name, TokenWeights weights) {
    return score(query, entry, name, weights, true);
  }

  /**
   * The name's score; with {@code explain} false the same score without the explanation (null),
   * which is most of the work for a name that turns out to be no hit.
   */
  private Hit score(
      ScreeningQuery query,
      ListedEntry entry,
      ListedEntry.ListedName name,
      TokenWeights weights,
      boolean explain) {
    boolean person =
        entry.type() == PartyType.PERSON
            || (entry.type() == PartyType.UNKNOWN && query.type() == PartyType.PERSON);
    boolean dropCompanyWords = !person;
    List<String> q = query.normalised().identifying(dropCompanyWords);
    List<String> l = name.normalised().identifying(dropCompanyWords);
    if (q.isEmpty() || l.isEmpty()) {
      return null;
    }
    Alignment alignment = align(q, l, weights, explain);
    double score = alignment.score;
    List<Explanation.Evidence> evidence = explain ? new ArrayList<>() : null;

    if (alignment.substitution) {
      double factor = person ? settings.differentGivenName() : settings.differentWord();
      score *= factor;
      if (evidence != null) {
        evidence.add(
            new Explanation.Evidence(
                person ? "differentGivenName" : "differentWord",
                "both names hold a word the other lacks: "
                    + words(alignment.unmatchedQuery)
                    + " / "
                    + words(alignment.unmatchedListed),
                "x" + factor,
                round(score)));
      }
    }
    if (query.type().contradicts(entry.type())
        && entry.type() != PartyType.VESSEL
        && entry.type() != PartyType.AIRCRAFT) {
      score *= settings.typeMismatch();
      if (evidence != null) {
        evidence.add(
            new Explanation.Evidence(
                "type",
                "party is " + query.type() + ", entry is " + entry.type(),
                "x" + settings.typeMismatch(),
                round(score)));
      }
    }
    if (name.kind() == NameKind.WEAK_ALIAS) {
      score *= settings.weakAlias();
      if (evidence != null) {
        evidence.add(
            new Explanation.Evidence(
                "weakAlias",
                "matched a weak alias of the entry",
                "x" + settings.weakAlias(),
                round(score)));
      }
    }
    score = country(query, entry, person, score, evidence);
    if (person) {
      score = birthDate(query, entry, score, evidence);
    }
    score = Math.max(0, Math.min(1, score));
    if (!explain) {
      return new Hit(entry, name, round(score), null);
    }
    Explanation explanation =
        new Explanation(
            ALGORITHM,
            query.name(),
            name.original(),
            name.kind(),
            alignment.aligned,
            alignment.unmatchedQuery,
            alignment.unmatchedListed,
            round(alignment.score),
            evidence,
            round(score));
    return new Hit(entry, name, round(score), explanation);
  }

  private double country(
      ScreeningQuery query,
      ListedEntry entry,
      boolean person,
      double score,
      List<Explanation.Evidence> evidence) {
    if (query.country() == null || entry.countries().isEmpty()) {
      return score;
    }
    if (entry.countries().contains(query.country())) {
      double after = score + (1 - score) * settings.countryMatchBonus();
      if (evidence != null) {
        evidence.add(
            new Explanation.Evidence(
                "country",
                query.country() + " is one of the entry's countries " + sorted(entry),
                "+" + settings.countryMatchBonus() + " of the rest",
                round(after)));
      }
      return after;
    }
    double factor =
        person ? settings.countryMismatchPerson() : settings.countryMismatchOrganisation();
    double after = score * factor;
    if (evidence != null) {
      evidence.add(
          new Explanation.Evidence(
              "country",
              "the entry has no tie to "
                  + query.country()
                  + " (its countries: "
                  + sorted(entry)
                  + ")",
              "x" + factor,
              round(after)));
    }
    return after;
  }

  private double birthDate(
      ScreeningQuery query, ListedEntry entry, double score, List<Explanation.Evidence> evidence) {
    if (query.birthDate() == null || entry.birthDates().isEmpty()) {
      return score;
    }
    Integer year = year(query.birthDate());
    if (year == null) {
      return score;
    }
    int closest = Integer.MAX_VALUE;
    boolean sameDay = false;
    for (String listed : entry.birthDates()) {
      Integer y = year(listed);
      if (y == null) {
        continue;
      }
      closest = Math.min(closest, Math.abs(y - year));
      sameDay |= listed.length() >= 10 && listed.regionMatches(0, query.birthDate(), 0, 10);
    }
    if (closest == Integer.MAX_VALUE) {
      return score;
    }
    if (sameDay) {
      double after = score + (1 - score) * settings.birthDateMatchBonus();
      if (evidence != null) {
        evidence.add(
            new Explanation.Evidence(
                "birthDate",
                "same date of birth " + query.birthDate(),
                "+" + settings.birthDateMatchBonus() + " of the rest",
                round(after)));
      }
      return after;
    }
    if (closest <= 1) {
      if (evidence != null) {
        evidence.add(
            new Explanation.Evidence(
                "birthDate",
                "birth year within a year of the entry's " + entry.birthDates(),
                "none",
                round(score)));
      }
      return score;
    }
    double after = score * settings.birthDateMismatch();
    if (evidence != null) {
      evidence.add(
          new Explanation.Evidence(
              "birthDate",
              "born " + query.birthDate() + ", the entry " + entry.birthDates(),
              "x" + settings.birthDateMismatch(),
              round(after)));
    }
    return after;
  }

  private static Integer year(String date) {
    if (date == null || date.length() < 4) {
      return null;
    }
    try {
      return Integer.parseInt(date.substring(0, 4));
    } catch (NumberFormatException e) {
      try {
        return LocalDate.parse(date).getYear();
      } catch (RuntimeException ignored) {
        return null;
      }
    }
  }

  // ------------------------------------------------------------------ token alignment

  private record Pair(int[] q, int[] l, double similarity, String how) {}

  /**
   * The aligned share of both names' weight; {@code substitution}: both sides keep a token that
   * means something (a different word, not a missing one). The token lists are null when the
   * alignment was computed without its explanation.
   */
  private record Alignment(
      double score,
      boolean substitution,
      List<Explanation.AlignedTokens> aligned,
      List<Explanation.WeightedToken> unmatchedQuery,
      List<Explanation.WeightedToken> unmatchedListed) {}

  /** A left-over token that means something (the substitution rule), by its shown weight. */
  private static boolean leftTelling(double weight, boolean used) {
    return !used && round(weight) > 0.3;
  }

  private static Alignment align(
      List<String> q, List<String> l, TokenWeights weights, boolean explain) {
    double[] wq = weights(q, weights);
    double[] wl = weights(l, weights);
    List<Pair> pairs = new ArrayList<>();
    // a name of one telling word against another: fewer edits allowed ("tekhmas" ~ "tekhmash
    // kazan")
    boolean singles = telling(wq) == 1 && telling(wl) == 1;
    for (int i = 0; i < q.size(); i++) {
      for (int j = 0; j < l.size(); j++) {
        Similarity s = similarity(q.get(i), l.get(j), singles);
        if (s.value >= TOKEN_FLOOR || (s.how.equals("short") && s.value > 0)) {
          pairs.add(new Pair(new int[] {i}, new int[] {j}, s.value, s.how));
        }
      }
    }
    // joined on one side, split on the other: "blueharbour" ~ "blue harbour"
    for (int i = 0; i + 1 < q.size(); i++) {
      for (int j = 0; j < l.size(); j++) {
        double s = joinedSimilarity(q.get(i), q.get(i + 1), l.get(j));
        if (s > 0) {
          pairs.add(new Pair(new int[] {i, i + 1}, new int[] {j}, s, "joined"));
        }
      }
    }
    for (int j = 0; j + 1 < l.size(); j++) {
      for (int i = 0; i < q.size(); i++) {
        double s = joinedSimilarity(l.get(j), l.get(j + 1), q.get(i));
        if (s > 0) {
          pairs.add(new Pair(new int[] {i}, new int[] {j, j + 1}, s, "split"));
        }
      }
    }
    pairs.sort(
        Comparator.comparingDouble((Pair p) -> p.similarity)
            .thenComparingDouble(p -> p.q.length + p.l.length)
            .reversed());
    boolean[] usedQ = new boolean[q.size()];
    boolean[] usedL = new boolean[l.size()];
    double matched = 0;
    List<Explanation.AlignedTokens> aligned = explain ? new ArrayList<>() : null;
    for (Pair p : pairs) {
      if (anyUsed(usedQ, p.q) || anyUsed(usedL, p.l)) {
        continue;
      }
      double weight = 0;
      for (int i : p.q) {
        usedQ[i] = true;
        weight += wq[i];
      }
      for (int j : p.l) {
        usedL[j] = true;
        weight += wl[j];
      }
      matched += p.similarity * weight;
      if (explain) {
        aligned.add(
            new Explanation.AlignedTokens(
                join(q, p.q), join(l, p.l), p.how, round(p.similarity), round(weight / 2)));
      }
    }
    double total = 0;
    boolean leftQ = false;
    boolean leftL = false;
    List<Explanation.WeightedToken> restQ = explain ? new ArrayList<>() : null;
    List<Explanation.WeightedToken> restL = explain ? new ArrayList<>() : null;
    for (int i = 0; i < q.size(); i++) {
      total += wq[i];
      leftQ |= leftTelling(wq[i], usedQ[i]);
      if (explain && !usedQ[i]) {
        restQ.add(new Explanation.WeightedToken(q.get(i), round(wq[i])));
      }
    }
    for (int j = 0; j < l.size(); j++) {
      total += wl[j];
      leftL |= leftTelling(wl[j], usedL[j]);
      if (explain && !usedL[j]) {
        restL.add(new Explanation.WeightedToken(l.get(j), round(wl[j])));
      }
    }
    return new Alignment(total == 0 ? 0 : matched / total, leftQ && leftL, aligned, restQ, restL);
  }

  private static double[] weights(List<String> tokens, TokenWeights weights) {
    double[] w = new double[tokens.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights.weight(tokens.get(i));
    }
    return w;
  }

  private static int telling(double[] weights) {
    int n = 0;
    for (double w : weights) {
      if (w > TokenWeights.STOCK_WEIGHT) {
        n++;
      }
    }
    return n;
  }

  record Similarity(double value, String how) {}

  /**
   * How alike two tokens are. Jaro-Winkler alone rewards a shared prefix too much ("ivan" ~
   * "ivanov" 0.93), so it is capped by 1 − edits/length; a shared Double Metaphone key lifts
   * transliteration variants ("aleksandr" ~ "alexander") to a fixed, weaker value; words of up to
   * four letters align only exactly, or one edit apart and alike in sound, and then weakly; a name
   * of one word against one word allows fewer edits still ("zara" is not "zarya").
   */
  static Similarity similarity(String a, String b, boolean singleWordNames) {
    if (a.equals(b)) {
      return new Similarity(1.0, "exact");
    }
    int min = Math.min(a.length(), b.length());
    int max = Math.max(a.length(), b.length());
    if (min == 1) {
      return a.charAt(0) == b.charAt(0) && max > 1
          ? new Similarity(INITIAL_SIMILARITY, "initial")
          : new Similarity(0, "none");
    }
    if (!lengthsMayAlign(min, max)) {
      return new Similarity(0, "none"); // too far apart in length for any rule below
    }
    double jw = JARO_WINKLER.apply(a, b);
    if (max <= 4) {
      if (singleWordNames) {
        // a one-word name of up to four letters is its own word: "RDAO" is not "RDAI"
        return new Similarity(0, "none");
      }
      return EDITS.apply(a, b) == 1 && (jw >= 0.85 || samePhoneticKey(a, b))
          ? new Similarity(SHORT_TOKEN_SIMILARITY, "short")
          : new Similarity(0, "none");
    }
    if (jw < 0.70) {
      // neither the edit-capped value nor a shared sound can reach the floor from here
      return new Similarity(0, "none");
    }
    int edits = EDITS.apply(a, b);
    double value = Math.min(jw, 1.0 - (double) edits / max);
    String how = "jaro-winkler";
    if (value < PHONETIC_SIMILARITY && samePhoneticKey(a, b)) {
      value = PHONETIC_SIMILARITY;
      how = "phonetic";
    }
    if (singleWordNames) {
      value = Math.min(value, 1.0 - 2.0 * edits / max);
    }
    return new Similarity(value, how);
  }

  static boolean samePhoneticKey(String a, String b) {
    if (!Character.isLetter(a.charAt(0)) || !Character.isLetter(b.charAt(0))) {
      return false;
    }
    // a word with a long tail is not the same sound as its start ("engineeringvihailo" is not
    // "engineering")
    int longer = Math.max(a.length(), b.length());
    if (Math.abs(a.length() - b.length()) > Math.max(2, longer / 4)) {
      return false;
    }
    DoubleMetaphone dm = METAPHONE.get();
    String[] last = LAST_KEYS.get();
    if (!a.equals(last[0])) {
      last[0] = a;
      last[1] = dm.doubleMetaphone(a);
      last[2] = dm.doubleMetaphone(a, true);
    }
    String a1 = last[1];
    String b1 = dm.doubleMetaphone(b);
    if (a1 == null || b1 == null || a1.isEmpty()) {
      return false;
    }
    if (sameSound(a1, b1)) {
      return true;
    }
    String b2 = dm.doubleMetaphone(b, true);
    return sameSound(a1, b2) || sameSound(last[2], b1);
  }

  /**
   * Two Double Metaphone keys of one sound: equal, or, from four sounds on, one a sound longer than
   * the other and starting with it ("mikroelektronik" ~ "mikroelectronics": a plural, a final
   * vowel).
   */
  public static boolean sameSound(String x, String y) {
    if (x.equals(y)) {
      return true;
    }
    String shorter = x.length() <= y.length() ? x : y;
    String longer = shorter == x ? y : x;
    return shorter.length() >= SOUNDS_FOR_A_LONGER_KEY
        && longer.length() == shorter.length() + 1
        && longer.startsWith(shorter);
  }

  /** The fewest sounds a key has before a key one sound longer counts as the same sound. */
  public static final int SOUNDS_FOR_A_LONGER_KEY = 4;

  /**
   * Both Double Metaphone keys of a token (primary and alternate, the ones {@link #samePhoneticKey}
   * compares), for the candidate index; none for a token that does not start with a letter.
   */
  public static java.util.Set<String> phoneticKeys(String token) {
    if (token.isEmpty() || !Character.isLetter(token.charAt(0))) {
      return java.util.Set.of();
    }
    DoubleMetaphone dm = METAPHONE.get();
    java.util.Set<String> keys = new java.util.LinkedHashSet<>(2);
    for (String key : new String[] {dm.doubleMetaphone(token), dm.doubleMetaphone(token, true)}) {
      if (key != null && !key.isEmpty()) {
        keys.add(key.toLowerCase(Locale.ROOT));
      }
    }
    return keys;
  }

  /**
   * Whether tokens of these lengths can align at all, by any of {@link #similarity}'s rules: an
   * initial, or at most a quarter of the longer length apart (the edit floor), or two letters (the
   * same sound). A cheap test that the candidate index runs before the full one.
   */
  public static boolean lengthsMayAlign(int a, int b) {
    int shorter = Math.min(a, b);
    int longer = Math.max(a, b);
    return shorter == 1 || longer - shorter <= Math.max(2, longer / 4);
  }

  /**
   * How alike a party's token and a listed token are when {@link #align} would pair them one to
   * one, else 0: the exact rule the scorer applies, so the candidate index can filter the terms it
   * enumerates by it.
   */
  public static double tokenSimilarity(String query, String listed) {
    Similarity s = similarity(query, listed, false);
    return s.value >= TOKEN_FLOOR || (s.how.equals("short") && s.value > 0) ? s.value : 0;
  }

  /**
   * The same for a joined pair against one token (either side), as whole strings, at the stricter
   * floor. An initial stands for one word, never for two joined: "o" is no split of "onvelon
   * veldardar". The candidate index filters by this, then by {@link #partsAlign}.
   */
  public static double joinedSimilarity(String a, String b) {
    if (a.length() == 1 || b.length() == 1) {
      return 0;
    }
    Similarity s = similarity(a, b, false);
    return s.value >= JOINED_FLOOR ? s.value : 0;
  }

  /**
   * Two tokens joined ({@code first}, {@code second}) against one ({@code single}): the joined
   * whole at the stricter floor, and the single token must cut into two parts that each align with
   * one of the two by the token rule. A long shared word hides a different one beside it in the
   * whole: "linsaanlogistics" is 0.875 like "linpean logistics", but "linsaan" is not "linpean".
   */
  public static double joinedSimilarity(String first, String second, String single) {
    double s = joinedSimilarity(first + second, single);
    return s > 0 && partsAlign(first, second, single) ? s : 0;
  }

  /**
   * Whether {@code single} cuts into two parts that align with {@code first} and {@code second}.
   */
  public static boolean partsAlign(String first, String second, String single) {
    for (int cut = 1; cut < single.length(); cut++) {
      String head = single.substring(0, cut);
      String tail = single.substring(cut);
      if (lengthsMayAlign(first.length(), head.length())
          && lengthsMayAlign(second.length(), tail.length())
          && tokenSimilarity(first, head) > 0
          && tokenSimilarity(second, tail) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The most edits (Damerau-Levenshtein) a listed token can be from a party's token of this length
   * and still align: 1 − edits / longer length ≥ the floor, and the longer token has at most {@code
   * edits} more letters; words of up to four letters align one edit apart.
   */
  public static int maxEdits(int length, boolean joined) {
    if (joined) {
      return (int) Math.floor(length * (1 - JOINED_FLOOR) / JOINED_FLOOR + 1e-9);
    }
    return Math.max(1, (int) Math.floor(length * (1 - TOKEN_FLOOR) / TOKEN_FLOOR + 1e-9));
  }

  private static boolean anyUsed(boolean[] used, int[] idx) {
    for (int i : idx) {
      if (used[i]) {
        return true;
      }
    }
    return false;
  }

  private static String join(List<String> tokens, int[] idx) {
    StringBuilder sb = new StringBuilder();
    for (int i : idx) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(tokens.get(i));
    }
    return sb.toString();
  }

  private static String words(List<Explanation.WeightedToken> tokens) {
    return String.join(" ", tokens.stream().map(Explanation.WeightedToken::token).toList());
  }

  private static String sorted(ListedEntry entry) {
    return String.join(",", new java.util.TreeSet<>(entry.countries()));
  }

  static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
