package org.clearance.engine.decision;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.clearance.engine.decision.DmnResources.file;
import static org.clearance.engine.decision.DmnResources.inline;
import static org.clearance.engine.decision.DmnResources.literalDecision;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DecisionEngineParseTest {

  private static final DecisionEngine engine = new DecisionEngine();

  @Test
  void shouldParseDecisionRequirementsGraphWithDecisionsInDocumentOrder() {
    // given
    byte[] xml = file("export-assessment.dmn");

    // when
    ParsedDecisionRequirements drg = engine.parse("export-assessment.dmn", xml);

    // then
    assertThat(drg.id()).isEqualTo("Definitions_ExportAssessment");
    assertThat(drg.name()).isEqualTo("Export assessment");
    assertThat(drg.namespace()).isEqualTo("https://clearance.example.org/dmn");
    assertThat(drg.resourceName()).isEqualTo("export-assessment.dmn");
    assertThat(drg.decisions())
        .containsExactly(
            new DecisionDefinition(
                "compute_profile", "Compute profile", DecisionType.LITERAL_EXPRESSION),
            new DecisionDefinition(
                "applicable_controls", "Applicable controls", DecisionType.DECISION_TABLE),
            new DecisionDefinition(
                "export_assessment", "Export assessment", DecisionType.DECISION_TABLE));
    assertThat(drg.decision("applicable_controls")).isPresent();
    assertThat(drg.decision("licence_requirement")).isEmpty();
  }

  @Test
  void shouldGiveIdenticalResourcesTheSameChecksumAndChangedOnesAnother() {
    // given
    byte[] xml = file("licence-requirement.dmn");
    byte[] changed =
        new String(xml, UTF_8).replace("\"APPROVE\"", "\"CASE_BY_CASE\"").getBytes(UTF_8);

    // when
    String first = engine.parse("licence-requirement.dmn", xml).checksum();
    String again =
        engine.parse("licence-requirement.dmn", Arrays.copyOf(xml, xml.length)).checksum();
    String other = engine.parse("licence-requirement.dmn", changed).checksum();

    // then
    assertThat(first).hasSize(64).isEqualTo(again).isNotEqualTo(other);
  }

  @Test
  void shouldRejectDmnWithInvalidFeelNamingDecisionRuleAndInput() {
    // given
    byte[] xml = file("invalid-feel.dmn");

    // when
    var rejection =
        catchThrowableOfType(
            DecisionValidationException.class, () -> engine.parse("invalid-feel.dmn", xml));

    // then
    assertThat(rejection.resourceName()).isEqualTo("invalid-feel.dmn");
    assertThat(rejection.problems()).hasSize(1);
    assertThat(rejection.problems().getFirst())
        .startsWith(
            "decision 'licence_requirement' (Licence requirement), rule 3"
                + " 'Rule_ModelWeightsToEmbargoed', input entry 2 'Country group':"
                + " invalid FEEL unary tests '\"D:5\",,\"E:1\"'");
    assertThat(rejection)
        .hasMessageStartingWith(
            "Invalid DMN resource 'invalid-feel.dmn': decision 'licence_requirement'");
  }

  @Test
  void shouldReportEveryInvalidExpressionWithItsLocation() {
    // given
    byte[] xml =
        inline(
            literalDecision("threshold", "10 **")
                + """
                <decision id="route" name="Route">
                  <decisionTable id="DecisionTable_Route" hitPolicy="FIRST">
                    <input id="Input_Score" label="Score">
                      <inputExpression id="InputExpression_Score"><text>score ==</text></inputExpression>
                    </input>
                    <output id="Output_Route" name="route" typeRef="string"/>
                    <rule id="Rule_High">
                      <inputEntry id="UnaryTests_High"><text>&gt; 10</text></inputEntry>
                      <outputEntry id="LiteralExpression_High"><text>if then</text></outputEntry>
                    </rule>
                  </decisionTable>
                </decision>
                """);

    // when
    var rejection =
        catchThrowableOfType(
            DecisionValidationException.class, () -> engine.parse("routing.dmn", xml));

    // then
    assertThat(rejection.problems())
        .satisfiesExactlyInAnyOrder(
            problem ->
                assertThat(problem)
                    .startsWith(
                        "decision 'threshold', literal expression 'LiteralExpression_threshold':"
                            + " invalid FEEL expression '10 **'"),
            problem ->
                assertThat(problem)
                    .startsWith(
                        "decision 'route' (Route), input 1 'Score' expression:"
                            + " invalid FEEL expression 'score =='"),
            problem ->
                assertThat(problem)
                    .startsWith(
                        "decision 'route' (Route), rule 1 'Rule_High', output entry 1 'route':"
                            + " invalid FEEL expression 'if then'"));
    assertThat(rejection).hasMessageContaining("\n- ");
  }

  @Test
  void shouldRejectDecisionWithoutId() {
    // given
    byte[] xml =
        inline(
            """
            <decision name="Licence fee">
              <literalExpression id="LiteralExpression_Fee"><text>100</text></literalExpression>
            </decision>
            """);

    // when
    var rejection =
        catchThrowableOfType(DecisionValidationException.class, () -> engine.parse("fee.dmn", xml));

    // then
    assertThat(rejection.problems()).containsExactly("decision 'Licence fee' has no id");
  }

  @Test
  void shouldRejectDuplicateDecisionIds() {
    // given
    byte[] xml = inline(literalDecision("fee", "100") + literalDecision("fee", "200"));

    // when
    var rejection =
        catchThrowableOfType(DecisionValidationException.class, () -> engine.parse("fee.dmn", xml));

    // then the schema already forbids it; the message says which id and where
    assertThat(rejection.problems()).hasSize(1);
    assertThat(rejection.problems().getFirst())
        .startsWith("not a readable DMN document: line ")
        .contains("multiple occurrences of ID value 'fee'");
  }

  @Test
  void shouldRejectMalformedXmlNamingTheLine() {
    // given
    byte[] xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Fee"
                     name="Fee" namespace="https://clearance.example.org/dmn">
          <decision id="licence_fee"
        """
            .getBytes(UTF_8);

    // when
    var rejection =
        catchThrowableOfType(
            DecisionValidationException.class, () -> engine.parse("broken.dmn", xml));

    // then
    assertThat(rejection.problems())
        .singleElement()
        .asString()
        .matches("not a readable DMN document: line \\d+: .*")
        .contains("must start and end within the same entity");
  }

  @Test
  void shouldRejectBpmnDeployedAsDmn() {
    // given
    byte[] xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_Process">
          <process id="Process_Licence"/>
        </definitions>
        """
            .getBytes(UTF_8);

    // when
    var rejection =
        catchThrowableOfType(
            DecisionValidationException.class, () -> engine.parse("process.dmn", xml));

    // then
    assertThat(rejection.problems().getFirst())
        .startsWith("not a readable DMN document:")
        .contains("definitions");
  }

  @Test
  void shouldRejectDecisionWithoutLogic() {
    // given
    byte[] xml = inline("<decision id=\"licence_fee\" name=\"Licence fee\"/>");

    // when
    var rejection =
        catchThrowableOfType(DecisionValidationException.class, () -> engine.parse("fee.dmn", xml));

    // then
    assertThat(rejection.problems())
        .containsExactly(
            "decision 'licence_fee' (Licence fee): has no decision logic;"
                + " expected a decision table or a literal expression");
  }

  @Test
  void shouldRejectRequirementOfDecisionNotInResource() {
    // given
    byte[] xml =
        inline(
            """
            <decision id="licence_fee" name="Licence fee">
              <informationRequirement id="InformationRequirement_Base">
                <requiredDecision href="#base_fee"/>
              </informationRequirement>
              <literalExpression id="LiteralExpression_Fee"><text>base_fee * 2</text></literalExpression>
            </decision>
            """);

    // when
    var rejection =
        catchThrowableOfType(DecisionValidationException.class, () -> engine.parse("fee.dmn", xml));

    // then
    assertThat(rejection.problems())
        .containsExactly(
            "decision 'licence_fee' (Licence fee): requires decision 'base_fee',"
                + " which is not in this resource");
  }

  @Test
  void shouldRejectResourceWithoutDecisions() {
    // given
    byte[] xml = inline("");

    // when
    var rejection =
        catchThrowableOfType(
            DecisionValidationException.class, () -> engine.parse("empty.dmn", xml));

    // then
    assertThat(rejection.problems()).containsExactly("the resource contains no decision");
  }
}
