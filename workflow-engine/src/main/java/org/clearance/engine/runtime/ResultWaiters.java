package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Requests of CreateProcessInstanceWithResult waiting in this replica for their instance. */
@ApplicationScoped
public class ResultWaiters {

  private final Map<Long, CompletableFuture<Map<String, JsonNode>>> waiting =
      new ConcurrentHashMap<>();

  public CompletableFuture<Map<String, JsonNode>> register(long processInstanceKey) {
    var future = new CompletableFuture<Map<String, JsonNode>>();
    waiting.put(processInstanceKey, future);
    return future;
  }

  public boolean isWaiting(long processInstanceKey) {
    return waiting.containsKey(processInstanceKey);
  }

  public void complete(long processInstanceKey, Map<String, JsonNode> variables) {
    var future = waiting.remove(processInstanceKey);
    if (future != null) {
      future.complete(variables);
    }
  }

  public void forget(long processInstanceKey) {
    waiting.remove(processInstanceKey);
  }
}
