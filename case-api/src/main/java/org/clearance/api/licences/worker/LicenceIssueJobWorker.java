package org.clearance.api.licences.worker;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.licences.service.LicenceConfig;
import org.clearance.api.licences.service.LicenceService;
import org.clearance.api.licences.service.LicenceTerms;
import org.clearance.api.workflow.service.WorkflowConfig;
import org.jboss.logging.Logger;

/**
 * Works the {@code clearance.licence.issue} jobs of the export-licence process: issues the licence
 * of the job's case (variables {@code caseId}, optional {@code licenceConditions} and {@code
 * licenceValidUntil}) and completes the job with {@code licenceNumber}. Issuing is idempotent per
 * case, so a job that is retried after a lost completion completes with the same number.
 */
@ApplicationScoped
public class LicenceIssueJobWorker {

  public static final String JOB_TYPE = "clearance.licence.issue";

  private static final Logger LOG = Logger.getLogger(LicenceIssueJobWorker.class);
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(1);
  private static final Duration RETRY_BACKOFF = Duration.ofSeconds(10);

  private final CamundaClient client;
  private final LicenceService licences;
  private final LicenceConfig config;
  private final WorkflowConfig workflow;
  private volatile JobWorker worker;

  LicenceIssueJobWorker(
      CamundaClient client,
      LicenceService licences,
      LicenceConfig config,
      WorkflowConfig workflow) {
    this.client = client;
    this.licences = licences;
    this.config = config;
    this.workflow = workflow;
  }

  void open(@Observes StartupEvent startup) {
    if (!config.workerEnabled()) {
      LOG.info("licence issue worker disabled (clearance.licences.worker-enabled=false)");
      return;
    }
    worker =
        client
            .newWorker()
            .jobType(JOB_TYPE)
            .handler(this::handle)
            .name("case-api-licences")
            .timeout(JOB_TIMEOUT)
            .maxJobsActive(4)
            .streamEnabled(workflow.streamJobs())
            .fetchVariables("caseId", "licenceConditions", "licenceValidUntil")
            .open();
    LOG.infof("worker for %s opened", JOB_TYPE);
  }

  void close(@Observes ShutdownEvent shutdown) {
    JobWorker open = worker;
    if (open != null) {
      open.close();
    }
  }

  void handle(JobClient jobClient, ActivatedJob job) {
    String licenceNumber;
    try {
      IssueRequest request = IssueRequest.of(job.getVariablesAsMap());
      licenceNumber =
          QuarkusTransaction.requiringNew()
              .call(() -> licences.issue(request.caseId(), request.terms()).number());
    } catch (RuntimeException e) {
      String message = readable(e);
      int retries = Math.max(job.getRetries() - 1, 0);
      LOG.warnf(
          "job %d (%s) of process instance %d failed, %d retries left: %s",
          job.getKey(), JOB_TYPE, job.getProcessInstanceKey(), retries, message);
      jobClient
          .newFailCommand(job.getKey())
          .retries(retries)
          .retryBackoff(RETRY_BACKOFF)
          .errorMessage(message)
          .send()
          .join();
      return;
    }
    jobClient
        .newCompleteCommand(job.getKey())
        .variables(Map.of("licenceNumber", licenceNumber))
        .send()
        .join();
    LOG.infof(
        "job %d of process instance %d completed with licence %s",
        job.getKey(), job.getProcessInstanceKey(), licenceNumber);
  }

  /** What the operator sees on the incident: the problem's own words, without a stack trace. */
  private static String readable(RuntimeException e) {
    if (e instanceof Rejection rejection) {
      String detail = rejection.detail();
      if (rejection.errors() != null && !rejection.errors().isEmpty()) {
        detail +=
            " "
                + rejection.errors().stream()
                    .map(error -> error.field() + " " + error.message())
                    .toList();
      }
      return rejection.title() + ": " + detail;
    }
    return "Issuing the licence failed: "
        + (e.getMessage() != null ? e.getMessage() : e.toString());
  }

  /** The job's variables, checked; a bad variable fails the job with a message naming it. */
  record IssueRequest(UUID caseId, LicenceTerms terms) {

    static IssueRequest of(Map<String, Object> variables) {
      Object caseId = variables.get("caseId");
      if (!(caseId instanceof String text) || text.isBlank()) {
        throw new IllegalArgumentException("the job has no caseId variable (a UUID string)");
      }
      UUID id;
      try {
        id = UUID.fromString(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("caseId '" + text + "' is not a UUID");
      }
      List<String> conditions = List.of();
      Object rawConditions = variables.get("licenceConditions");
      if (rawConditions instanceof List<?> list) {
        conditions = list.stream().map(String::valueOf).toList();
      } else if (rawConditions != null) {
        throw new IllegalArgumentException("licenceConditions must be a list of strings");
      }
      LocalDate validUntil = null;
      Object rawUntil = variables.get("licenceValidUntil");
      if (rawUntil != null) {
        try {
          String until = String.valueOf(rawUntil);
          // A FEEL date-time or ISO date-time: its date part.
          validUntil = LocalDate.parse(until.length() > 10 ? until.substring(0, 10) : until);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              "licenceValidUntil '" + rawUntil + "' is not an ISO date (yyyy-mm-dd)");
        }
      }
      return new IssueRequest(id, new LicenceTerms(conditions, null, validUntil));
    }
  }
}
