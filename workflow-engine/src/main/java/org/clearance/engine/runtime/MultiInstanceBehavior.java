package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clearance.engine.db.Json;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.deployment.ExecutableElement.MultiInstance;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.expression.Feel;
import org.clearance.engine.record.Intent;
import org.clearance.engine.runtime.ElementInstance.Step;

/**
 * Multi-instance activities. The body is an element instance of the activity's id marked {@link
 * ElementInstance#multiInstanceBody}; its children of the same id are the inner instances, each
 * with its loop counter and input element as local variables. Boundary events belong to the body.
 */
final class MultiInstanceBehavior {

  private final Execution execution;
  private final InstanceState state;
  private final ElementRecords records;
  private final ScopeVariables variables;

  MultiInstanceBehavior(Execution execution, ElementRecords records, ScopeVariables variables) {
    this.execution = execution;
    this.state = execution.state;
    this.records = records;
    this.variables = variables;
  }

  private static final java.util.regex.Pattern PLAIN_NAME =
      java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  boolean isBodyOf(ElementInstance scope, ExecutableElement element) {
    return scope != null && scope.multiInstanceBody && scope.elementId.equals(element.id());
  }

  boolean isInnerInstance(ElementInstance instance) {
    if (instance.multiInstanceBody || instance.parentKey == 0) {
      return false;
    }
    ElementInstance parent = state.element(instance.parentKey);
    return parent != null
        && parent.multiInstanceBody
        && parent.elementId.equals(instance.elementId);
  }

  /**
   * Activates a body: evaluates the input collection and creates the inner instances (all of them,
   * or the first of a sequential loop); an empty collection completes the body at once.
   */
  Outcome activateBody(ExecutableElement element, ElementInstance body) {
    MultiInstance loop = element.multiInstance();
    JsonNode items;
    try {
      items = Feel.evaluate(loop.inputCollection(), state.visibleFrom(body.key));
    } catch (EvaluationException e) {
      return Outcome.incident(body, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.ACTIVATE);
    }
    if (!items.isArray()) {
      return Outcome.incident(
          body,
          "EXTRACT_VALUE_ERROR",
          "Expected result of the expression '%s' to be 'ARRAY', but was '%s'."
              .formatted(loop.inputCollection().text(), typeName(items)),
          Step.ACTIVATE);
    }
    body.activated();
    records.element(body, Intent.ELEMENT_ACTIVATED);
    body.bodyStarted(items.size(), loop.sequential() ? items : null);
    if (loop.outputCollection() != null) {
      var outputs = Json.MAPPER.createArrayNode();
      items.forEach(item -> outputs.addNull());
      variables.setLocal(body.key, loop.outputCollection(), outputs);
    }
    if (items.isEmpty()) {
      return Outcome.complete(Map.of());
    }
    var created = new ArrayList<ElementInstance>();
    if (loop.sequential()) {
      created.add(activateInner(element, body, items.get(0)));
    } else {
      for (JsonNode item : items) {
        created.add(activateInner(element, body, item));
      }
    }
    return new Outcome.Activate(created);
  }

  private ElementInstance activateInner(
      ExecutableElement element, ElementInstance body, JsonNode item) {
    var inner = new ElementInstance(execution.nextKey(), element.id(), body.key);
    inner.innerOf(body);
    state.add(inner);
    variables.setLocal(
        inner.key, "loopCounter", Json.MAPPER.getNodeFactory().numberNode(inner.loopCounter));
    MultiInstance loop = element.multiInstance();
    String inputElement = loop.inputElement();
    if (inputElement != null) {
      variables.setLocal(inner.key, inputElement, item);
    }
    // An output element naming a plain variable is local to the inner instance, so each
    // instance's result stays apart from the others' until it is collected.
    String outputVariable =
        loop.outputElement() == null ? null : loop.outputElement().text().trim();
    if (outputVariable != null
        && PLAIN_NAME.matcher(outputVariable).matches()
        && !outputVariable.equals(inputElement)
        && !outputVariable.equals("loopCounter")) {
      variables.setLocal(inner.key, outputVariable, Json.MAPPER.nullNode());
    }
    records.element(inner, Intent.ELEMENT_ACTIVATING);
    return inner;
  }

  /**
   * An inner instance completes: its output element goes into the output collection, then the
   * completion condition decides whether the body completes early (the others are terminated), else
   * the next item starts (sequential) or the body completes once no inner instance is left. The
   * outcome is the body's; an incident is on the inner instance.
   */
  Outcome completeInner(ExecutableElement element, ElementInstance inner, ElementInstance body) {
    MultiInstance loop = element.multiInstance();
    boolean done;
    try {
      if (loop.outputCollection() != null) {
        JsonNode output = Feel.evaluate(loop.outputElement(), state.visibleFrom(inner.key));
        JsonNode current = state.lookup(body.key, loop.outputCollection());
        var collection =
            current != null && current.isArray()
                ? ((ArrayNode) current).deepCopy()
                : Json.MAPPER.createArrayNode();
        while (collection.size() < inner.loopCounter) {
          collection.addNull();
        }
        collection.set(inner.loopCounter - 1, output);
        variables.setLocal(body.key, loop.outputCollection(), collection);
      }
      done = completionConditionHolds(loop, body, inner);
    } catch (EvaluationException e) {
      return Outcome.incident(inner, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.COMPLETE);
    }
    body.innerCompleted();
    records.element(inner, Intent.ELEMENT_COMPLETED);
    state.remove(inner);
    if (done) {
      List<ElementInstance> others = state.children(body.key);
      others.forEach(other -> body.innerTerminated());
      return new Outcome.TerminateAndComplete(others);
    } else if (loop.sequential()
        && body.loopItems != null
        && body.loopCounter < body.loopItems.size()) {
      return new Outcome.Activate(
          List.of(activateInner(element, body, body.loopItems.get(body.loopCounter))));
    } else if (state.children(body.key).isEmpty()) {
      return Outcome.complete(Map.of());
    }
    return Outcome.WAIT;
  }

  /**
   * Evaluates the completion condition in the scope of the completing inner instance, counting it
   * as completed.
   */
  private boolean completionConditionHolds(
      MultiInstance loop, ElementInstance body, ElementInstance completing) {
    if (loop.completionCondition() == null) {
      return false;
    }
    var counters = new LinkedHashMap<String, JsonNode>();
    var numbers = Json.MAPPER.getNodeFactory();
    counters.put("numberOfInstances", numbers.numberNode(body.numberOfInstances));
    counters.put(
        "numberOfActiveInstances",
        numbers.numberNode(Math.max(0, state.children(body.key).size() - 1)));
    counters.put("numberOfCompletedInstances", numbers.numberNode(body.completedInstances + 1));
    counters.put("numberOfTerminatedInstances", numbers.numberNode(body.terminatedInstances));
    Function<String, JsonNode> visible = state.visibleFrom(completing.key);
    return Feel.evaluateCondition(
        loop.completionCondition(),
        name -> counters.containsKey(name) ? counters.get(name) : visible.apply(name));
  }

  /** On completion the body hands its output collection to the enclosing scope. */
  void propagateOutputCollection(ExecutableElement element, ElementInstance body) {
    String name = element.multiInstance().outputCollection();
    if (name == null) {
      return;
    }
    Map<String, JsonNode> local = state.variables.get(body.key);
    JsonNode value = local == null ? null : local.get(name);
    if (value != null) {
      variables.propagate(body.parentKey, name, value);
    }
  }

  private static String typeName(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "ARRAY";
      case BOOLEAN -> "BOOLEAN";
      case NUMBER -> "NUMBER";
      case OBJECT, POJO -> "CONTEXT";
      case STRING, BINARY -> "STRING";
      default -> "NULL";
    };
  }
}
