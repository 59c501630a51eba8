package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearance.engine.db.Json;
import org.clearance.engine.deployment.ExecutableElement;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;

/** PROCESS_INSTANCE records of one instance: the element lifecycle and taken sequence flows. */
final class ElementRecords {

  private final Execution execution;
  private final InstanceState state;

  ElementRecords(Execution execution) {
    this.execution = execution;
    this.state = execution.state;
  }

  void element(ElementInstance instance, Intent intent) {
    ExecutableElement element = execution.process.element(instance.elementId);
    String type = instance.multiInstanceBody ? "MULTI_INSTANCE_BODY" : element.kind().name();
    ObjectNode value = value(instance.elementId, instance.parentKey, type);
    if (instance.loopCounter > 0 && !instance.multiInstanceBody) {
      value.put("loopCounter", instance.loopCounter);
    }
    execution.record(instance.key, ValueType.PROCESS_INSTANCE, intent, value);
  }

  void sequenceFlowTaken(String flowId, long scopeKey) {
    ObjectNode value = value(flowId, scopeKey, "SEQUENCE_FLOW");
    execution.record(
        execution.nextKey(), ValueType.PROCESS_INSTANCE, Intent.SEQUENCE_FLOW_TAKEN, value);
  }

  /** The fields every record about an element of this instance carries. */
  ObjectNode value(String elementId, long flowScopeKey, String elementType) {
    ObjectNode value = Json.object();
    value.put("bpmnProcessId", execution.process.bpmnProcessId());
    value.put("version", execution.process.version());
    value.put("processDefinitionKey", execution.process.key());
    value.put("processInstanceKey", state.processInstanceKey);
    value.put("elementId", elementId);
    value.put("flowScopeKey", flowScopeKey);
    if (elementType != null) {
      value.put("bpmnElementType", elementType);
    }
    if (state.parentProcessInstanceKey != 0) {
      value.put("parentProcessInstanceKey", state.parentProcessInstanceKey);
      value.put("parentElementInstanceKey", state.parentElementInstanceKey);
    }
    return value;
  }
}
