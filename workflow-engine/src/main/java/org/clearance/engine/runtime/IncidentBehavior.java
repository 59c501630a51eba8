package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearance.engine.db.Json;
import org.clearance.engine.record.Intent;
import org.clearance.engine.record.ValueType;
import org.clearance.engine.runtime.ElementInstance.Step;

/** Incidents of one instance: raised on an element instance, which stays put until resolved. */
final class IncidentBehavior {

  private final Execution execution;
  private final InstanceState state;

  IncidentBehavior(Execution execution) {
    this.execution = execution;
    this.state = execution.state;
  }

  /**
   * @param step what resolving the incident runs again
   * @param jobKey the job the incident holds (JOB step), or null
   * @return the incident's key
   */
  long raise(ElementInstance instance, String errorType, String message, Step step, Long jobKey) {
    long key = execution.nextKey();
    instance.raisedIncident(key, step);
    execution.newIncidents.add(
        new Execution.Incident(
            key,
            state.processInstanceKey,
            instance.key,
            instance.elementId,
            jobKey,
            errorType,
            message));
    ObjectNode value = Json.object();
    value.put("errorType", errorType);
    value.put("errorMessage", message);
    value.put("bpmnProcessId", execution.process.bpmnProcessId());
    value.put("processDefinitionKey", execution.process.key());
    value.put("processInstanceKey", state.processInstanceKey);
    value.put("elementId", instance.elementId);
    value.put("elementInstanceKey", instance.key);
    if (jobKey != null) {
      value.put("jobKey", jobKey);
    }
    execution.record(key, ValueType.INCIDENT, Intent.CREATED, value);
    return key;
  }

  long raise(Outcome.Incident incident) {
    return raise(incident.on(), incident.errorType(), incident.message(), incident.step(), null);
  }

  /** An error nobody catches: an UNHANDLED_ERROR_EVENT incident on the thrower. */
  long raiseUncaughtError(ElementInstance thrower, String errorCode, String message, Long jobKey) {
    String text =
        "Expected to throw an error event with the code '%s'%s, but it was not caught. No error events are available in the scope."
            .formatted(
                errorCode,
                message == null || message.isBlank() ? "" : " with message '" + message + "'");
    return raise(
        thrower, "UNHANDLED_ERROR_EVENT", text, jobKey != null ? Step.JOB : Step.ACTIVATE, jobKey);
  }

  /** The incident's row goes and a RESOLVED record is written (resolved, or its element ended). */
  void resolved(long incidentKey, ElementInstance instance) {
    execution.resolvedIncidents.add(incidentKey);
    ObjectNode value = Json.object();
    value.put("processInstanceKey", state.processInstanceKey);
    value.put("elementId", instance.elementId);
    value.put("elementInstanceKey", instance.key);
    execution.record(incidentKey, ValueType.INCIDENT, Intent.RESOLVED, value);
  }
}
