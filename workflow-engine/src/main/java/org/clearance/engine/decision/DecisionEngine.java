package org.clearance.engine.decision;

import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.FeelExpression;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.dmn.parser.ParsedInput;
import org.camunda.dmn.parser.ParsedOutput;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

/**
 * Parses, validates and evaluates DMN decisions with dmn-scala, shaped after Zeebe's behaviour.
 *
 * <p>One instance serves the whole engine: it is immutable and thread-safe, builds the dmn-scala
 * engine once, and evaluating a {@link ParsedDecisionRequirements} parses nothing again. A CDI
 * {@code @Singleton} rather than {@code @ApplicationScoped}: a client proxy would run the
 * constructor a second time and build a second dmn-scala engine.
 */
@Singleton
public class DecisionEngine {

  private final DmnEngine dmn;
  private final DmnProblemLocator locator;
  private final FeelJsonMapper values = new FeelJsonMapper();

  /** An engine whose FEEL {@code now()} reads the system clock in UTC. */
  public DecisionEngine() {
    this(Clock.systemUTC());
  }

  /** An engine whose FEEL {@code now()} and {@code today()} read the given clock. */
  public DecisionEngine(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    this.dmn =
        new DmnEngine.Builder()
            // reject invalid FEEL at deployment, not at the first evaluation
            .lazyEvaluation(false)
            .clock(() -> ZonedDateTime.now(clock))
            .build();
    this.locator = new DmnProblemLocator(dmn.feelEngine());
  }

  /**
   * Parses and validates a DMN resource.
   *
   * @throws DecisionValidationException if the resource is not valid DMN, has a FEEL syntax error,
   *     or a decision or the definitions element lacks an id
   */
  public ParsedDecisionRequirements parse(String resourceName, byte[] xml) {
    Objects.requireNonNull(resourceName, "resourceName");
    Objects.requireNonNull(xml, "xml");
    Either<DmnEngine.Failure, ParsedDmn> result;
    try {
      result = dmn.parse(new ByteArrayInputStream(xml));
    } catch (RuntimeException e) {
      // dmn-scala throws instead of failing for some broken models, e.g. a dangling reference
      throw invalid(resourceName, xml, String.valueOf(e.getMessage()));
    }
    if (result.isLeft()) {
      throw invalid(resourceName, xml, result.swap().toOption().get().message());
    }
    ParsedDmn parsed = result.toOption().get();
    List<String> problems = new ArrayList<>(DmnProblemLocator.identityProblems(parsed.model()));
    if (parsed.decisions().isEmpty()) {
      // Zeebe deploys decisions; a graph without one could never be called
      problems.add("the resource contains no decision");
    }
    if (!problems.isEmpty()) {
      throw new DecisionValidationException(resourceName, problems);
    }
    return new ParsedDecisionRequirements(resourceName, sha256(xml), parsed);
  }

  /**
   * Evaluates a decision of the graph, required decisions first.
   *
   * @param variables the variables visible to the decision, as read from JSON: maps, lists,
   *     strings, numbers, booleans and nulls
   * @return the outcome; a failed evaluation is a result too, not an exception
   * @throws DecisionNotFoundException if the graph has no decision with that id
   */
  public DecisionEvaluation evaluate(
      ParsedDecisionRequirements decisionRequirements,
      String decisionId,
      Map<String, ?> variables) {
    Objects.requireNonNull(decisionRequirements, "decisionRequirements");
    ParsedDecision decision = decisionRequirements.parsedDecision(decisionId);
    if (decision == null) {
      throw new DecisionNotFoundException(decisionId, decisionRequirements.id());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> input = variables == null ? Map.of() : (Map<String, Object>) variables;

    var result = dmn.eval(decisionRequirements.dmn(), decisionId, input);
    if (result.isRight()) {
      Audit.AuditLog log = result.toOption().get().auditLog();
      List<EvaluatedDecision> evaluated = evaluatedDecisions(decisionRequirements, log);
      String output = "null";
      for (EvaluatedDecision candidate : evaluated.reversed()) {
        if (candidate.decisionId().equals(decisionId)) {
          output = candidate.decisionOutput();
          break;
        }
      }
      return new DecisionEvaluation(decision.id(), nameOf(decision), output, evaluated, null, null);
    }

    DmnEngine.EvalFailure failure = result.swap().toOption().get();
    List<EvaluatedDecision> evaluated =
        evaluatedDecisions(decisionRequirements, failure.auditLog());
    String failedDecisionId =
        failedDecisionId(decisionRequirements, failure.auditLog(), decisionId);
    String message =
        failedDecisionId.equals(decisionId)
            ? "Failed to evaluate decision '%s': %s"
                .formatted(decisionId, failure.failure().message())
            : "Failed to evaluate decision '%s': its required decision '%s' failed: %s"
                .formatted(decisionId, failedDecisionId, failure.failure().message());
    return new DecisionEvaluation(
        decision.id(), nameOf(decision), "null", evaluated, failedDecisionId, message);
  }

  /**
   * Like {@link #evaluate(ParsedDecisionRequirements, String, Map)} with the variables as a JSON
   * object, read so that no number loses precision.
   *
   * @throws IllegalArgumentException if the text is not a JSON object
   */
  public DecisionEvaluation evaluate(
      ParsedDecisionRequirements decisionRequirements, String decisionId, String variablesJson) {
    return evaluate(decisionRequirements, decisionId, values.readVariables(variablesJson));
  }

  private List<EvaluatedDecision> evaluatedDecisions(
      ParsedDecisionRequirements drg, Audit.AuditLog log) {
    var evaluated = new ArrayList<EvaluatedDecision>();
    if (log == null) {
      return evaluated;
    }
    for (Audit.AuditLogEntry entry : CollectionConverters.asJava(log.entries())) {
      ParsedDecision decision = drg.parsedDecision(entry.id());
      // entries of business knowledge models and of logic nested in a decision are not decisions
      if (decision == null || decision.logic() != entry.decisionLogic()) {
        continue;
      }
      evaluated.add(evaluatedDecision(drg, decision, entry.result()));
    }
    return evaluated;
  }

  private EvaluatedDecision evaluatedDecision(
      ParsedDecisionRequirements drg, ParsedDecision decision, Audit.EvaluationResult result) {
    DecisionType type = DecisionType.of(decision.logic());
    if (!(result instanceof Audit.DecisionTableEvaluationResult table)
        || !(decision.logic() instanceof ParsedDecisionTable parsedTable)) {
      return new EvaluatedDecision(
          decision.id(),
          nameOf(decision),
          type,
          values.toJson(result.result()),
          List.of(),
          List.of());
    }
    List<String> outputOrder = new ArrayList<>();
    for (ParsedOutput output : CollectionConverters.asJava(parsedTable.outputs())) {
      outputOrder.add(output.name());
    }
    var inputs = new ArrayList<EvaluatedInput>();
    for (Audit.EvaluatedInput input : CollectionConverters.asJava(table.inputs())) {
      inputs.add(
          new EvaluatedInput(
              orEmpty(input.input().id()), inputName(input.input()), values.toJson(input.value())));
    }
    var rules = new ArrayList<MatchedRule>();
    for (Audit.EvaluatedRule rule : CollectionConverters.asJava(table.matchedRules())) {
      var outputs = new ArrayList<EvaluatedOutput>();
      for (Audit.EvaluatedOutput output : CollectionConverters.asJava(rule.outputs())) {
        outputs.add(
            new EvaluatedOutput(
                orEmpty(output.output().id()),
                outputName(output.output()),
                values.toJson(output.value())));
      }
      rules.add(new MatchedRule(orEmpty(rule.rule().id()), drg.ruleIndex(rule.rule()), outputs));
    }
    return new EvaluatedDecision(
        decision.id(),
        nameOf(decision),
        type,
        values.toJson(table.result(), outputOrder),
        rules,
        inputs);
  }

  /** The last decision whose result is an error; the requested one if none is marked. */
  private static String failedDecisionId(
      ParsedDecisionRequirements drg, Audit.AuditLog log, String requestedDecisionId) {
    String failed = requestedDecisionId;
    if (log != null) {
      for (Audit.AuditLogEntry entry : CollectionConverters.asJava(log.entries())) {
        Val value = entry.result() == null ? null : entry.result().result();
        if ((value instanceof ValError || value instanceof ValFatalError)
            && drg.parsedDecision(entry.id()) != null) {
          failed = entry.id();
        }
      }
    }
    return failed;
  }

  /** The label; else the input expression, as a table header shows it; else the id. */
  private static String inputName(ParsedInput input) {
    if (input.name() != null) {
      return input.name();
    }
    if (input.expression() instanceof FeelExpression feel) {
      return feel.expression().text();
    }
    return orEmpty(input.id());
  }

  private static String outputName(ParsedOutput output) {
    if (output.name() != null) {
      return output.name();
    }
    return output.label() != null ? output.label() : orEmpty(output.id());
  }

  // ids are optional in DMN, but the Zeebe protocol has no nulls
  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String nameOf(ParsedDecision decision) {
    return decision.name() != null ? decision.name() : decision.id();
  }

  private DecisionValidationException invalid(String resourceName, byte[] xml, String message) {
    List<String> problems = locator.locate(xml);
    return new DecisionValidationException(
        resourceName, problems.isEmpty() ? List.of(message) : problems);
  }

  private static String sha256(byte[] xml) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xml));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
