package org.clearance.api.sla.service;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clearance.api.sla.domain.SlaStage;

/**
 * When each stage of a case is due, counted from submission with the stages' targets one after
 * another, and how long a request for information may stay unanswered.
 */
public record SlaPlan(Map<SlaStage, Instant> dueAt, String requestForInformationTimeout) {

  public SlaPlan {
    dueAt = Map.copyOf(new EnumMap<>(dueAt));
  }

  public Instant dueAt(SlaStage stage) {
    return dueAt.get(stage);
  }

  /**
   * The plan as process variables: each stage's due time as an ISO-8601 instant (read by the BPMN's
   * timers and task due dates) and {@code rfiTimeout} as an ISO-8601 duration.
   */
  public Map<String, Object> toProcessVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (SlaStage stage : SlaStage.values()) {
      variables.put(stage.processVariable(), dueAt.get(stage).toString());
    }
    variables.put("rfiTimeout", requestForInformationTimeout);
    return variables;
  }
}
