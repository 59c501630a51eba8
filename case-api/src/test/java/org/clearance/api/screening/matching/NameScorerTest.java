package org.clearance.api.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameScorerTest {

  private final NameScorer scorer = new NameScorer(MatchingSettings.DEFAULTS);

  /**
   * Token frequencies of a list of 1,000 names: "ali", "norouzi", "mostafa" common, the rest rare.
   */
  private final TokenWeights.Frequencies frequencies =
      new TokenWeights.Frequencies() {
        final Map<String, Long> df = Map.of("norouzi", 40L, "mostafa", 30L, "ali", 100L);

        @Override
        public long documentFrequency(String token) {
          return df.getOrDefault(token, 1L);
        }

        @Override
        public long names() {
          return 1_000;
        }
      };

  private static ListedEntry entry(
      PartyType type, String name, Set<String> countries, List<String> dobs, String... aliases) {
    List<ListedEntry.ListedName> names = new java.util.ArrayList<>();
    names.add(ListedEntry.ListedName.of(name, NameKind.PRIMARY));
    for (String a : aliases) {
      names.add(
          ListedEntry.ListedName.of(
              a.substring(1), a.startsWith("~") ? NameKind.WEAK_ALIAS : NameKind.ALIAS));
    }
    return new ListedEntry(1, "k", type, names, countries, dobs);
  }

  private double score(
      String party, PartyType type, String country, String dob, ListedEntry entry) {
    return scorer
        .score(ScreeningQuery.of(party, type, country, dob), entry, new TokenWeights(frequencies))
        .map(Hit::score)
        .orElse(0.0);
  }

  private static final ListedEntry NOROUZI =
      entry(PartyType.PERSON, "Mostafa Ali Norouzi", Set.of("IR"), List.of("1971-04-12"));
  private static final ListedEntry VOLGA =
      entry(
          PartyType.ORGANISATION,
          "Volga Photonics GmbH",
          Set.of("RU"),
          List.of(),
          "=Volga Photonic Systems",
          "~VPS Group");

  @Test
  void shouldNotCareAboutTokenOrder() {
    assertThat(score("Norouzi Mostafa Ali", PartyType.PERSON, null, null, NOROUZI)).isEqualTo(1.0);
    assertThat(score("Photonics Volga", PartyType.UNKNOWN, null, null, VOLGA)).isEqualTo(1.0);
  }

  @Test
  void shouldCostLittleForAMissingMiddleNameAndMuchForADifferentGivenName() {
    double missing = score("Mostafa Norouzi", PartyType.PERSON, null, null, NOROUZI);
    double different = score("Reza Ali Norouzi", PartyType.PERSON, null, null, NOROUZI);
    assertThat(missing).isGreaterThanOrEqualTo(0.70);
    assertThat(different).isLessThan(0.70);
  }

  @Test
  void shouldWeighRareTokensMoreThanCommonOnesAndStockWordsLeast() {
    TokenWeights weights = new TokenWeights(frequencies);
    assertThat(weights.weight("volga")).isEqualTo(1.0);
    assertThat(weights.weight("norouzi")).isLessThan(weights.weight("volga"));
    assertThat(weights.weight("trading")).isEqualTo(TokenWeights.STOCK_WEIGHT);
    // a name sharing only stock words with the entry stays far below a potential match
    ListedEntry lantern =
        entry(
            PartyType.ORGANISATION, "Northern Lantern Trading International", Set.of(), List.of());
    assertThat(score("Global Trading International", PartyType.UNKNOWN, null, null, lantern))
        .isLessThan(0.5);
  }

  @Test
  void shouldTolerateTyposAndTransliterationButNotShortWordEdits() {
    assertThat(score("Volga Fotonics", PartyType.UNKNOWN, null, null, VOLGA))
        .isGreaterThanOrEqualTo(0.85);
    assertThat(score("Moustafa Ali Nourouzi", PartyType.PERSON, null, null, NOROUZI))
        .isGreaterThanOrEqualTo(0.80);
    ListedEntry rdai = entry(PartyType.ORGANISATION, "RDAI", Set.of(), List.of());
    assertThat(score("RDAO", PartyType.UNKNOWN, null, null, rdai)).isLessThan(0.5);
    assertThat(NameScorer.similarity("ivan", "ivanov", false).value())
        .isLessThan(NameScorer.TOKEN_FLOOR);
  }

  @Test
  void shouldAlignJoinedAndSplitTokens() {
    ListedEntry harbour =
        entry(PartyType.ORGANISATION, "Blue Harbour Electronics LLC", Set.of(), List.of());
    assertThat(score("Blueharbour Electronics", PartyType.UNKNOWN, null, null, harbour))
        .isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void shouldNotTakeASharedStartForTheSameSound() {
    ListedEntry other = entry(PartyType.PERSON, "Mostafa Lotadanov", Set.of(), List.of());
    ListedEntry same = entry(PartyType.PERSON, "Mostafa Bormasov", Set.of(), List.of());
    // the space missing: the same person, not every Mostafa (their keys share four sounds)
    assertThat(score("Mostafabormasov", PartyType.PERSON, null, null, same)).isEqualTo(1.0);
    assertThat(score("Mostafabormasov", PartyType.PERSON, null, null, other)).isLessThan(0.5);
    // one sound more at the end is still the same sound; two, or under four sounds, not
    assertThat(NameScorer.sameSound("mkrlktrnk", "mkrlktrnks")).isTrue();
    assertThat(NameScorer.sameSound("mkrlktrnk", "mkrlktrnkst")).isFalse();
    assertThat(NameScorer.sameSound("mstfprmsf", "mstfltnf")).isFalse();
    assertThat(NameScorer.sameSound("krt", "krts")).isFalse();
  }

  @Test
  void shouldLetAnInitialStandForOneWordOnly() {
    ListedEntry two =
        entry(PartyType.ORGANISATION, "Onvelon Veldardar Technology", Set.of(), List.of());
    ListedEntry one = entry(PartyType.PERSON, "Omar Gagor", Set.of(), List.of());
    // "o" is the initial of "omar", not a split of "onvelon veldardar"
    assertThat(score("Gagor O", PartyType.PERSON, null, null, one)).isGreaterThan(0.8);
    assertThat(score("Gagor Technology o", PartyType.UNKNOWN, null, null, two)).isLessThan(0.5);
    assertThat(NameScorer.joinedSimilarity("o", "onvelonveldardar")).isZero();
  }

  @Test
  void shouldNotLetALongSharedWordCarryAJoinedName() {
    ListedEntry same = entry(PartyType.ORGANISATION, "Linsaan Logistics", Set.of(), List.of());
    ListedEntry other = entry(PartyType.ORGANISATION, "Linpean Logistics", Set.of(), List.of());
    // the whole strings are 0.875 alike, but "linsaan" is not "linpean"
    assertThat(score("Linsaanlogistics", PartyType.UNKNOWN, null, null, same)).isEqualTo(1.0);
    assertThat(score("Linsaanlogistics", PartyType.UNKNOWN, null, null, other)).isLessThan(0.5);
    assertThat(score("Linsaan Logistics", PartyType.UNKNOWN, null, null, other)).isLessThan(0.5);
    assertThat(NameScorer.partsAlign("blue", "harbour", "bluharbour")).isTrue();
  }

  @Test
  void shouldUseCountryAsEvidence() {
    double same = score("Volga Photonic", PartyType.UNKNOWN, "RU", null, VOLGA);
    double unknown = score("Volga Photonic", PartyType.UNKNOWN, null, null, VOLGA);
    double other = score("Volga Photonic", PartyType.UNKNOWN, "BR", null, VOLGA);
    assertThat(same).isGreaterThan(unknown);
    assertThat(other).isLessThan(unknown);
    // a person's common name abroad drops below a potential match; a company's exact name does not
    assertThat(score("Mostafa Ali Norouzi", PartyType.PERSON, "BR", null, NOROUZI))
        .isLessThan(0.70);
    assertThat(score("Volga Photonics", PartyType.UNKNOWN, "DE", null, VOLGA))
        .isGreaterThanOrEqualTo(0.70);
  }

  @Test
  void shouldUseDateOfBirthAsEvidenceForPeople() {
    double same = score("Mostafa Norouzi", PartyType.PERSON, null, "1971-04-12", NOROUZI);
    double none = score("Mostafa Norouzi", PartyType.PERSON, null, null, NOROUZI);
    double other = score("Mostafa Norouzi", PartyType.PERSON, null, "1990", NOROUZI);
    assertThat(same).isGreaterThan(none);
    assertThat(other).isLessThan(0.70);
  }

  @Test
  void shouldCountAliasesLikeNamesAndWeakAliasesLess() {
    assertThat(score("Volga Photonic Systems", PartyType.UNKNOWN, null, null, VOLGA))
        .isEqualTo(1.0);
    assertThat(score("VPS Group", PartyType.UNKNOWN, null, null, VOLGA)).isEqualTo(0.85);
  }

  @Test
  void shouldPenaliseATypeContradiction() {
    assertThat(score("Volga Photonics", PartyType.PERSON, null, null, VOLGA)).isEqualTo(0.8);
  }

  @Test
  void shouldExplainEveryStep() {
    Hit hit =
        scorer
            .score(
                ScreeningQuery.of("Norouzi, Mostafa", PartyType.PERSON, "IR", null),
                NOROUZI,
                new TokenWeights(frequencies))
            .orElseThrow();
    Explanation e = hit.explanation();
    assertThat(e.aligned())
        .extracting(Explanation.AlignedTokens::listedTokens)
        .containsExactlyInAnyOrder("mostafa", "norouzi");
    assertThat(e.unmatchedListedTokens())
        .extracting(Explanation.WeightedToken::token)
        .containsExactly("ali");
    assertThat(e.evidence()).extracting(Explanation.Evidence::feature).containsExactly("country");
    assertThat(e.score()).isEqualTo(hit.score());
    assertThat(e.algorithm()).isEqualTo(NameScorer.ALGORITHM);
  }
}
