package org.clearance.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.clearance.engine.decision.DmnResources.file;
import static org.clearance.engine.decision.DmnResources.inline;
import static org.clearance.engine.decision.DmnResources.literalDecision;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DecisionEngineEvaluateTest {

  // immutable and thread-safe, so shared by all tests as the engine shares them
  private static final DecisionEngine engine = new DecisionEngine();
  private static final ParsedDecisionRequirements licenceRequirement =
      engine.parse("licence-requirement.dmn", file("licence-requirement.dmn"));
  private static final ParsedDecisionRequirements exportAssessment =
      engine.parse("export-assessment.dmn", file("export-assessment.dmn"));

  @Test
  void shouldReturnOutputsOfMatchedRuleAsJsonObject() {
    // when
    DecisionEvaluation evaluation =
        engine.evaluate(
            licenceRequirement,
            "licence_requirement",
            Map.of("controlClassification", "4E091", "countryGroup", "E:1"));

    // then
    assertThat(evaluation.isFailure()).isFalse();
    assertThat(evaluation.decisionId()).isEqualTo("licence_requirement");
    assertThat(evaluation.decisionName()).isEqualTo("Licence requirement");
    assertThat(evaluation.decisionOutput())
        .isEqualTo("{\"licenceRequired\":true,\"reviewPolicy\":\"PRESUMPTION_OF_DENIAL\"}");
    assertThat(evaluation.failedDecisionId()).isNull();
    assertThat(evaluation.failureMessage()).isNull();
  }

  @Test
  void shouldReportMatchedRulesWithOneBasedIndex() {
    // when
    DecisionEvaluation evaluation =
        engine.evaluate(
            licenceRequirement,
            "licence_requirement",
            Map.of("controlClassification", "3A090", "countryGroup", "D:5"));

    // then
    assertThat(evaluation.evaluatedDecisions()).hasSize(1);
    EvaluatedDecision decision = evaluation.evaluatedDecisions().getFirst();
    assertThat(decision.decisionType()).isEqualTo(DecisionType.DECISION_TABLE);
    assertThat(decision.matchedRules())
        .containsExactly(
            new MatchedRule(
                "Rule_ChipsToTier2",
                5,
                List.of(
                    new EvaluatedOutput("Output_LicenceRequired", "licenceRequired", "true"),
                    new EvaluatedOutput(
                        "Output_ReviewPolicy", "reviewPolicy", "\"CASE_BY_CASE\""))));
  }

  @Test
  void shouldReportEvaluatedInputsInTableOrder() {
    // when
    DecisionEvaluation evaluation =
        engine.evaluate(
            licenceRequirement,
            "licence_requirement",
            Map.of("controlClassification", "4E091", "countryGroup", "A:1"));

    // then
    assertThat(evaluation.evaluatedDecisions().getFirst().evaluatedInputs())
        .containsExactly(
            new EvaluatedInput(
                "Input_ControlClassification", "Control classification", "\"4E091\""),
            new EvaluatedInput("Input_CountryGroup", "Country group", "\"A:1\""));
  }

  @Test
  void shouldReturnNullOutputWithoutFailureWhenNoRuleOfUniqueTableMatches() {
    // when
    DecisionEvaluation evaluation =
        engine.evaluate(
            licenceRequirement,
            "licence_requirement",
            Map.of("controlClassification", "5A002", "countryGroup", "A:1"));

    // then dmn-scala (and so Zeebe) treats no match as a null result, not as an error
    assertThat(evaluation.isFailure()).isFalse();
    assertThat(evaluation.decisionOutput()).isEqualTo("null");
    EvaluatedDecision decision = evaluation.evaluatedDecisions().getFirst();
    assertThat(decision.decisionOutput()).isEqualTo("null");
    assertThat(decision.matchedRules()).isEmpty();
    assertThat(decision.evaluatedInputs())
        .extracting(EvaluatedInput::inputValue)
        .containsExactly("\"5A002\"", "\"A:1\"");
  }

  @Test
  void shouldTreatMissingVariablesAsNull() {
    // when
    DecisionEvaluation evaluation =
        engine.evaluate(licenceRequirement, "licence_requirement", Map.of());

    // then
    assertThat(evaluation.isFailure()).isFalse();
    assertThat(evaluation.decisionOutput()).isEqualTo("null");
    assertThat(evaluation.evaluatedDecisions().getFirst().evaluatedInputs())
        .extracting(EvaluatedInput::inputValue)
        .containsExactly("null", "null");
  }

  @Test
  void shouldReturnFailureOfRequiredDecisionWhenUniqueTableMatchesTwoRules() {
    // given
    ParsedDecisionRequirements drg =
        engine.parse("overlapping-unique.dmn", file("overlapping-unique.dmn"));

    // when
    DecisionEvaluation evaluation =
        engine.evaluate(drg, "case_route", Map.of("entityListHit", true, "sanctionsHit", true));

    // then
    assertThat(evaluation.isFailure()).isTrue();
    assertThat(evaluation.decisionId()).isEqualTo("case_route");
    assertThat(evaluation.decisionOutput()).isEqualTo("null");
    assertThat(evaluation.failedDecisionId()).isEqualTo("screening_route");
    assertThat(evaluation.failureMessage())
        .startsWith(
            "Failed to evaluate decision 'case_route': its required decision 'screening_route'"
                + " failed: multiple values aren't allowed for UNIQUE hit policy");
    // the failed decision comes last, with the rules that matched
    assertThat(evaluation.evaluatedDecisions())
        .singleElement()
        .satisfies(
            failed -> {
              assertThat(failed.decisionId()).isEqualTo("screening_route");
              assertThat(failed.decisionOutput()).isEqualTo("null");
              assertThat(failed.matchedRules())
                  .extracting(MatchedRule::ruleId, MatchedRule::ruleIndex)
                  .containsExactly(tuple("Rule_EntityList", 1), tuple("Rule_Sanctions", 2));
            });
  }

  @Test
  void shouldReturnFailureWhenAnyTableMatchesRulesWithDifferentOutputs() {
    // given
    ParsedDecisionRequirements drg =
        engine.parse(
            "any.dmn",
            inline(
                """
                <decision id="risk_level" name="Risk level">
                  <decisionTable id="DecisionTable_Risk" hitPolicy="ANY">
                    <input id="Input_Score" label="Score">
                      <inputExpression id="InputExpression_Score"><text>score</text></inputExpression>
                    </input>
                    <output id="Output_Level" name="level" typeRef="string"/>
                    <rule id="Rule_Medium">
                      <inputEntry id="UnaryTests_Medium"><text>&gt; 10</text></inputEntry>
                      <outputEntry id="LiteralExpression_Medium"><text>"MEDIUM"</text></outputEntry>
                    </rule>
                    <rule id="Rule_High">
                      <inputEntry id="UnaryTests_High"><text>&gt; 50</text></inputEntry>
                      <outputEntry id="LiteralExpression_High"><text>"HIGH"</text></outputEntry>
                    </rule>
                  </decisionTable>
                </decision>
                """));

    // when
    DecisionEvaluation evaluation = engine.evaluate(drg, "risk_level", Map.of("score", 80));

    // then
    assertThat(evaluation.failedDecisionId()).isEqualTo("risk_level");
    assertThat(evaluation.failureMessage())
        .startsWith(
            "Failed to evaluate decision 'risk_level': different values aren't allowed for ANY"
                + " hit policy");
  }

  @Test
  void shouldReturnFailureWhenFeelAssertionFails() {
    // given
    ParsedDecisionRequirements drg =
        engine.parse(
            "fee.dmn",
            inline(
                literalDecision(
                    "licence_fee",
                    "assert(quantity, quantity &gt; 0, \"quantity must be positive\") * 10")));

    // when
    DecisionEvaluation evaluation = engine.evaluate(drg, "licence_fee", Map.of("quantity", -1));

    // then
    assertThat(evaluation.failedDecisionId()).isEqualTo("licence_fee");
    assertThat(evaluation.failureMessage())
        .startsWith("Failed to evaluate decision 'licence_fee': ")
        .endsWith("quantity must be positive");
    assertThat(evaluation.evaluatedDecisions())
        .singleElement()
        .satisfies(failed -> assertThat(failed.decisionOutput()).isEqualTo("null"));
  }

  @Test
  void shouldEvaluateRequiredDecisionsFirstAndReportEachInEvaluationOrder() {
    // when
    DecisionEvaluation evaluation =
        engine.evaluate(
            exportAssessment,
            "export_assessment",
            Map.of(
                "trainingCompute",
                new BigInteger("300000000000000000000000000"),
                "itemTypes",
                List.of("MODEL_WEIGHTS", "CHIP")));

    // then
    assertThat(evaluation.evaluatedDecisions())
        .extracting(EvaluatedDecision::decisionId, EvaluatedDecision::decisionType)
        .containsExactly(
            tuple("compute_profile", DecisionType.LITERAL_EXPRESSION),
            tuple("applicable_controls", DecisionType.DECISION_TABLE),
            tuple("export_assessment", DecisionType.DECISION_TABLE));
    assertThat(evaluation.evaluatedDecisions().getFirst())
        .satisfies(
            profile -> {
              assertThat(profile.decisionName()).isEqualTo("Compute profile");
              assertThat(profile.decisionOutput())
                  .isEqualTo(
                      "{\"trainingCompute\":300000000000000000000000000,\"aboveThreshold\":true}");
              assertThat(profile.matchedRules()).isEmpty();
              assertThat(profile.evaluatedInputs()).isEmpty();
            });
    assertThat(evaluation.decisionOutput())
        .isEqualTo("{\"licenceRequired\":true,\"controls\":[\"4E091\",\"3A090\"]}");
  }

  @Test
  void shouldCollectOutputsOfAllMatchedRules() {
    // when
    DecisionEvaluation evaluation =
        engine.evaluate(
            exportAssessment,
            "applicable_controls",
            Map.of("trainingCompute", 2e26, "itemTypes", List.of("CHIP", "MODEL_WEIGHTS")));

    // then
    assertThat(evaluation.decisionOutput()).isEqualTo("[\"4E091\",\"3A090\"]");
    EvaluatedDecision table = evaluation.evaluatedDecisions().getLast();
    assertThat(table.matchedRules())
        .extracting(MatchedRule::ruleId, MatchedRule::ruleIndex)
        .containsExactly(tuple("Rule_FrontierModelWeights", 1), tuple("Rule_AdvancedChips", 3));
    assertThat(table.evaluatedInputs())
        .extracting(EvaluatedInput::inputName, EvaluatedInput::inputValue)
        .containsExactly(
            tuple("Exports model weights", "true"),
            tuple("Above compute threshold", "true"),
            tuple("Exports chips", "true"));
  }

  @Test
  void shouldAggregateCollectSumAndStillReportEveryMatchedRule() {
    // given a table without input label or output name, as DMN allows
    ParsedDecisionRequirements drg =
        engine.parse(
            "fees.dmn",
            inline(
                """
                <decision id="total_fee" name="Total fee">
                  <decisionTable id="DecisionTable_Fee" hitPolicy="COLLECT" aggregation="SUM">
                    <input id="Input_Parties">
                      <inputExpression id="InputExpression_Parties"><text>count(parties)</text></inputExpression>
                    </input>
                    <output id="Output_Fee" label="Fee"/>
                    <rule id="Rule_BaseFee">
                      <inputEntry id="UnaryTests_Base"><text>-</text></inputEntry>
                      <outputEntry id="LiteralExpression_Base"><text>100</text></outputEntry>
                    </rule>
                    <rule id="Rule_ManyParties">
                      <inputEntry id="UnaryTests_Many"><text>&gt; 2</text></inputEntry>
                      <outputEntry id="LiteralExpression_Many"><text>25.5</text></outputEntry>
                    </rule>
                  </decisionTable>
                </decision>
                """));

    // when
    DecisionEvaluation evaluation =
        engine.evaluate(drg, "total_fee", Map.of("parties", List.of("A", "B", "C")));

    // then
    assertThat(evaluation.decisionOutput()).isEqualTo("125.5");
    EvaluatedDecision table = evaluation.evaluatedDecisions().getFirst();
    assertThat(table.evaluatedInputs())
        .containsExactly(new EvaluatedInput("Input_Parties", "count(parties)", "3"));
    assertThat(table.matchedRules())
        .containsExactly(
            new MatchedRule(
                "Rule_BaseFee", 1, List.of(new EvaluatedOutput("Output_Fee", "Fee", "100"))),
            new MatchedRule(
                "Rule_ManyParties", 2, List.of(new EvaluatedOutput("Output_Fee", "Fee", "25.5"))));
  }

  @Test
  void shouldReturnNullNotEmptyListWhenNoRuleOfCollectTableMatches() {
    // when
    DecisionEvaluation evaluation =
        engine.evaluate(
            exportAssessment,
            "export_assessment",
            Map.of("trainingCompute", 1000, "itemTypes", List.of("SOFTWARE")));

    // then
    assertThat(evaluation.evaluatedDecisions().get(1).decisionOutput()).isEqualTo("null");
    assertThat(evaluation.decisionOutput())
        .isEqualTo("{\"licenceRequired\":false,\"controls\":null}");
  }

  @Test
  void shouldEvaluateWithVariablesGivenAsJsonKeepingLargeNumbersExact() {
    // when
    DecisionEvaluation evaluation =
        engine.evaluate(
            exportAssessment,
            "compute_profile",
            "{\"trainingCompute\": 1e26, \"itemTypes\": [\"MODEL_WEIGHTS\"]}");

    // then
    assertThat(evaluation.decisionOutput())
        .isEqualTo("{\"trainingCompute\":100000000000000000000000000,\"aboveThreshold\":true}");
  }

  @Test
  void shouldKeepJustBelowThresholdExactWhenGivenAsJson() {
    // when 10^26 - 1 does not survive a round trip through double
    DecisionEvaluation evaluation =
        engine.evaluate(
            exportAssessment,
            "compute_profile",
            "{\"trainingCompute\": 99999999999999999999999999}");

    // then
    assertThat(evaluation.decisionOutput())
        .isEqualTo("{\"trainingCompute\":99999999999999999999999999,\"aboveThreshold\":false}");
  }

  @Test
  void shouldRejectVariablesThatAreNotAJsonObject() {
    assertThatThrownBy(() -> engine.evaluate(exportAssessment, "compute_profile", "[1, 2]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON object");
  }

  @Test
  void shouldThrowDecisionNotFoundForUnknownDecisionId() {
    assertThatThrownBy(() -> engine.evaluate(licenceRequirement, "licence_fee", Map.of()))
        .isInstanceOfSatisfying(
            DecisionNotFoundException.class,
            notFound -> {
              assertThat(notFound.decisionId()).isEqualTo("licence_fee");
              assertThat(notFound.decisionRequirementsId())
                  .isEqualTo("Definitions_LicenceRequirement");
            })
        .hasMessageContaining("'licence_fee'");
  }

  @Test
  void shouldEvaluateOneParsedGraphFromManyThreads() throws Exception {
    // given
    List<Map<String, String>> cases =
        List.of(
            Map.of("controlClassification", "4E091", "countryGroup", "A:1"),
            Map.of("controlClassification", "4E091", "countryGroup", "D:1"),
            Map.of("controlClassification", "3A090", "countryGroup", "E:1"),
            Map.of("controlClassification", "3A090", "countryGroup", "D:5"));
    List<String> expected =
        cases.stream()
            .map(
                c -> engine.evaluate(licenceRequirement, "licence_requirement", c).decisionOutput())
            .toList();
    var tasks = new ArrayList<Callable<Boolean>>();
    for (int task = 0; task < 4; task++) {
      tasks.add(
          () -> {
            for (int i = 0; i < 100; i++) {
              int which = i % cases.size();
              String output =
                  engine
                      .evaluate(licenceRequirement, "licence_requirement", cases.get(which))
                      .decisionOutput();
              if (!output.equals(expected.get(which))) {
                return false;
              }
            }
            return true;
          });
    }

    // when
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Boolean>> results;
    try {
      results = pool.invokeAll(tasks);
    } finally {
      pool.shutdown();
    }

    // then
    for (Future<Boolean> result : results) {
      assertThat(result.get()).isTrue();
    }
  }
}
