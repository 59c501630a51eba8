package org.clearance.api.workflow.service;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.sla.service.SlaPlan;
import org.jboss.logging.Logger;

/**
 * The one place where cases meet the BPMN engine: starts and ends the export-licence process of a
 * case. Everything else of case-api stays independent of the engine.
 */
@ApplicationScoped
public class CaseProcessService {

  public static final String PROCESS_ID = "export-licence";

  private static final Logger LOG = Logger.getLogger(CaseProcessService.class);

  private final CamundaClient client;

  protected CaseProcessService(CamundaClient client) {
    this.client = client;
  }

  /** Starts the latest version of the process for a submitted case; returns its instance key. */
  public long startProcess(ExportCase exportCase) {
    try {
      long key =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(PROCESS_ID)
              .latestVersion()
              .variables(variables(exportCase))
              .send()
              .join()
              .getProcessInstanceKey();
      LOG.infof(
          "started process %s instance %d for case %s", PROCESS_ID, key, exportCase.reference());
      return key;
    } catch (ClientException e) {
      LOG.warnf(
          "could not start process %s for case %s: %s",
          PROCESS_ID, exportCase.reference(), e.getMessage());
      throw new WorkflowUnavailableException(
          "The workflow engine did not start the review process: " + e.getMessage(), e);
    }
  }

  /** Ends the process of a withdrawn case, so that its open tasks and timers go away. */
  public void cancelProcess(ExportCase exportCase) {
    Long key = exportCase.processInstanceKey();
    if (key == null) {
      return;
    }
    try {
      client.newCancelInstanceCommand(key).send().join();
      LOG.infof("cancelled process instance %d of case %s", key, exportCase.reference());
    } catch (ClientException e) {
      LOG.warnf(
          "could not cancel process instance %d of case %s: %s",
          key, exportCase.reference(), e.getMessage());
      throw new WorkflowUnavailableException(
          "The workflow engine did not cancel the review process: " + e.getMessage(), e);
    }
  }

  /**
   * Cancels an instance whose case never committed as submitted. Best effort: it runs after the
   * transaction, so a failure is logged for an operator and not raised.
   */
  public void cancelOrphan(long processInstanceKey, String reference) {
    try {
      client.newCancelInstanceCommand(processInstanceKey).send().join();
      LOG.infof("cancelled orphan process instance %d of case %s", processInstanceKey, reference);
    } catch (RuntimeException e) {
      LOG.errorf(
          "could not cancel orphan process instance %d of case %s; cancel it by hand: %s",
          processInstanceKey, reference, e.getMessage());
    }
  }

  /**
   * Completes a job with its output variables. A job the engine no longer knows (its instance was
   * cancelled, or another completion won) is reported as {@link JobGoneException}.
   */
  public void completeJob(long jobKey, Map<String, Object> variables) {
    try {
      client.newCompleteCommand(jobKey).variables(variables).send().join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.NOT_FOUND
          || e.getStatusCode() == Status.Code.FAILED_PRECONDITION) {
        throw new JobGoneException(jobKey, e.getMessage());
      }
      throw unavailable("complete job " + jobKey, e);
    } catch (ClientException e) {
      throw unavailable("complete job " + jobKey, e);
    }
  }

  /** Keeps an activated job (a user task waiting for a person) from timing out. */
  public void extendJobTimeout(long jobKey, Duration timeout) {
    client.newUpdateTimeoutCommand(jobKey).timeout(timeout).send().join();
  }

  /**
   * Publishes a message correlated by the case reference. The message id makes a resent message (a
   * retried request) correlate once; the time to live covers the moment between the catch event's
   * job completing and its subscription opening.
   */
  public void publishMessage(
      String name, String caseReference, String messageId, Map<String, Object> variables) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(name)
          .correlationKey(caseReference)
          .messageId(messageId)
          .timeToLive(Duration.ofMinutes(10))
          .variables(variables)
          .send()
          .join();
      LOG.infof("published message %s for case %s", name, caseReference);
    } catch (ClientException e) {
      throw unavailable("publish message " + name, e);
    }
  }

  /** Sets variables on the whole process instance of a case. */
  public void setVariables(ExportCase exportCase, Map<String, Object> variables) {
    Long key = exportCase.processInstanceKey();
    if (key == null) {
      return;
    }
    try {
      client.newSetVariablesCommand(key).variables(variables).local(false).send().join();
    } catch (ClientException e) {
      throw unavailable("set variables on instance " + key, e);
    }
  }

  private static WorkflowUnavailableException unavailable(String what, ClientException e) {
    LOG.warnf("could not %s: %s", what, e.getMessage());
    return new WorkflowUnavailableException(
        "The workflow engine did not " + what + ": " + e.getMessage(), e);
  }

  /**
   * What the process needs to route a case: the routing facts and the SLA plan fixed at submission.
   * The rest stays in case-api's database.
   */
  static Map<String, Object> variables(ExportCase exportCase) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("caseId", exportCase.id().toString());
    variables.put("caseReference", exportCase.reference());
    variables.put("organisation", exportCase.organisation());
    variables.put("destinations", exportCase.destinations());
    List<String> classifications =
        exportCase.items().stream()
            .map(item -> item.eccn())
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    variables.put("classifications", classifications);
    variables.put("classification", exportCase.classification());
    variables.put("countryGroup", exportCase.countryGroup());
    if (exportCase.submittedAt() != null) {
      variables.put(
          "applicationDate",
          exportCase.submittedAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
    }
    variables.put("confirmedMatch", false);
    variables.put("highRiskFlag", exportCase.highRisk());
    SlaPlan plan = exportCase.slaPlan();
    if (plan != null) {
      variables.putAll(plan.toProcessVariables());
    }
    return variables;
  }
}
