package org.clearance.api.screening.matching;

/**
 * The thresholds and evidence factors of the matcher. Defaults follow OpenSanctions' reporting
 * practice: a potential match from 0.70, nothing reported below 0.50.
 *
 * @param matchThreshold a hit at or above it is a potential match a reviewer must dispose of
 * @param reportThreshold hits below it are not returned at all
 * @param countryMismatchPerson factor when a person's country is none the entry is tied to (a
 *     common name in another country is most often someone else)
 * @param countryMismatchOrganisation the same for organisations (front companies move, so less)
 * @param countryMatchBonus share of the distance to 1 added when the countries agree
 * @param birthDateMismatch factor when both birth dates are known and the years differ by more than
 *     one
 * @param birthDateMatchBonus share of the distance to 1 added when the dates are the same day
 * @param weakAlias factor for a match on a weak alias
 * @param typeMismatch factor when the party is known to be a person and the entry an organisation,
 *     or the other way round
 * @param differentGivenName factor for people when both names have a token the other lacks (a
 *     different given name, not a missing one)
 * @param differentWord the same for organisations (a shared word, and a different one)
 */
public record MatchingSettings(
    double matchThreshold,
    double reportThreshold,
    double countryMismatchPerson,
    double countryMismatchOrganisation,
    double countryMatchBonus,
    double birthDateMismatch,
    double birthDateMatchBonus,
    double weakAlias,
    double typeMismatch,
    double differentGivenName,
    double differentWord) {

  public static final MatchingSettings DEFAULTS =
      new MatchingSettings(0.70, 0.50, 0.65, 0.80, 0.10, 0.70, 0.30, 0.85, 0.80, 0.60, 0.85);

  public MatchingSettings {
    if (!(reportThreshold >= 0 && reportThreshold <= matchThreshold && matchThreshold <= 1)) {
      throw new IllegalArgumentException(
          "thresholds must satisfy 0 <= report-threshold <= match-threshold <= 1, got "
              + reportThreshold
              + " and "
              + matchThreshold);
    }
  }

  public MatchingSettings withThresholds(double match, double report) {
    return new MatchingSettings(
        match,
        report,
        countryMismatchPerson,
        countryMismatchOrganisation,
        countryMatchBonus,
        birthDateMismatch,
        birthDateMatchBonus,
        weakAlias,
        typeMismatch,
        differentGivenName,
        differentWord);
  }
}
