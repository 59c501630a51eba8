package org.clearance.engine.decision;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.dmn.parser.ParsedRule;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A parsed and validated DMN resource: one decision requirements graph (DRG) with its decisions,
 * ready to evaluate. Immutable and safe to share between threads; parse a resource once and keep
 * this object (for example per decision requirements key) for every evaluation.
 */
public final class ParsedDecisionRequirements {

  private final String resourceName;
  private final String checksum;
  private final String id;
  private final String name;
  private final String namespace;
  private final Map<String, DecisionDefinition> decisions;
  private final List<DecisionDefinition> decisionList;
  private final ParsedDmn dmn;
  private final Map<String, ParsedDecision> parsedDecisions;
  private final Map<ParsedRule, Integer> ruleIndexes;

  ParsedDecisionRequirements(String resourceName, String checksum, ParsedDmn dmn) {
    this.resourceName = resourceName;
    this.checksum = checksum;
    this.dmn = dmn;
    Definitions definitions = dmn.model().getDefinitions();
    this.id = definitions.getId();
    this.name = definitions.getName() != null ? definitions.getName() : definitions.getId();
    this.namespace = definitions.getNamespace();
    this.parsedDecisions = Map.copyOf(CollectionConverters.asJava(dmn.decisionsById()));

    // Document order, so deployment metadata is listed as the modeller wrote it.
    var ordered = new LinkedHashMap<String, DecisionDefinition>();
    for (Decision decision : dmn.model().getModelElementsByType(Decision.class)) {
      ParsedDecision parsed = parsedDecisions.get(decision.getId());
      if (parsed != null) {
        ordered.put(
            parsed.id(),
            new DecisionDefinition(
                parsed.id(),
                parsed.name() != null ? parsed.name() : parsed.id(),
                DecisionType.of(parsed.logic())));
      }
    }
    this.decisions = Collections.unmodifiableMap(ordered);
    this.decisionList = List.copyOf(ordered.values());

    var indexes = new IdentityHashMap<ParsedRule, Integer>();
    for (ParsedDecision decision : parsedDecisions.values()) {
      if (decision.logic() instanceof ParsedDecisionTable table) {
        int index = 1;
        for (ParsedRule rule : CollectionConverters.asJava(table.rules())) {
          indexes.put(rule, index++);
        }
      }
    }
    this.ruleIndexes = indexes;
  }

  /** The id of the {@code definitions} element: the DRG id that versions are counted by. */
  public String id() {
    return id;
  }

  /** The name of the {@code definitions} element; the id when it has no name. */
  public String name() {
    return name;
  }

  /** The namespace of the {@code definitions} element. */
  public String namespace() {
    return namespace;
  }

  public String resourceName() {
    return resourceName;
  }

  /**
   * SHA-256 of the resource bytes as lowercase hex. An identical redeploy (same resource name and
   * checksum as the latest version) keeps the version, as Zeebe does.
   */
  public String checksum() {
    return checksum;
  }

  /** The decisions in document order. */
  public List<DecisionDefinition> decisions() {
    return decisionList;
  }

  public Optional<DecisionDefinition> decision(String decisionId) {
    return Optional.ofNullable(decisions.get(decisionId));
  }

  ParsedDmn dmn() {
    return dmn;
  }

  ParsedDecision parsedDecision(String decisionId) {
    return parsedDecisions.get(decisionId);
  }

  /** 1-based position of a rule in its table, or 0 for a rule of no table of this graph. */
  int ruleIndex(ParsedRule rule) {
    return ruleIndexes.getOrDefault(rule, 0);
  }

  @Override
  public String toString() {
    return "ParsedDecisionRequirements[id=%s, resourceName=%s, decisions=%s]"
        .formatted(id, resourceName, decisions.keySet());
  }
}
