package org.clearance.engine.runtime;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The runtime state of one process instance: the element-instance tree, the variable scopes and the
 * tokens waiting at joining gateways. It is stored as one JSON document in the process_instance
 * row, and changed only while that row is locked.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE,
    setterVisibility = JsonAutoDetect.Visibility.NONE)
public final class InstanceState {

  long processInstanceKey;
  long processDefinitionKey;
  List<ElementInstance> elements = new ArrayList<>();

  /** For an instance started by a call activity: the calling instance and element instance. */
  long parentProcessInstanceKey;

  long parentElementInstanceKey;

  /** Scope key (element instance key) to the variables local to that scope. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Map<Long, Map<String, JsonNode>> variables = new LinkedHashMap<>();

  /** Scope key to gateway id to incoming flow id to the number of tokens waiting there. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Map<Long, Map<String, Map<String, Integer>>> joins = new LinkedHashMap<>();

  boolean awaitingResult;

  /** Element instances that have open message subscriptions or timers. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  java.util.Set<Long> eventOwners = new java.util.LinkedHashSet<>();

  /** Set when a message with a correlation key started this instance. */
  String messageStartCorrelationKey;

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<String> fetchVariables = new ArrayList<>();

  @JsonIgnore private Map<Long, ElementInstance> byKey;

  public long processInstanceKey() {
    return processInstanceKey;
  }

  /** Started by a message with this (non-empty) correlation key: one such instance at a time. */
  public void startedByMessage(String correlationKey) {
    messageStartCorrelationKey = correlationKey;
  }

  /** Started by a call activity of another instance. */
  void calledBy(long parentInstanceKey, long callActivityInstanceKey) {
    parentProcessInstanceKey = parentInstanceKey;
    parentElementInstanceKey = callActivityInstanceKey;
  }

  /** A client waits for the instance's completion, for these variables (empty: all). */
  void awaitResult(List<String> variables) {
    awaitingResult = true;
    fetchVariables.addAll(variables);
  }

  private Map<Long, ElementInstance> index() {
    if (byKey == null) {
      byKey = new LinkedHashMap<>();
      for (ElementInstance element : elements) {
        byKey.put(element.key, element);
      }
    }
    return byKey;
  }

  public ElementInstance element(long key) {
    return index().get(key);
  }

  void add(ElementInstance element) {
    elements.add(element);
    index().put(element.key, element);
  }

  void remove(ElementInstance element) {
    elements.remove(element);
    index().remove(element.key);
    variables.remove(element.key);
    joins.remove(element.key);
  }

  List<ElementInstance> children(long scopeKey) {
    var children = new ArrayList<ElementInstance>();
    for (ElementInstance element : elements) {
      if (element.parentKey == scopeKey && element.key != scopeKey) {
        children.add(element);
      }
    }
    return children;
  }

  public boolean isEmpty() {
    return elements.isEmpty();
  }

  /** The value of a variable as seen from a scope: the innermost scope that has it wins. */
  public JsonNode lookup(long scopeKey, String name) {
    long current = scopeKey;
    while (current != 0) {
      Map<String, JsonNode> local = variables.get(current);
      if (local != null) {
        JsonNode value = local.get(name);
        if (value != null) {
          return value;
        }
      }
      ElementInstance element = element(current);
      current = element == null ? 0 : element.parentKey;
    }
    return null;
  }

  public Function<String, JsonNode> visibleFrom(long scopeKey) {
    return name -> lookup(scopeKey, name);
  }

  /** All variables visible from a scope, outer scopes first so inner ones shadow them. */
  public Map<String, JsonNode> allVisible(long scopeKey) {
    var chain = new ArrayList<Long>();
    long current = scopeKey;
    while (current != 0) {
      chain.add(current);
      ElementInstance element = element(current);
      current = element == null ? 0 : element.parentKey;
    }
    var result = new LinkedHashMap<String, JsonNode>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      Map<String, JsonNode> local = variables.get(chain.get(i));
      if (local != null) {
        result.putAll(local);
      }
    }
    return result;
  }

  boolean hasWaitingTokens(long scopeKey) {
    var gateways = joins.get(scopeKey);
    if (gateways == null) {
      return false;
    }
    for (var flows : gateways.values()) {
      for (int count : flows.values()) {
        if (count > 0) {
          return true;
        }
      }
    }
    return false;
  }
}
