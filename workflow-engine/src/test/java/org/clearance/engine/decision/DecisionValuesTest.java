package org.clearance.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.engine.decision.DmnResources.file;
import static org.clearance.engine.decision.DmnResources.inline;
import static org.clearance.engine.decision.DmnResources.literalDecision;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How FEEL values leave the engine as JSON. */
class DecisionValuesTest {

  private static final DecisionEngine engine = new DecisionEngine();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldWriteDatesTimesAndDurationsAsIsoStringsAndNumbersExactly() {
    // given
    ParsedDecisionRequirements drg =
        engine.parse("licence-validity.dmn", file("licence-validity.dmn"));

    // when
    DecisionEvaluation evaluation =
        engine.evaluate(
            drg,
            "licence_validity",
            Map.of("issueDate", "2025-01-15", "quantity", new BigDecimal("12.50")));

    // then
    assertThat(evaluation.isFailure()).isFalse();
    assertThat(evaluation.decisionOutput())
        .contains("\"issuedOn\":\"2025-01-15\"")
        .contains("\"expiresOn\":\"2027-01-15\"")
        .contains("\"reviewAt\":\"2025-01-15T09:30:00+01:00[Europe/Berlin]\"")
        .contains("\"decidedAt\":\"2025-01-15T08:00:00Z\"")
        .contains("\"localReviewAt\":\"2025-01-15T09:30:00\"")
        .contains("\"cutOff\":\"17:00:00\"")
        .contains("\"cutOffBerlin\":\"17:00:00+01:00\"")
        .contains("\"validity\":\"P2Y3M\"")
        .contains("\"gracePeriod\":\"P1DT12H\"")
        .contains("\"feeShare\":0.25")
        .contains("\"quantity\":12.5")
        .contains("\"ceiling\":37.5")
        .contains("\"third\":0.3333333333333333333333333333333333");
  }

  @Test
  void shouldWriteIntegralNumbersAsPlainIntegers() {
    // given
    ParsedDecisionRequirements drg =
        engine.parse(
            "numbers.dmn",
            inline(
                literalDecision(
                    "numbers",
                    "[10 ** 26, 2.50 * 2, -7, 0.0000001, 12345678901234567890123456789 + 1]")));

    // when
    DecisionEvaluation evaluation = engine.evaluate(drg, "numbers", Map.of());

    // then
    assertThat(evaluation.decisionOutput())
        .isEqualTo("[100000000000000000000000000,5,-7,0.0000001,12345678901234567890123456790]");
  }

  @Test
  void shouldPassNestedVariablesThroughUnchanged() throws Exception {
    // given
    ParsedDecisionRequirements drg =
        engine.parse("echo.dmn", inline(literalDecision("echo", "application")));

    // when
    DecisionEvaluation evaluation =
        engine.evaluate(
            drg,
            "echo",
            "{\"application\": {\"parties\": [{\"name\": \"Acme\", \"share\": 0.1}],"
                + " \"urgent\": false, \"notes\": null}}");

    // then FEEL contexts do not keep key order, so compare as JSON
    assertThat(json.readTree(evaluation.decisionOutput()))
        .isEqualTo(
            json.readTree(
                "{\"parties\":[{\"name\":\"Acme\",\"share\":0.1}],\"urgent\":false,\"notes\":null}"));
  }

  @Test
  void shouldReadNowFromTheEngineClock() {
    // given
    Clock clock = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
    DecisionEngine clocked = new DecisionEngine(clock);
    ParsedDecisionRequirements drg =
        clocked.parse("now.dmn", inline(literalDecision("decided_at", "now()")));

    // when
    DecisionEvaluation evaluation = clocked.evaluate(drg, "decided_at", Map.of());

    // then
    assertThat(evaluation.decisionOutput()).isEqualTo("\"2025-03-01T12:00:00Z\"");
  }

  @Test
  void shouldWriteFunctionResultsAsNull() {
    // given
    ParsedDecisionRequirements drg =
        engine.parse("function.dmn", inline(literalDecision("double_it", "function(x) x * 2")));

    // when
    DecisionEvaluation evaluation = engine.evaluate(drg, "double_it", Map.of());

    // then
    assertThat(evaluation.decisionOutput()).isEqualTo("null");
  }
}
