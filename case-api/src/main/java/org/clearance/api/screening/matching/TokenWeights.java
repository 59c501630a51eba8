package org.clearance.api.screening.matching;

/**
 * How much a token says about who a party is, from 0.2 (a stock word or one most names share) to
 * 1.0 (a token few listed names hold, or none). Based on the token's document frequency among the
 * listed names (inverse document frequency, scaled), capped for {@link CompanyWords#STOCK_WORDS}
 * whatever the list says, because a small list cannot know that "trading" is common.
 */
public final class TokenWeights {

  /** Where the document frequencies come from: the index, or a map in tests. */
  public interface Frequencies {
    /** Listed names that hold the token. */
    long documentFrequency(String token);

    /** All listed names. */
    long names();
  }

  public static final double STOCK_WEIGHT = 0.2;
  static final double FLOOR = 0.2;

  private final Frequencies frequencies;
  private final java.util.Map<String, Double> cache = new java.util.HashMap<>();

  public TokenWeights(Frequencies frequencies) {
    this.frequencies = frequencies;
  }

  /** Not thread-safe: make one per screening (the cache lives for one query). */
  public double weight(String token) {
    Double known = cache.get(token);
    if (known != null) {
      return known;
    }
    double w = compute(token);
    cache.put(token, w);
    return w;
  }

  private double compute(String token) {
    if (CompanyWords.STOCK_WORDS.contains(token)) {
      return STOCK_WEIGHT;
    }
    if (token.length() == 1) {
      // an initial: evidence, but weak
      return 0.3;
    }
    long n = Math.max(1, frequencies.names());
    long df = frequencies.documentFrequency(token);
    if (df <= 1) {
      return 1.0;
    }
    // idf scaled so that a token held by one name in 10,000 (on small lists: by one name) is 1.0
    double idf = Math.log((double) n / df);
    double reference = Math.max(1.0, Math.min(Math.log(n), Math.log(10_000)));
    double scaled = idf / reference;
    return Math.max(FLOOR, Math.min(1.0, scaled));
  }
}
