package org.clearance.engine.decision;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.BusinessKnowledgeModel;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.DefaultOutputEntry;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.NamedElement;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.ParseResult;

/**
 * Says where a DMN resource is wrong. dmn-scala reports a FEEL syntax error without saying which
 * decision or rule it is in, and a broken reference or schema violation without any location; this
 * reads the model again and names decision, rule, input or output and the XML line.
 */
final class DmnProblemLocator {

  private static final Pattern SAX_PREFIX = Pattern.compile("^(?:Fatal )?Error: URI=\\S+ Line=");

  private final FeelEngineApi feel;

  DmnProblemLocator(FeelEngineApi feel) {
    this.feel = feel;
  }

  /** Problems of a resource that dmn-scala rejected; empty if none could be located. */
  List<String> locate(byte[] xml) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (RuntimeException e) {
      return List.of(describeReadFailure(e));
    }
    var problems = new ArrayList<>(identityProblems(model));
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (decision.getExpression() == null) {
        problems.add(
            describe(decision)
                + ": has no decision logic; expected a decision table or a literal expression");
      }
      for (InformationRequirement requirement : decision.getInformationRequirements()) {
        missingRequiredDecision(requirement)
            .ifPresent(
                href ->
                    problems.add(
                        "%s: requires decision '%s', which is not in this resource"
                            .formatted(describe(decision), href)));
      }
    }
    for (LiteralExpression expression : model.getModelElementsByType(LiteralExpression.class)) {
      check(expression, expression.getText(), false).ifPresent(problems::add);
    }
    for (InputEntry entry : model.getModelElementsByType(InputEntry.class)) {
      check(entry, entry.getText(), true).ifPresent(problems::add);
    }
    return problems;
  }

  /**
   * The graph and its decisions must have ids: deployment versions the graph by its id and looks
   * decisions up by theirs. dmn-scala accepts a decision without one.
   */
  static List<String> identityProblems(DmnModelInstance model) {
    var problems = new ArrayList<String>();
    Definitions definitions = model.getDefinitions();
    if (definitions == null || isBlank(definitions.getId())) {
      problems.add("the definitions element has no id; it is the id of the decision requirements");
    }
    Set<String> seen = new HashSet<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (isBlank(decision.getId())) {
        problems.add(
            "decision '%s' has no id"
                .formatted(isBlank(decision.getName()) ? "(unnamed)" : decision.getName()));
      } else if (!seen.add(decision.getId())) {
        problems.add(
            "decision id '%s' is used by more than one decision".formatted(decision.getId()));
      }
    }
    return problems;
  }

  private Optional<String> check(DmnElement element, Text text, boolean unaryTests) {
    if (text == null || isBlank(text.getTextContent())) {
      return Optional.empty();
    }
    String expression = text.getTextContent();
    ParseResult result =
        unaryTests ? feel.parseUnaryTests(expression) : feel.parseExpression(expression);
    if (result.isSuccess()) {
      return Optional.empty();
    }
    return Optional.of(
        "%s: invalid FEEL %s '%s': %s"
            .formatted(
                location(element),
                unaryTests ? "unary tests" : "expression",
                expression.strip(),
                result.failure().message()));
  }

  private static Optional<String> missingRequiredDecision(InformationRequirement requirement) {
    try {
      requirement.getRequiredDecision();
      return Optional.empty();
    } catch (ModelException e) {
      for (DomElement child : requirement.getDomElement().getChildElements()) {
        if ("requiredDecision".equals(child.getLocalName())) {
          String href = child.getAttribute("href");
          return Optional.of(href == null ? "" : href.replaceFirst("^#", ""));
        }
      }
      return Optional.of("?");
    }
  }

  /** "decision 'x' (Name), rule 3 'Rule_Id', input entry 2 'Label'" and similar. */
  private static String location(ModelElementInstance element) {
    var parts = new ArrayList<String>();
    ModelElementInstance child = null;
    for (ModelElementInstance current = element;
        current != null;
        current = current.getParentElement()) {
      describeStep(current, child, parts);
      child = current;
    }
    if (parts.size() == 1 && element instanceof LiteralExpression literal) {
      parts.add("literal expression" + quoted(literal.getId()));
    }
    return parts.isEmpty() ? "element" + quoted(idOf(element)) : String.join(", ", parts);
  }

  /** Adds what {@code current} says about the location of its descendant {@code child}. */
  private static void describeStep(
      ModelElementInstance current, ModelElementInstance child, List<String> parts) {
    switch (current) {
      case Decision decision -> parts.addFirst(describe(decision));
      case BusinessKnowledgeModel bkm ->
          parts.addFirst("business knowledge model '%s'".formatted(bkm.getId()));
      case Rule rule when rule.getParentElement() instanceof DecisionTable table -> {
        parts.addFirst(
            "rule %d%s".formatted(indexOf(table.getRules(), rule), quoted(rule.getId())));
        if (child instanceof InputEntry entry) {
          int column = indexOf(rule.getInputEntries(), entry);
          Input input = nth(table.getInputs(), column);
          parts.add("input entry %d%s".formatted(column, quoted(label(input))));
        } else if (child instanceof OutputEntry entry) {
          int column = indexOf(rule.getOutputEntries(), entry);
          Output output = nth(table.getOutputs(), column);
          parts.add(
              "output entry %d%s"
                  .formatted(column, quoted(output == null ? null : output.getName())));
        }
      }
      case Input input
          when child instanceof InputExpression
              && input.getParentElement() instanceof DecisionTable table ->
          parts.addFirst(
              "input %d%s expression"
                  .formatted(indexOf(table.getInputs(), input), quoted(label(input))));
      case Output output when child instanceof DefaultOutputEntry ->
          parts.addFirst("default output entry%s".formatted(quoted(output.getName())));
      default -> {}
    }
  }

  private static String describe(Decision decision) {
    String name = decision.getName();
    return isBlank(name) || name.equals(decision.getId())
        ? "decision '%s'".formatted(decision.getId())
        : "decision '%s' (%s)".formatted(decision.getId(), name);
  }

  private static String label(Input input) {
    if (input == null) {
      return null;
    }
    if (!isBlank(input.getLabel())) {
      return input.getLabel();
    }
    InputExpression expression = input.getInputExpression();
    return expression == null || expression.getText() == null
        ? input.getId()
        : expression.getText().getTextContent();
  }

  private static String idOf(ModelElementInstance element) {
    return element instanceof NamedElement named && !isBlank(named.getName())
        ? named.getName()
        : element.getAttributeValue("id");
  }

  private static String describeReadFailure(RuntimeException e) {
    // The innermost message is the parser's, e.g. "Error: URI=null Line=4: cvc-id.2: ..."
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
    var matcher = SAX_PREFIX.matcher(message);
    if (matcher.find()) {
      message = "line " + message.substring(matcher.end());
    }
    return "not a readable DMN document: " + message;
  }

  private static <T> int indexOf(Collection<T> items, T item) {
    int index = 1;
    for (T candidate : items) {
      if (candidate == item || candidate.equals(item)) {
        return index;
      }
      index++;
    }
    return 0;
  }

  private static <T> T nth(Collection<T> items, int position) {
    int index = 1;
    for (T item : items) {
      if (index++ == position) {
        return item;
      }
    }
    return null;
  }

  private static String quoted(String text) {
    return isBlank(text) ? "" : " '" + text + "'";
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
