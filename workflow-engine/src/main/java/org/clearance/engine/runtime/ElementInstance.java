package org.clearance.engine.runtime;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A node of the element-instance tree, stored inside the instance document. Its fields are read
 * anywhere in {@code runtime} and changed only through the intention-named methods below; other
 * packages read it through the accessors.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE,
    setterVisibility = JsonAutoDetect.Visibility.NONE)
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

  long key;
  String elementId;

  /** Key of the flow scope instance; 0 for the process instance itself. */
  long parentKey;

  State state = State.ACTIVATING;
  long jobKey;

  /** A Camunda user task: the key of its open task. */
  long userTaskKey;

  long incidentKey;
  Step pendingStep = Step.NONE;

  /** A multi-instance body; its children are the inner instances of the same element. */
  boolean multiInstanceBody;

  /** Inner instance: its 1-based loop counter. Body: how many inner instances were created. */
  int loopCounter;

  /** Body: the input collection, kept to activate the next item of a sequential loop. */
  JsonNode loopItems;

  /** Body: counters the completion condition sees. */
  int numberOfInstances;

  int completedInstances;
  int terminatedInstances;

  /** Call activity: the key of the process instance it started. */
  long calledProcessInstanceKey;

  /** Variables an event brings (a thrown error): merged when the catching element completes. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Map<String, JsonNode> eventVariables;

  ElementInstance() {}

  ElementInstance(long key, String elementId, long parentKey) {
    this.key = key;
    this.elementId = elementId;
    this.parentKey = parentKey;
  }

  // ---------------------------------------------------------------- reading

  public long key() {
    return key;
  }

  public String elementId() {
    return elementId;
  }

  public long incidentKey() {
    return incidentKey;
  }

  public long jobKey() {
    return jobKey;
  }

  public long userTaskKey() {
    return userTaskKey;
  }

  public State state() {
    return state;
  }

  // ---------------------------------------------------------------- lifecycle

  void activated() {
    state = State.ACTIVATED;
  }

  /**
   * @return whether the element just started completing (false if it already was)
   */
  boolean completing() {
    if (state == State.COMPLETING) {
      return false;
    }
    state = State.COMPLETING;
    return true;
  }

  /**
   * Activated by an event that already happened (a boundary event, an error, a gateway's event).
   */
  void triggeredBy(Map<String, JsonNode> variables) {
    eventVariables = variables;
  }

  boolean wasTriggered() {
    return eventVariables != null;
  }

  /** The variables the triggering event brought (null if none triggered it); clears them. */
  Map<String, JsonNode> takeEventVariables() {
    Map<String, JsonNode> variables = eventVariables;
    eventVariables = null;
    return variables;
  }

  // ---------------------------------------------------------------- jobs and incidents

  void waitForJob(long key) {
    jobKey = key;
  }

  void jobDone() {
    jobKey = 0;
  }

  void waitForUserTask(long key) {
    userTaskKey = key;
  }

  void userTaskDone() {
    userTaskKey = 0;
  }

  void raisedIncident(long key, Step step) {
    state = State.INCIDENT;
    incidentKey = key;
    pendingStep = step;
  }

  /**
   * The incident is resolved; a job incident leaves the element waiting for its job again.
   *
   * @return the step to run again
   */
  Step incidentResolved() {
    Step step = pendingStep;
    pendingStep = Step.NONE;
    incidentKey = 0;
    state =
        switch (step) {
          case ACTIVATE -> State.ACTIVATING;
          default -> step == Step.COMPLETE ? state : State.ACTIVATED;
        };
    return step;
  }

  // ---------------------------------------------------------------- multi-instance, call activity

  void markMultiInstanceBody() {
    multiInstanceBody = true;
  }

  /**
   * A body starts with this many items; a sequential one keeps them for the next inner instance.
   */
  void bodyStarted(int items, JsonNode sequentialItems) {
    numberOfInstances = items;
    loopItems = sequentialItems;
  }

  /** This inner instance is the body's next one. */
  void innerOf(ElementInstance body) {
    loopCounter = ++body.loopCounter;
  }

  void innerCompleted() {
    completedInstances++;
  }

  void innerTerminated() {
    terminatedInstances++;
  }

  void calledInstance(long processInstanceKey) {
    calledProcessInstanceKey = processInstanceKey;
  }
}
