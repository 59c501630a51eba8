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
import java.util.Objects;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDmn;
import scala.util.Either;

/**
 * Parses and validates DMN decisions with dmn-scala, shaped after Zeebe's behaviour.
 *
 * <p>One instance serves the whole engine: it is immutable and thread-safe, builds the dmn-scala
 * engine once. A CDI {@code @Singleton} rather than {@code @ApplicationScoped}: a client proxy
 * would run the constructor a second time and build a second dmn-scala engine.
 */
@Singleton
public class DecisionEngine {

  private final DmnEngine dmn;
  private final DmnProblemLocator locator;

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
