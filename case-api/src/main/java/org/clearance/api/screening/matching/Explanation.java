package org.clearance.api.screening.matching;

import java.util.List;

/**
 * Why a hit scored what it scored, for the reviewer: the listed name compared, which tokens aligned
 * (how, how alike, how much they weigh), which were left over on either side, the name score, and
 * each piece of evidence that moved it.
 */
public record Explanation(
    String algorithm,
    String queryName,
    String listedName,
    NameKind listedNameKind,
    List<AlignedTokens> aligned,
    List<WeightedToken> unmatchedQueryTokens,
    List<WeightedToken> unmatchedListedTokens,
    double nameScore,
    List<Evidence> evidence,
    double score) {

  /** Query token(s) aligned with listed token(s); two tokens on one side when joined or split. */
  public record AlignedTokens(
      String queryTokens, String listedTokens, String how, double similarity, double weight) {}

  public record WeightedToken(String token, double weight) {}

  /**
   * One adjustment: {@code feature} is country, birthDate, type, weakAlias, differentGivenName or
   * differentWord; {@code effect} says how the score moved (a factor, or a bonus).
   */
  public record Evidence(String feature, String detail, String effect, double scoreAfter) {}
}
