package org.clearance.engine.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A node of the element-instance tree, stored inside the instance document. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public final class ElementInstance {

  public enum State {
    ACTIVATING,
    ACTIVATED,
    COMPLETING,
    INCIDENT
  }

  /** What to run again when an incident on this element is resolved. */
  public enum Step {
    NONE,
    ACTIVATE,
    COMPLETE,
    JOB
  }

  public long key;
  public String elementId;

  /** Key of the flow scope instance; 0 for the process instance itself. */
  public long parentKey;

  public State state = State.ACTIVATING;
  public long jobKey;
  public long incidentKey;
  public Step pendingStep = Step.NONE;

  /** Variables an event brings (a thrown error): merged when the catching element completes. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public Map<String, JsonNode> eventVariables;

  public ElementInstance() {}

  ElementInstance(long key, String elementId, long parentKey) {
    this.key = key;
    this.elementId = elementId;
    this.parentKey = parentKey;
  }
}
