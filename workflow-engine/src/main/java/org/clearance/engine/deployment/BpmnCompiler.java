package org.clearance.engine.deployment;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearance.engine.command.Tenants;
import org.clearance.engine.expression.Expression;
import org.clearance.engine.expression.Feel;
import org.clearance.engine.expression.InvalidExpressionException;
import org.clearance.engine.timer.TimerSpec;

/**
 * Parses a BPMN resource with zeebe-bpmn-model, checks that every element is one the engine can
 * run, and compiles each executable process into an immutable graph with pre-parsed FEEL. Anything
 * unsupported is reported with the element id; nothing is silently ignored.
 */
public final class BpmnCompiler {

  public static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";
  static final String HEADER_PREFIX = "io.camunda.zeebe:";

  /** The compiled processes of one resource, before keys and versions are assigned. */
  public record CompiledResource(List<ExecutableProcess> processes) {}

  private final String resourceName;
  private final List<String> problems = new ArrayList<>();

  private BpmnCompiler(String resourceName) {
    this.resourceName = resourceName;
  }

  /**
   * Compiles a resource.
   *
   * @throws InvalidModelException listing every problem found
   */
  public static CompiledResource compile(String resourceName, byte[] content) {
    return new BpmnCompiler(resourceName).run(content);
  }

  private CompiledResource run(byte[] content) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      throw new InvalidModelException(
          "'%s': the resource is not a valid BPMN model: %s"
              .formatted(resourceName, rootMessage(e)));
    }
    var processes = new ArrayList<ExecutableProcess>();
    Collection<Process> definitions = model.getModelElementsByType(Process.class);
    for (Process process : definitions) {
      if (!process.isExecutable()) {
        continue;
      }
      var root = new ExecutableElement(process.getId(), ElementKind.PROCESS);
      var elements = new LinkedHashMap<String, ExecutableElement>();
      elements.put(root.id, root);
      compileScope(process.getFlowElements(), root, elements, process.getId());
      if (root.noneStartEvent == null && root.processStartEvents.isEmpty()) {
        problem(process, "Must have at least one none, message or timer start event");
      }
      processes.add(
          new ExecutableProcess(
              0,
              process.getId(),
              0,
              resourceName,
              root,
              Map.copyOf(elements),
              Tenants.DEFAULT_TENANT));
    }
    if (processes.isEmpty() && problems.isEmpty()) {
      problems.add("- Must contain at least one executable process");
    }
    if (!problems.isEmpty()) {
      throw new InvalidModelException(
          "'%s':\n%s".formatted(resourceName, String.join("\n", problems)));
    }
    return new CompiledResource(processes);
  }

  private void compileScope(
      Collection<FlowElement> flowElements,
      ExecutableElement scope,
      Map<String, ExecutableElement> elements,
      String processId) {
    var flows = new ArrayList<SequenceFlow>();
    var boundaries = new ArrayList<BoundaryEvent>();
    for (FlowElement element : flowElements) {
      if (element instanceof SequenceFlow flow) {
        flows.add(flow);
        continue;
      }
      if (element instanceof BoundaryEvent boundary) {
        boundaries.add(boundary);
        continue;
      }
      ExecutableElement compiled = compileElement(element, scope);
      if (compiled == null) {
        continue;
      }
      if (elements.putIfAbsent(compiled.id, compiled) != null) {
        problem(element, "Duplicate element id");
      }
      compiled.flowScope = scope;
      if (compiled.kind == ElementKind.SUB_PROCESS
          || compiled.kind == ElementKind.EVENT_SUB_PROCESS) {
        compileScope(((SubProcess) element).getFlowElements(), compiled, elements, processId);
        if (compiled.kind == ElementKind.SUB_PROCESS && compiled.noneStartEvent == null) {
          problem(element, "Must have exactly one none start event");
        }
        if (compiled.kind == ElementKind.EVENT_SUB_PROCESS) {
          if (compiled.errorStartEvent != null) {
            scope.eventSubProcesses.add(compiled);
          } else if (compiled.eventStartEvent != null) {
            scope.triggeredEventSubProcesses.add(compiled);
          } else {
            problem(
                element, "Event sub-processes must have one error, message or timer start event");
          }
        }
      }
    }
    for (BoundaryEvent boundary : boundaries) {
      ExecutableElement compiled = compileBoundary(boundary, elements);
      if (compiled != null) {
        compiled.flowScope = scope;
        elements.put(compiled.id, compiled);
      }
    }
    for (SequenceFlow flow : flows) {
      compileFlow(flow, elements);
    }
    for (ExecutableElement element : List.copyOf(elements.values())) {
      if (element.flowScope == scope) {
        validateFlows(element, flowElements);
      }
    }
    for (ExecutableElement element : List.copyOf(elements.values())) {
      if (element.flowScope == scope
          && element.kind == ElementKind.INCLUSIVE_GATEWAY
          && element.isJoin()) {
        element.upstream = upstreamOf(element);
      }
    }
  }

  private ExecutableElement compileElement(FlowElement element, ExecutableElement scope) {
    String type = element.getElementType().getTypeName();
    return switch (type) {
      case "startEvent" -> compileStartEvent((StartEvent) element, scope);
      case "endEvent" -> compileEndEvent((Event) element);
      case "intermediateThrowEvent" -> {
        Collection<EventDefinition> definitions =
            ((Event) element).getChildElementsByType(EventDefinition.class);
        if (isMessageEvent(definitions)) {
          // As in Zeebe: a message throw event is implemented by a job worker
          // (zeebe:taskDefinition)
          yield compileJobTask(element, false);
        }
        if (!definitions.isEmpty()) {
          unsupported(
              element, "intermediate throw events of type '" + definitionName(definitions) + "'");
          yield null;
        }
        yield withMappings(
            element,
            new ExecutableElement(element.getId(), ElementKind.NONE_INTERMEDIATE_THROW_EVENT));
      }
      case "intermediateCatchEvent" -> compileIntermediateCatchEvent((Event) element);
      case "receiveTask" -> compileReceiveTask((ReceiveTask) element);
      case "eventBasedGateway" -> gateway(element, ElementKind.EVENT_BASED_GATEWAY);
      case "serviceTask", "sendTask" -> compileJobTask(element, false);
      case "userTask" -> compileUserTask(element);
      case "scriptTask" -> compileScriptTask(element);
      case "businessRuleTask" -> {
        if (element.getSingleExtensionElement(ZeebeTaskDefinition.class) != null) {
          yield compileJobTask(element, false);
        }
        yield compileBusinessRuleTask(element);
      }
      case "callActivity" -> compileCallActivity(element);
      case "manualTask", "task" ->
          withMappings(element, activity(element, ElementKind.PASS_THROUGH_TASK));
      case "exclusiveGateway" -> gateway(element, ElementKind.EXCLUSIVE_GATEWAY);
      case "parallelGateway" -> gateway(element, ElementKind.PARALLEL_GATEWAY);
      case "inclusiveGateway" -> gateway(element, ElementKind.INCLUSIVE_GATEWAY);
      case "subProcess" -> {
        SubProcess subProcess = (SubProcess) element;
        if (subProcess.triggeredByEvent()) {
          yield withMappings(
              element, new ExecutableElement(element.getId(), ElementKind.EVENT_SUB_PROCESS));
        }
        yield withMappings(element, activity(element, ElementKind.SUB_PROCESS));
      }
      default -> {
        unsupported(element, "the element type '" + type + "'");
        yield null;
      }
    };
  }

  private ExecutableElement compileStartEvent(StartEvent event, ExecutableElement scope) {
    Collection<EventDefinition> definitions = event.getEventDefinitions();
    if (definitions.isEmpty()) {
      if (scope.kind == ElementKind.EVENT_SUB_PROCESS) {
        problem(event, "Start events of event sub-processes must have an event definition");
        return null;
      }
      if (scope.noneStartEvent != null) {
        problem(event, "Multiple none start events are not allowed in one scope");
        return null;
      }
      var start =
          withMappings(event, new ExecutableElement(event.getId(), ElementKind.NONE_START_EVENT));
      scope.noneStartEvent = start;
      return start;
    }
    if (definitions.size() == 1
        && (definitions.iterator().next() instanceof MessageEventDefinition
            || definitions.iterator().next() instanceof TimerEventDefinition)
        && scope.kind != ElementKind.SUB_PROCESS) {
      return compileTriggeredStartEvent(event, definitions.iterator().next(), scope);
    }
    if (definitions.size() == 1
        && definitions.iterator().next() instanceof ErrorEventDefinition error
        && scope.kind == ElementKind.EVENT_SUB_PROCESS) {
      var start =
          withMappings(event, new ExecutableElement(event.getId(), ElementKind.ERROR_START_EVENT));
      start.errorCode = errorCode(error);
      scope.errorStartEvent = start;
      return start;
    }
    unsupported(event, "start events of type '" + definitionName(definitions) + "' in this scope");
    return null;
  }

  private ExecutableElement compileTriggeredStartEvent(
      StartEvent event, EventDefinition definition, ExecutableElement scope) {
    boolean message = definition instanceof MessageEventDefinition;
    boolean inEventSubProcess = scope.kind == ElementKind.EVENT_SUB_PROCESS;
    var start =
        withMappings(
            event,
            new ExecutableElement(
                event.getId(),
                message ? ElementKind.MESSAGE_START_EVENT : ElementKind.TIMER_START_EVENT));
    start.trigger = trigger(event, definition, event.isInterrupting(), inEventSubProcess);
    if (inEventSubProcess) {
      if (scope.eventStartEvent != null || scope.errorStartEvent != null) {
        problem(event, "Event sub-processes must have exactly one start event");
        return null;
      }
      scope.eventStartEvent = start;
    } else {
      if (start.trigger != null && message) {
        for (ExecutableElement other : scope.processStartEvents) {
          if (other.trigger != null
              && other.trigger.isMessage()
              && String.valueOf(other.trigger.messageName())
                  .equals(String.valueOf(start.trigger.messageName()))) {
            problem(event, "Message start events of a process must have distinct message names");
          }
        }
        if (start.trigger.messageName() != null && !start.trigger.messageName().isStatic()) {
          problem(event, "The message name of a message start event must be static");
        }
      }
      if (start.trigger != null
          && !message
          && start.trigger.timer() != null
          && !start.trigger.timer().isStatic()) {
        // evaluated without variables at deployment, as Zeebe does
        try {
          TimerSpec.evaluate(
              start.trigger.timerKind(),
              Feel.evaluateString(start.trigger.timer(), name -> null),
              System.currentTimeMillis());
        } catch (RuntimeException e) {
          problem(event, "Timer start event expression cannot be evaluated: " + e.getMessage());
        }
      }
      scope.processStartEvents.add(start);
    }
    return start;
  }

  private ExecutableElement compileIntermediateCatchEvent(Event event) {
    Collection<EventDefinition> definitions = event.getChildElementsByType(EventDefinition.class);
    EventDefinition definition = definitions.size() == 1 ? definitions.iterator().next() : null;
    if (!(definition instanceof MessageEventDefinition)
        && !(definition instanceof TimerEventDefinition)) {
      unsupported(event, "intermediate catch events of type '" + definitionName(definitions) + "'");
      return null;
    }
    var compiled =
        withMappings(
            event, new ExecutableElement(event.getId(), ElementKind.INTERMEDIATE_CATCH_EVENT));
    compiled.trigger = trigger(event, definition, true, true);
    if (compiled.trigger != null && compiled.trigger.timerKind() == EventTrigger.TimerKind.CYCLE) {
      problem(event, "Intermediate timer catch events must have a time duration or date");
    }
    return compiled;
  }

  private ExecutableElement compileReceiveTask(ReceiveTask task) {
    var compiled = withMappings(task, activity(task, ElementKind.RECEIVE_TASK));
    compiled.trigger = messageTrigger(task, task.getMessage(), true, true);
    return compiled;
  }

  /** Compiles a message or timer event definition; reports problems and returns null on error. */
  private EventTrigger trigger(
      BaseElement element,
      EventDefinition definition,
      boolean interrupting,
      boolean needsCorrelationKey) {
    if (definition instanceof MessageEventDefinition message) {
      return messageTrigger(element, message.getMessage(), interrupting, needsCorrelationKey);
    }
    TimerEventDefinition timer = (TimerEventDefinition) definition;
    EventTrigger.TimerKind kind;
    String text;
    if (timer.getTimeDuration() != null) {
      kind = EventTrigger.TimerKind.DURATION;
      text = timer.getTimeDuration().getTextContent();
    } else if (timer.getTimeDate() != null) {
      kind = EventTrigger.TimerKind.DATE;
      text = timer.getTimeDate().getTextContent();
    } else if (timer.getTimeCycle() != null) {
      kind = EventTrigger.TimerKind.CYCLE;
      text = timer.getTimeCycle().getTextContent();
    } else {
      problem(element, "Timer event definitions must have a time duration, date or cycle");
      return null;
    }
    if (text == null || text.isBlank()) {
      problem(element, "The timer definition must not be empty");
      return null;
    }
    Expression expression = expression(element, text.trim(), false);
    if (expression == null) {
      return null;
    }
    if (expression.isStatic()) {
      try {
        TimerSpec.evaluate(kind, expression.text(), System.currentTimeMillis());
      } catch (IllegalArgumentException e) {
        problem(element, e.getMessage());
        return null;
      }
    }
    return EventTrigger.timer(kind, expression, interrupting);
  }

  private EventTrigger messageTrigger(
      BaseElement element, Message message, boolean interrupting, boolean needsCorrelationKey) {
    if (message == null || message.getName() == null || message.getName().isBlank()) {
      problem(element, "Must reference a message with a name");
      return null;
    }
    Expression name = expression(element, message.getName(), false);
    Expression correlationKey = null;
    ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
    if (needsCorrelationKey) {
      if (subscription == null
          || subscription.getCorrelationKey() == null
          || subscription.getCorrelationKey().isBlank()) {
        problem(element, "Must have a message with a 'zeebe:subscription' and a correlation key");
        return null;
      }
      correlationKey = expression(element, subscription.getCorrelationKey().trim(), false);
    }
    if (name == null || (needsCorrelationKey && correlationKey == null)) {
      return null;
    }
    return EventTrigger.message(name, correlationKey, interrupting);
  }

  private ExecutableElement compileEndEvent(Event event) {
    Collection<EventDefinition> definitions = event.getChildElementsByType(EventDefinition.class);
    if (definitions.isEmpty()) {
      return withMappings(event, new ExecutableElement(event.getId(), ElementKind.NONE_END_EVENT));
    }
    EventDefinition definition = definitions.iterator().next();
    if (isMessageEvent(definitions)) {
      // As in Zeebe: a message end event is implemented by a job worker; the scope ends after it
      return compileJobTask(event, false);
    }
    if (definitions.size() == 1 && definition instanceof TerminateEventDefinition) {
      return new ExecutableElement(event.getId(), ElementKind.TERMINATE_END_EVENT);
    }
    if (definitions.size() == 1 && definition instanceof ErrorEventDefinition error) {
      var end =
          withMappings(event, new ExecutableElement(event.getId(), ElementKind.ERROR_END_EVENT));
      end.errorCode = errorCode(error);
      if (end.errorCode == null || end.errorCode.isBlank()) {
        problem(event, "ErrorEventDefinition must reference an error with an errorCode");
      }
      return end;
    }
    unsupported(event, "end events of type '" + definitionName(definitions) + "'");
    return null;
  }

  private ExecutableElement compileBoundary(
      BoundaryEvent boundary, Map<String, ExecutableElement> elements) {
    Collection<EventDefinition> definitions = boundary.getEventDefinitions();
    if (definitions.size() == 1
        && (definitions.iterator().next() instanceof MessageEventDefinition
            || definitions.iterator().next() instanceof TimerEventDefinition)) {
      return compileEventBoundary(boundary, definitions.iterator().next(), elements);
    }
    if (definitions.size() != 1
        || !(definitions.iterator().next() instanceof ErrorEventDefinition error)) {
      unsupported(boundary, "boundary events of type '" + definitionName(definitions) + "'");
      return null;
    }
    Activity attachedTo = boundary.getAttachedTo();
    ExecutableElement activity = attachedTo == null ? null : elements.get(attachedTo.getId());
    if (activity == null) {
      problem(boundary, "Must be attached to a supported activity");
      return null;
    }
    var compiled =
        withMappings(
            boundary, new ExecutableElement(boundary.getId(), ElementKind.ERROR_BOUNDARY_EVENT));
    compiled.errorCode = errorCode(error);
    compiled.attachedTo = activity;
    activity.boundaryEvents.add(compiled);
    return compiled;
  }

  private ExecutableElement compileEventBoundary(
      BoundaryEvent boundary, EventDefinition definition, Map<String, ExecutableElement> elements) {
    Activity attachedTo = boundary.getAttachedTo();
    ExecutableElement activity = attachedTo == null ? null : elements.get(attachedTo.getId());
    if (activity == null) {
      problem(boundary, "Must be attached to a supported activity");
      return null;
    }
    var compiled =
        withMappings(
            boundary, new ExecutableElement(boundary.getId(), ElementKind.EVENT_BOUNDARY_EVENT));
    compiled.trigger = trigger(boundary, definition, boundary.cancelActivity(), true);
    compiled.attachedTo = activity;
    activity.eventBoundaryEvents.add(compiled);
    return compiled;
  }

  private ExecutableElement compileJobTask(FlowElement element, boolean userTask) {
    var task = withMappings(element, activity(element, ElementKind.JOB_TASK));
    ZeebeTaskDefinition definition = element.getSingleExtensionElement(ZeebeTaskDefinition.class);
    if (userTask) {
      task.jobType = Expression.staticValue(USER_TASK_JOB_TYPE);
      task.jobRetries = Expression.staticValue("3");
    } else if (definition == null
        || definition.getType() == null
        || definition.getType().isBlank()) {
      problem(
          element,
          "Must have exactly one 'zeebe:taskDefinition' extension element with a job type");
      return task;
    } else {
      task.jobType = expression(element, definition.getType(), false);
      String retries = definition.getRetries();
      task.jobRetries =
          expression(element, retries == null || retries.isBlank() ? "3" : retries, false);
      if (task.jobRetries != null && task.jobRetries.isStatic()) {
        try {
          Integer.parseInt(task.jobRetries.text().trim());
        } catch (NumberFormatException e) {
          problem(
              element, "Job retries must be a number or an expression, but was '" + retries + "'");
        }
      }
    }
    ZeebeTaskHeaders headers = element.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (headers != null) {
      headers.getHeaders().forEach(header -> task.headers.put(header.getKey(), header.getValue()));
    }
    return task;
  }

  private ExecutableElement compileUserTask(FlowElement element) {
    if (element.getSingleExtensionElement(ZeebeUserTask.class) != null) {
      problem(
          element,
          "Camunda user tasks (zeebe:userTask) are not supported; remove zeebe:userTask to use a job-based user task");
      return null;
    }
    var task = compileJobTask(element, true);
    ZeebeAssignmentDefinition assignment =
        element.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    if (assignment != null) {
      userTaskHeader(element, task, "assignee", assignment.getAssignee());
      userTaskHeader(element, task, "candidateGroups", assignment.getCandidateGroups());
      userTaskHeader(element, task, "candidateUsers", assignment.getCandidateUsers());
    }
    ZeebeTaskSchedule schedule = element.getSingleExtensionElement(ZeebeTaskSchedule.class);
    if (schedule != null) {
      userTaskHeader(element, task, "dueDate", schedule.getDueDate());
      userTaskHeader(element, task, "followUpDate", schedule.getFollowUpDate());
    }
    ZeebeFormDefinition form = element.getSingleExtensionElement(ZeebeFormDefinition.class);
    if (form != null && form.getFormKey() != null && !form.getFormKey().isBlank()) {
      userTaskHeader(element, task, "formKey", form.getFormKey());
    }
    return task;
  }

  private void userTaskHeader(
      FlowElement element, ExecutableElement task, String name, String value) {
    if (value != null && !value.isBlank()) {
      Expression expression = expression(element, value, false);
      if (expression != null) {
        task.userTaskHeaders.put(HEADER_PREFIX + name, expression);
      }
    }
  }

  private ExecutableElement compileScriptTask(FlowElement element) {
    if (element.getSingleExtensionElement(ZeebeTaskDefinition.class) != null) {
      return compileJobTask(element, false);
    }
    ZeebeScript script = element.getSingleExtensionElement(ZeebeScript.class);
    if (script == null
        || script.getExpression() == null
        || script.getResultVariable() == null
        || script.getResultVariable().isBlank()) {
      problem(
          element,
          "Must have either a 'zeebe:script' with expression and resultVariable, or a 'zeebe:taskDefinition'");
      return null;
    }
    var task = withMappings(element, activity(element, ElementKind.SCRIPT_TASK));
    task.script = expression(element, script.getExpression(), true);
    task.resultVariable = script.getResultVariable();
    return task;
  }

  private ExecutableElement compileBusinessRuleTask(FlowElement element) {
    ZeebeCalledDecision called = element.getSingleExtensionElement(ZeebeCalledDecision.class);
    if (called == null
        || called.getDecisionId() == null
        || called.getDecisionId().isBlank()
        || called.getResultVariable() == null
        || called.getResultVariable().isBlank()) {
      problem(
          element,
          "Must have either a 'zeebe:calledDecision' with decisionId and resultVariable, or a 'zeebe:taskDefinition'");
      return null;
    }
    if (called.getBindingType() != null && called.getBindingType() != ZeebeBindingType.latest) {
      unsupported(element, "the binding type '" + called.getBindingType() + "'");
    }
    var task = withMappings(element, activity(element, ElementKind.BUSINESS_RULE_TASK));
    task.calledDecisionId = expression(element, called.getDecisionId().trim(), false);
    task.resultVariable = called.getResultVariable().trim();
    return task;
  }

  private ExecutableElement compileCallActivity(FlowElement element) {
    ZeebeCalledElement called = element.getSingleExtensionElement(ZeebeCalledElement.class);
    if (called == null || called.getProcessId() == null || called.getProcessId().isBlank()) {
      problem(element, "Must have a 'zeebe:calledElement' with a processId");
      return null;
    }
    if (called.getBindingType() != null && called.getBindingType() != ZeebeBindingType.latest) {
      unsupported(element, "the binding type '" + called.getBindingType() + "'");
    }
    var call = withMappings(element, activity(element, ElementKind.CALL_ACTIVITY));
    call.calledProcessId = expression(element, called.getProcessId().trim(), false);
    call.propagateAllChildVariables = called.isPropagateAllChildVariablesEnabled();
    call.propagateAllParentVariables = called.isPropagateAllParentVariablesEnabled();
    return call;
  }

  private ExecutableElement.MultiInstance multiInstance(
      FlowElement element, MultiInstanceLoopCharacteristics loop) {
    ZeebeLoopCharacteristics zeebe = loop.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
    if (zeebe == null
        || zeebe.getInputCollection() == null
        || zeebe.getInputCollection().isBlank()) {
      problem(
          element,
          "Multi-instance activities must have a 'zeebe:loopCharacteristics' with an inputCollection");
      return null;
    }
    String outputCollection = blankToNull(zeebe.getOutputCollection());
    String outputElement = blankToNull(zeebe.getOutputElement());
    if ((outputCollection == null) != (outputElement == null)) {
      problem(
          element,
          "The multi-instance outputCollection and outputElement must be defined together");
      return null;
    }
    String condition =
        loop.getCompletionCondition() == null
            ? null
            : blankToNull(loop.getCompletionCondition().getTextContent());
    return new ExecutableElement.MultiInstance(
        loop.isSequential(),
        expression(element, zeebe.getInputCollection().trim(), true),
        blankToNull(zeebe.getInputElement()),
        outputCollection,
        outputElement == null ? null : expression(element, outputElement, true),
        condition == null ? null : expression(element, condition, true));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private ExecutableElement gateway(FlowElement element, ElementKind kind) {
    var gateway = new ExecutableElement(element.getId(), kind);
    if (element.getSingleExtensionElement(ZeebeIoMapping.class) != null) {
      problem(element, "Gateways cannot have input or output mappings");
    }
    return gateway;
  }

  private ExecutableElement activity(FlowElement element, ElementKind kind) {
    var compiled = new ExecutableElement(element.getId(), kind);
    if (element instanceof Activity activity && activity.getLoopCharacteristics() != null) {
      if (activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop) {
        compiled.multiInstance = multiInstance(element, loop);
      } else {
        unsupported(element, "standard loop characteristics");
      }
    }
    return compiled;
  }

  private ExecutableElement withMappings(FlowElement element, ExecutableElement compiled) {
    ZeebeIoMapping mapping = element.getSingleExtensionElement(ZeebeIoMapping.class);
    if (mapping == null) {
      return compiled;
    }
    mapping
        .getInputs()
        .forEach(input -> mapping(element, input.getSource(), input.getTarget(), compiled.inputs));
    mapping
        .getOutputs()
        .forEach(
            output -> mapping(element, output.getSource(), output.getTarget(), compiled.outputs));
    return compiled;
  }

  private void mapping(
      FlowElement element, String source, String target, List<ExecutableElement.Mapping> into) {
    if (target == null || target.isBlank() || source == null || source.isBlank()) {
      problem(element, "Mappings must have a source and a target");
      return;
    }
    // As in Zeebe, a source without the '=' prefix is a literal string (connector templates write
    // URLs, e-mail addresses and {{secrets.NAME}} placeholders that way), not FEEL.
    Expression expression = expression(element, source, false);
    if (expression != null) {
      into.add(new ExecutableElement.Mapping(expression, target.trim()));
    }
  }

  private void compileFlow(SequenceFlow flow, Map<String, ExecutableElement> elements) {
    ExecutableElement source = elements.get(flow.getSource().getId());
    ExecutableElement target = elements.get(flow.getTarget().getId());
    if (source == null || target == null) {
      return; // the unsupported end was already reported
    }
    Expression condition = null;
    if (flow.getConditionExpression() != null
        && flow.getConditionExpression().getTextContent() != null
        && !flow.getConditionExpression().getTextContent().isBlank()) {
      if (source.kind != ElementKind.EXCLUSIVE_GATEWAY
          && source.kind != ElementKind.INCLUSIVE_GATEWAY) {
        problem(
            flow,
            "Conditions are only supported on sequence flows leaving an exclusive or inclusive gateway");
      }
      condition = expression(flow, flow.getConditionExpression().getTextContent().trim(), true);
    }
    var compiled = new ExecutableFlow(flow.getId(), condition);
    compiled.source = source;
    compiled.target = target;
    source.outgoing.add(compiled);
    target.incoming.add(compiled);
  }

  private void validateFlows(ExecutableElement element, Collection<FlowElement> modelElements) {
    BaseElement model =
        modelElements.stream().filter(e -> e.getId().equals(element.id)).findFirst().orElse(null);
    switch (element.kind) {
      case EXCLUSIVE_GATEWAY, INCLUSIVE_GATEWAY -> {
        SequenceFlow defaultFlow =
            model instanceof ExclusiveGateway g
                ? g.getDefault()
                : model instanceof InclusiveGateway g ? g.getDefault() : null;
        if (defaultFlow != null) {
          element.defaultFlow =
              element.outgoing.stream()
                  .filter(f -> f.id.equals(defaultFlow.getId()))
                  .findFirst()
                  .orElse(null);
          if (element.defaultFlow == null) {
            problem(model, "The default flow must be an outgoing sequence flow of the gateway");
          } else if (element.defaultFlow.condition != null) {
            problem(model, "The default flow must not have a condition");
          }
        }
        if (element.outgoing.size() > 1) {
          for (ExecutableFlow flow : element.outgoing) {
            if (flow.condition == null && flow != element.defaultFlow) {
              problem(
                  model,
                  "Sequence flow '"
                      + flow.id
                      + "' must have a condition expression or be the default flow");
            }
          }
        }
        if (element.outgoing.isEmpty()) {
          problem(model, "Must have at least one outgoing sequence flow");
        }
      }
      case EVENT_BASED_GATEWAY -> {
        if (element.outgoing.size() < 2) {
          problem(model, "Event-based gateways must have at least two outgoing sequence flows");
        }
        for (ExecutableFlow flow : element.outgoing) {
          if (flow.target.kind != ElementKind.INTERMEDIATE_CATCH_EVENT) {
            problem(
                model,
                "Event-based gateways may only lead to intermediate message or timer catch events, but '"
                    + flow.target.id
                    + "' is not one");
          } else if (flow.target.incoming.size() > 1) {
            problem(
                model,
                "The events after an event-based gateway must not have other incoming sequence flows");
          }
        }
      }
      case PARALLEL_GATEWAY -> {
        if (element.outgoing.isEmpty()) {
          problem(model, "Must have at least one outgoing sequence flow");
        }
      }
      case NONE_START_EVENT, ERROR_START_EVENT, MESSAGE_START_EVENT, TIMER_START_EVENT -> {
        if (!element.incoming.isEmpty()) {
          problem(model, "Start events must not have incoming sequence flows");
        }
      }
      case NONE_END_EVENT, ERROR_END_EVENT, TERMINATE_END_EVENT -> {
        if (!element.outgoing.isEmpty()) {
          problem(model, "End events must not have outgoing sequence flows");
        }
      }
      case EVENT_SUB_PROCESS -> {
        if (!element.incoming.isEmpty() || !element.outgoing.isEmpty()) {
          problem(model, "Event sub-processes must not have sequence flows");
        }
      }
      default -> {}
    }
  }

  /** Elements of the gateway's scope from which a token can still reach it. */
  private static Set<String> upstreamOf(ExecutableElement gateway) {
    var seen = new HashSet<String>();
    var queue = new ArrayDeque<ExecutableElement>();
    gateway.incoming.forEach(flow -> queue.add(flow.source));
    Map<String, ExecutableElement> byId = new HashMap<>();
    while (!queue.isEmpty()) {
      ExecutableElement element = queue.poll();
      if (element == gateway || !seen.add(element.id)) {
        continue;
      }
      byId.put(element.id, element);
      element.incoming.forEach(flow -> queue.add(flow.source));
      if (element.attachedTo != null) {
        queue.add(element.attachedTo);
      }
    }
    return Set.copyOf(seen);
  }

  private Expression expression(BaseElement element, String raw, boolean alwaysFeel) {
    try {
      return alwaysFeel ? Feel.parseExpression(raw) : Feel.parseStaticOrExpression(raw);
    } catch (InvalidExpressionException e) {
      problem(element, capitalise(e.getMessage()));
      return null;
    }
  }

  private static boolean isMessageEvent(Collection<EventDefinition> definitions) {
    return definitions.size() == 1
        && definitions.iterator().next() instanceof MessageEventDefinition;
  }

  private static String errorCode(ErrorEventDefinition definition) {
    return definition.getError() == null ? null : definition.getError().getErrorCode();
  }

  private static String definitionName(Collection<EventDefinition> definitions) {
    if (definitions.isEmpty()) {
      return "none";
    }
    return definitions
        .iterator()
        .next()
        .getElementType()
        .getTypeName()
        .replace("EventDefinition", "");
  }

  private void unsupported(BaseElement element, String what) {
    problem(element, "The engine does not support " + what + " yet");
  }

  private void problem(BaseElement element, String message) {
    problems.add("- Element: %s\n    - ERROR: %s".formatted(element.getId(), message));
  }

  private static String capitalise(String message) {
    return Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? e.toString() : cause.getMessage();
  }
}
