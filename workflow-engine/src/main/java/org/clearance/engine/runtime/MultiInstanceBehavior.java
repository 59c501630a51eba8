package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.clearance.engine.db.Json;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.deployment.ExecutableElement.MultiInstance;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.expression.Feel;
import org.clearance.engine.runtime.ElementInstance.State;
import org.clearance.engine.runtime.ElementInstance.Step;

/**
 * Multi-instance activities. The body is an element instance of the activity's id marked {@link
 * ElementInstance#multiInstanceBody}; its children of the same id are the inner instances, each
 * with its loop counter and input element as local variables. Boundary events belong to the body.
 */
final class MultiInstanceBehavior {

  private final BpmnProcessor processor;
  private final Execution execution;
  private final InstanceState state;

  MultiInstanceBehavior(BpmnProcessor processor) {
    this.processor = processor;
    this.execution = processor.execution;
    this.state = processor.state;
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

  void activateBody(ExecutableElement element, ElementInstance body) {
    MultiInstance loop = element.multiInstance();
    JsonNode items;
    try {
      items = Feel.evaluate(loop.inputCollection(), state.visibleFrom(body.key));
    } catch (EvaluationException e) {
      processor.raiseIncident(body, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.ACTIVATE, null);
      return;
    }
    if (!items.isArray()) {
      processor.raiseIncident(
          body,
          "EXTRACT_VALUE_ERROR",
          "Expected result of the expression '%s' to be 'ARRAY', but was '%s'."
              .formatted(loop.inputCollection().text(), typeName(items)),
          Step.ACTIVATE,
          null);
      return;
    }
    body.state = State.ACTIVATED;
    processor.elementRecord(body, "ELEMENT_ACTIVATED");
    body.numberOfInstances = items.size();
    if (loop.outputCollection() != null) {
      var outputs = Json.MAPPER.createArrayNode();
      items.forEach(item -> outputs.addNull());
      processor.setLocal(body.key, loop.outputCollection(), outputs);
    }
    if (items.isEmpty()) {
      processor.schedule(() -> processor.complete(body, Map.of(), null));
      return;
    }
    if (loop.sequential()) {
      body.loopItems = items;
      activateInner(element, body, items.get(0));
    } else {
      for (JsonNode item : items) {
        activateInner(element, body, item);
      }
    }
  }

  private void activateInner(ExecutableElement element, ElementInstance body, JsonNode item) {
    var inner = new ElementInstance(execution.nextKey(), element.id(), body.key);
    inner.loopCounter = ++body.loopCounter;
    state.add(inner);
    processor.setLocal(
        inner.key, "loopCounter", Json.MAPPER.getNodeFactory().numberNode(inner.loopCounter));
    MultiInstance loop = element.multiInstance();
    String inputElement = loop.inputElement();
    if (inputElement != null) {
      processor.setLocal(inner.key, inputElement, item);
    }
    // An output element naming a plain variable is local to the inner instance, so each
    // instance's result stays apart from the others' until it is collected.
    String outputVariable =
        loop.outputElement() == null ? null : loop.outputElement().text().trim();
    if (outputVariable != null
        && PLAIN_NAME.matcher(outputVariable).matches()
        && !outputVariable.equals(inputElement)
        && !outputVariable.equals("loopCounter")) {
      processor.setLocal(inner.key, outputVariable, Json.MAPPER.nullNode());
    }
    processor.elementRecord(inner, "ELEMENT_ACTIVATING");
    processor.schedule(() -> processor.onActivate(inner));
  }

  /**
   * An inner instance completes: its output element goes into the output collection, then the
   * completion condition decides whether the body completes early, else the next item starts
   * (sequential) or the body completes once no inner instance is left.
   */
  void completeInner(ExecutableElement element, ElementInstance inner, ElementInstance body) {
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
        processor.setLocal(body.key, loop.outputCollection(), collection);
      }
      done = completionConditionHolds(loop, body, inner);
    } catch (EvaluationException e) {
      processor.raiseIncident(inner, "EXTRACT_VALUE_ERROR", e.getMessage(), Step.COMPLETE, null);
      return;
    }
    body.completedInstances++;
    processor.elementRecord(inner, "ELEMENT_COMPLETED");
    state.remove(inner);
    if (done) {
      for (ElementInstance other : state.children(body.key)) {
        body.terminatedInstances++;
        processor.terminate(other);
      }
      processor.schedule(() -> processor.complete(body, Map.of(), null));
    } else if (loop.sequential()
        && body.loopItems != null
        && body.loopCounter < body.loopItems.size()) {
      activateInner(element, body, body.loopItems.get(body.loopCounter));
    } else if (state.children(body.key).isEmpty()) {
      processor.schedule(() -> processor.complete(body, Map.of(), null));
    }
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
      processor.propagate(body.parentKey, name, value);
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
