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

  /** A multi-instance body; its children are the inner instances of the same element. */
  public boolean multiInstanceBody;

  /** Inner instance: its 1-based loop counter. Body: how many inner instances were created. */
  public int loopCounter;

  /** Body: the input collection, kept to activate the next item of a sequential loop. */
  public JsonNode loopItems;

  /** Body: counters the completion condition sees. */
  public int numberOfInstances;

  public int completedInstances;
  public int terminatedInstances;

  /** Call activity: the key of the process instance it started. */
  public long calledProcessInstanceKey;

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
