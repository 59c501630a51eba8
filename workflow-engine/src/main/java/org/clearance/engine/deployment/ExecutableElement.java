package org.clearance.engine.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearance.engine.expression.Expression;

/**
 * A compiled BPMN element. One class for all kinds keeps the graph simple; fields that do not apply
 * to a kind stay empty. Instances are built by {@link BpmnCompiler} and never change after.
 */
public final class ExecutableElement {

  /** A zeebe:input or zeebe:output: a FEEL source and a (possibly dotted) target path. */
  public record Mapping(Expression source, String target) {}

  /**
   * Multi-instance loop characteristics (zeebe:loopCharacteristics); null for a plain activity.
   * outputCollection and outputElement are both null or both set.
   */
  public record MultiInstance(
      boolean sequential,
      Expression inputCollection,
      String inputElement,
      String outputCollection,
      Expression outputElement,
      Expression completionCondition) {}

  /**
   * A Camunda user task (zeebe:userTask): each attribute static or FEEL, null when the model leaves
   * it out (priority then defaults to 50).
   */
  public record UserTaskDefinition(
      String name,
      Expression assignee,
      Expression candidateGroups,
      Expression candidateUsers,
      Expression dueDate,
      Expression followUpDate,
      Expression priority,
      Expression externalFormReference,
      Map<String, String> customHeaders) {}

  final String id;
  final ElementKind kind;
  ExecutableElement flowScope;
  final List<ExecutableFlow> incoming = new ArrayList<>();
  final List<ExecutableFlow> outgoing = new ArrayList<>();
  ExecutableFlow defaultFlow;
  final List<Mapping> inputs = new ArrayList<>();
  final List<Mapping> outputs = new ArrayList<>();

  // jobs
  Expression jobType;
  Expression jobRetries;
  final Map<String, String> headers = new LinkedHashMap<>();

  /** Job-based user task headers whose values may be FEEL (assignee, candidate groups, ...). */
  final Map<String, Expression> userTaskHeaders = new LinkedHashMap<>();

  // Camunda user tasks
  UserTaskDefinition userTask;

  // script tasks
  Expression script;
  String resultVariable;

  // business rule tasks: the decision id (static or FEEL); the result goes to resultVariable
  Expression calledDecisionId;

  // call activities
  Expression calledProcessId;
  boolean propagateAllChildVariables = true;
  boolean propagateAllParentVariables = true;

  // multi-instance activities
  MultiInstance multiInstance;

  // errors: the code thrown by an error end event or caught by a catch event (null = catch all)
  String errorCode;

  // escalations: the code a throw event throws (static or FEEL); the code a catch event catches
  // (null = catch all) and whether catching interrupts
  Expression thrownEscalationCode;
  String escalationCode;
  boolean interruptingEscalation;

  /** Escalation boundary events of a sub-process or call activity. */
  final List<ExecutableElement> escalationBoundaryEvents = new ArrayList<>();

  /** Event sub-processes started by an escalation, and the start event of such a one. */
  final List<ExecutableElement> escalationEventSubProcesses = new ArrayList<>();

  ExecutableElement escalationStartEvent;

  // scopes
  ExecutableElement noneStartEvent;
  final List<ExecutableElement> eventSubProcesses = new ArrayList<>();
  ExecutableElement errorStartEvent;

  // activities
  final List<ExecutableElement> boundaryEvents = new ArrayList<>();
  ExecutableElement attachedTo;

  // messages and timers
  EventTrigger trigger;

  /** Message and timer boundary events (error boundary events are in boundaryEvents). */
  final List<ExecutableElement> eventBoundaryEvents = new ArrayList<>();

  /** Event sub-processes started by a message or timer (error ones are in eventSubProcesses). */
  final List<ExecutableElement> triggeredEventSubProcesses = new ArrayList<>();

  /** Message or timer start event of an event sub-process; message/timer start of a process. */
  ExecutableElement eventStartEvent;

  final List<ExecutableElement> processStartEvents = new ArrayList<>();

  /** For inclusive joins: elements of the same scope from which this gateway can be reached. */
  Set<String> upstream = Set.of();

  ExecutableElement(String id, ElementKind kind) {
    this.id = id;
    this.kind = kind;
  }

  public String id() {
    return id;
  }

  public ElementKind kind() {
    return kind;
  }

  public Expression thrownEscalationCode() {
    return thrownEscalationCode;
  }

  public String escalationCode() {
    return escalationCode;
  }

  public boolean interruptingEscalation() {
    return interruptingEscalation;
  }

  public List<ExecutableElement> escalationBoundaryEvents() {
    return escalationBoundaryEvents;
  }

  public List<ExecutableElement> escalationEventSubProcesses() {
    return escalationEventSubProcesses;
  }

  public ExecutableElement escalationStartEvent() {
    return escalationStartEvent;
  }

  public ExecutableElement flowScope() {
    return flowScope;
  }

  public List<ExecutableFlow> incoming() {
    return incoming;
  }

  public List<ExecutableFlow> outgoing() {
    return outgoing;
  }

  public ExecutableFlow defaultFlow() {
    return defaultFlow;
  }

  public List<Mapping> inputs() {
    return inputs;
  }

  public List<Mapping> outputs() {
    return outputs;
  }

  public Expression jobType() {
    return jobType;
  }

  public Expression jobRetries() {
    return jobRetries;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public Map<String, Expression> userTaskHeaders() {
    return userTaskHeaders;
  }

  public UserTaskDefinition userTask() {
    return userTask;
  }

  public Expression script() {
    return script;
  }

  public String resultVariable() {
    return resultVariable;
  }

  public Expression calledDecisionId() {
    return calledDecisionId;
  }

  public Expression calledProcessId() {
    return calledProcessId;
  }

  public boolean propagateAllChildVariables() {
    return propagateAllChildVariables;
  }

  public boolean propagateAllParentVariables() {
    return propagateAllParentVariables;
  }

  public MultiInstance multiInstance() {
    return multiInstance;
  }

  public String errorCode() {
    return errorCode;
  }

  public ExecutableElement noneStartEvent() {
    return noneStartEvent;
  }

  public List<ExecutableElement> eventSubProcesses() {
    return eventSubProcesses;
  }

  public ExecutableElement errorStartEvent() {
    return errorStartEvent;
  }

  public List<ExecutableElement> boundaryEvents() {
    return boundaryEvents;
  }

  public ExecutableElement attachedTo() {
    return attachedTo;
  }

  public EventTrigger trigger() {
    return trigger;
  }

  public List<ExecutableElement> eventBoundaryEvents() {
    return eventBoundaryEvents;
  }

  public List<ExecutableElement> triggeredEventSubProcesses() {
    return triggeredEventSubProcesses;
  }

  public ExecutableElement eventStartEvent() {
    return eventStartEvent;
  }

  /** Message and timer start events of a process (on the process element only). */
  public List<ExecutableElement> processStartEvents() {
    return processStartEvents;
  }

  /** Whether instances of this element wait for messages or timers while they are active. */
  public boolean hasEventSubscriptions() {
    return kind == ElementKind.INTERMEDIATE_CATCH_EVENT
        || kind == ElementKind.RECEIVE_TASK
        || !eventBoundaryEvents.isEmpty()
        || !triggeredEventSubProcesses.isEmpty()
        || kind == ElementKind.EVENT_BASED_GATEWAY;
  }

  public Set<String> upstream() {
    return upstream;
  }

  public boolean isJoin() {
    return incoming.size() > 1
        && (kind == ElementKind.PARALLEL_GATEWAY || kind == ElementKind.INCLUSIVE_GATEWAY);
  }

  @Override
  public String toString() {
    return kind + "[" + id + "]";
  }
}
