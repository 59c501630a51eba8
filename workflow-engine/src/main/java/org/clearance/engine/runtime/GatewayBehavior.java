package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clearance.engine.deployment.ElementKind;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.deployment.ExecutableFlow;
import org.clearance.engine.expression.EvaluationException;
import org.clearance.engine.expression.Feel;
import org.clearance.engine.runtime.ElementInstance.Step;

/**
 * Exclusive, inclusive and parallel gateways: which outgoing flows a forking gateway takes, and the
 * tokens a joining gateway waits for ({@link InstanceState#joins}, per scope, gateway and incoming
 * flow).
 */
final class GatewayBehavior {

  private final Execution execution;
  private final InstanceState state;

  GatewayBehavior(Execution execution) {
    this.execution = execution;
    this.state = execution.state;
  }

  /** An exclusive or inclusive gateway chooses its flows: the first (or every) true condition. */
  Outcome fork(ExecutableElement gateway, ElementInstance instance) {
    List<ExecutableFlow> flows;
    try {
      flows = chooseFlows(gateway, instance);
    } catch (EvaluationException e) {
      return Outcome.incident(instance, "CONDITION_ERROR", e.getMessage(), Step.ACTIVATE);
    }
    if (flows.isEmpty()) {
      return Outcome.incident(
          instance,
          "CONDITION_ERROR",
          "Expected at least one condition to evaluate to true, or to have a default flow",
          Step.ACTIVATE);
    }
    return new Outcome.Complete(Map.of(), flows);
  }

  private List<ExecutableFlow> chooseFlows(ExecutableElement gateway, ElementInstance instance) {
    Function<String, JsonNode> variables = state.visibleFrom(instance.key);
    if (gateway.outgoing().size() == 1 && gateway.outgoing().get(0).condition() == null) {
      return List.of(gateway.outgoing().get(0));
    }
    var taken = new ArrayList<ExecutableFlow>();
    for (ExecutableFlow flow : gateway.outgoing()) {
      if (flow == gateway.defaultFlow() || flow.condition() == null) {
        continue;
      }
      if (Feel.evaluateCondition(flow.condition(), variables)) {
        taken.add(flow);
        if (gateway.kind() == ElementKind.EXCLUSIVE_GATEWAY) {
          break;
        }
      }
    }
    if (taken.isEmpty() && gateway.defaultFlow() != null) {
      taken.add(gateway.defaultFlow());
    }
    return taken;
  }

  /** A token arrives at a joining gateway through a flow. */
  void arrive(ExecutableFlow flow, ElementInstance scope) {
    state
        .joins
        .computeIfAbsent(scope.key, k -> new LinkedHashMap<>())
        .computeIfAbsent(flow.target().id(), k -> new LinkedHashMap<>())
        .merge(flow.id(), 1, Integer::sum);
  }

  /**
   * Fires a joining gateway if it can: a parallel one once a token waits on every incoming flow, an
   * inclusive one once no token in its scope can still reach it. Firing consumes one token per
   * incoming flow.
   *
   * @return whether the gateway fires (the caller activates it)
   */
  boolean join(ExecutableElement gateway, ElementInstance scope) {
    if (state.element(scope.key) == null) {
      return false;
    }
    var gateways = state.joins.get(scope.key);
    Map<String, Integer> tokens = gateways == null ? null : gateways.get(gateway.id());
    if (tokens == null || tokens.isEmpty()) {
      return false;
    }
    if (gateway.kind() == ElementKind.PARALLEL_GATEWAY) {
      for (ExecutableFlow incoming : gateway.incoming()) {
        if (tokens.getOrDefault(incoming.id(), 0) < 1) {
          return false;
        }
      }
    } else if (!inclusiveJoinCanFire(gateway, scope)) {
      return false;
    }
    for (ExecutableFlow incoming : gateway.incoming()) {
      tokens.computeIfPresent(incoming.id(), (id, count) -> count > 1 ? count - 1 : null);
    }
    if (tokens.isEmpty()) {
      gateways.remove(gateway.id());
      if (gateways.isEmpty()) {
        state.joins.remove(scope.key);
      }
    }
    return true;
  }

  private boolean inclusiveJoinCanFire(ExecutableElement gateway, ElementInstance scope) {
    for (ElementInstance child : state.children(scope.key)) {
      if (gateway.upstream().contains(child.elementId)) {
        return false;
      }
    }
    var gateways = state.joins.get(scope.key);
    if (gateways != null) {
      for (var entry : gateways.entrySet()) {
        if (!entry.getKey().equals(gateway.id())
            && gateway.upstream().contains(entry.getKey())
            && entry.getValue().values().stream().anyMatch(count -> count > 0)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Inclusive gateways of a scope with waiting tokens: after a token moved, they may fire. */
  List<ExecutableElement> waitingInclusiveJoins(ElementInstance scope) {
    var gateways = state.joins.get(scope.key);
    if (gateways == null || state.element(scope.key) == null) {
      return List.of();
    }
    ExecutableElement scopeElement = execution.process.element(scope.elementId);
    var waiting = new ArrayList<ExecutableElement>();
    for (String gatewayId : List.copyOf(gateways.keySet())) {
      ExecutableElement gateway = execution.process.element(gatewayId);
      if (gateway.kind() == ElementKind.INCLUSIVE_GATEWAY && gateway.flowScope() == scopeElement) {
        waiting.add(gateway);
      }
    }
    return waiting;
  }

  /** The tokens of a scope are dropped (it was interrupted or terminated). */
  void clearTokens(ElementInstance scope) {
    state.joins.remove(scope.key);
  }
}
