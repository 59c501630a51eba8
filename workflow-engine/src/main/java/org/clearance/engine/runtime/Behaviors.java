package org.clearance.engine.runtime;

/**
 * The element behaviours of one execution, built once per processor. Add a new element family's
 * behaviour here and dispatch to it in {@link BpmnProcessor}'s switch on the element kind.
 */
final class Behaviors {

  final ElementRecords records;
  final ScopeVariables variables;
  final VariableMappings mappings;
  final IncidentBehavior incidents;
  final GatewayBehavior gateways;
  final EventSubscriptionBehavior events;
  final MultiInstanceBehavior multiInstance;
  final ErrorBehavior errors;
  final JobTaskBehavior jobTasks;
  final UserTaskBehavior userTasks;
  final ScriptTaskBehavior scriptTasks;
  final BusinessRuleTaskBehavior businessRuleTasks;
  final CallActivityBehavior callActivities;
  final SignalThrowBehavior signals;
  final EscalationBehavior escalations;

  Behaviors(Execution execution) {
    records = new ElementRecords(execution);
    variables = new ScopeVariables(execution);
    mappings = new VariableMappings(execution, variables);
    incidents = new IncidentBehavior(execution);
    gateways = new GatewayBehavior(execution);
    events = new EventSubscriptionBehavior(execution, records);
    multiInstance = new MultiInstanceBehavior(execution, records, variables);
    errors = new ErrorBehavior(execution, multiInstance);
    jobTasks = new JobTaskBehavior(execution, records);
    userTasks = new UserTaskBehavior(execution);
    scriptTasks = new ScriptTaskBehavior(execution);
    businessRuleTasks = new BusinessRuleTaskBehavior(execution);
    callActivities = new CallActivityBehavior(execution);
    signals = new SignalThrowBehavior(execution);
    escalations = new EscalationBehavior(execution, multiInstance);
  }
}
