package org.clearance.api.workflow.worker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.clearance.api.determination.service.DecisionService;
import org.clearance.api.rfi.service.RfiService;
import org.clearance.api.screening.service.ScreeningService;
import org.clearance.api.sla.domain.SlaStage;
import org.clearance.api.sla.service.SlaEscalationService;
import org.clearance.api.tasks.domain.TaskType;
import org.clearance.api.tasks.service.TaskService;
import org.clearance.api.tasks.service.UserTaskJob;
import org.clearance.api.workflow.service.CaseProcessService;
import org.clearance.api.workflow.service.WorkflowConfig;
import org.jboss.logging.Logger;

/**
 * The job workers of export-licence.bpmn, opened at start-up and closed at shutdown. Each handler
 * commits its effects in one transaction (idempotent per job key), then completes the job; a
 * failure fails the job with one retry fewer, so the engine retries or raises an incident. {@code
 * clearance.licence.issue} belongs to the licences feature.
 */
@ApplicationScoped
public class ProcessWorkers {

  public static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";
  static final String HEADER_TASK_TYPE = "clearance.taskType";
  static final String HEADER_CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  static final String HEADER_ASSIGNEE = "io.camunda.zeebe:assignee";
  static final String HEADER_DUE_DATE = "io.camunda.zeebe:dueDate";

  private static final Logger LOG = Logger.getLogger(ProcessWorkers.class);

  private final CamundaClient client;
  private final WorkflowConfig config;
  private final ScreeningService screening;
  private final DecisionService decisions;
  private final RfiService rfis;
  private final SlaEscalationService escalations;
  private final TaskService tasks;
  private final CaseProcessService process;
  private final ObjectMapper json;
  private final List<JobWorker> workers = new ArrayList<>();
  private ScheduledExecutorService timeouts;

  ProcessWorkers(
      CamundaClient client,
      WorkflowConfig config,
      ScreeningService screening,
      DecisionService decisions,
      RfiService rfis,
      SlaEscalationService escalations,
      TaskService tasks,
      CaseProcessService process,
      ObjectMapper json) {
    this.client = client;
    this.config = config;
    this.screening = screening;
    this.decisions = decisions;
    this.rfis = rfis;
    this.escalations = escalations;
    this.tasks = tasks;
    this.process = process;
    this.json = json;
  }

  void onStart(@Observes StartupEvent start) {
    if (!config.workersEnabled()) {
      LOG.info("job workers are disabled");
      return;
    }
    service(
        ScreeningService.JOB_TYPE,
        job -> Map.of("potentialMatches", screening.screen(caseId(job), job.getKey())));
    service(
        DecisionService.NO_LICENCE_JOB_TYPE,
        job -> {
          decisions.noLicenceRequired(caseId(job), determination(job), job.getKey());
          return Map.of();
        });
    service(
        RfiService.OPEN_JOB_TYPE,
        job -> {
          rfis.open(
              caseId(job),
              job.getCustomHeaders().get("stage"),
              Duration.parse(String.valueOf(job.getVariablesAsMap().get("rfiTimeout"))),
              job.getKey());
          return Map.of();
        });
    service(
        DecisionService.RETURN_JOB_TYPE,
        job -> {
          decisions.returnWithoutAction(caseId(job), job.getKey());
          return Map.of();
        });
    service(
        DecisionService.DENY_JOB_TYPE,
        job -> {
          decisions.deny(caseId(job), job.getKey());
          return Map.of();
        });
    service(
        SlaEscalationService.JOB_TYPE,
        job -> {
          String stage = job.getCustomHeaders().get("stage");
          escalations.escalate(caseId(job), stage, dueAtOf(job, stage), job.getKey());
          return Map.of();
        });
    workers.add(
        client
            .newWorker()
            .jobType(USER_TASK_JOB_TYPE)
            .handler(this::mirrorUserTask)
            .name("case-api")
            .streamEnabled(config.streamJobs())
            .timeout(config.userTaskActivationTimeout())
            .open());
    // Keep user-task jobs activated while people work on them.
    timeouts =
        Executors.newSingleThreadScheduledExecutor(
            runnable ->
                Thread.ofPlatform().daemon().name("user-task-timeouts").unstarted(runnable));
    long period = Math.max(1, config.userTaskTimeout().toMinutes() / 3);
    timeouts.scheduleAtFixedRate(this::extendUserTaskTimeouts, period, period, TimeUnit.MINUTES);
    LOG.infof("opened %d job workers", workers.size());
  }

  void onStop(@Observes ShutdownEvent stop) {
    if (timeouts != null) {
      timeouts.shutdownNow();
    }
    workers.forEach(JobWorker::close);
    workers.clear();
  }

  @FunctionalInterface
  interface Handler {
    Map<String, Object> handle(ActivatedJob job) throws Exception;
  }

  private void service(String type, Handler handler) {
    workers.add(
        client
            .newWorker()
            .jobType(type)
            .handler((jobClient, job) -> run(jobClient, job, handler))
            .name("case-api")
            .streamEnabled(config.streamJobs())
            .timeout(config.serviceTaskTimeout())
            .open());
  }

  private void run(JobClient jobClient, ActivatedJob job, Handler handler) {
    Map<String, Object> output;
    try {
      output = handler.handle(job);
    } catch (Exception e) {
      int retries = Math.max(0, job.getRetries() - 1);
      LOG.errorf(
          e,
          "job %d (%s) of instance %d failed; %d retries left",
          job.getKey(),
          job.getType(),
          job.getProcessInstanceKey(),
          retries);
      jobClient
          .newFailCommand(job.getKey())
          .retries(retries)
          .retryBackoff(Duration.ofSeconds(2))
          .errorMessage(String.valueOf(e.getMessage()))
          .send()
          .join();
      return;
    }
    // After the commit: a lost completion hands the job out again, and the handler is idempotent.
    jobClient.newCompleteCommand(job.getKey()).variables(output).send().join();
  }

  private void mirrorUserTask(JobClient jobClient, ActivatedJob job) {
    try {
      Map<String, String> headers = job.getCustomHeaders();
      List<String> groups =
          json.readValue(
              headers.getOrDefault(HEADER_CANDIDATE_GROUPS, "[]"), new TypeReference<>() {});
      tasks.mirror(
          new UserTaskJob(
              job.getKey(),
              job.getProcessInstanceKey(),
              job.getElementId(),
              caseId(job),
              TaskType.valueOf(headers.get(HEADER_TASK_TYPE)),
              groups.isEmpty() ? "manager" : groups.get(0),
              blankToNull(headers.get(HEADER_ASSIGNEE)),
              instant(headers.get(HEADER_DUE_DATE)),
              determination(job)));
      // Mirrored: now the job waits for a person. Until this extension it was held only for the
      // activation timeout, so a replica killed before the commit does not strand it for days.
      process.extendJobTimeout(job.getKey(), config.userTaskTimeout());
    } catch (Exception e) {
      // The job stays activated until its (activation) timeout and comes back then; no retry is
      // spent.
      LOG.errorf(e, "could not mirror user task job %d (%s)", job.getKey(), job.getElementId());
    }
  }

  private void extendUserTaskTimeouts() {
    try {
      for (long jobKey : tasks.openJobKeys()) {
        try {
          process.extendJobTimeout(jobKey, config.userTaskTimeout());
        } catch (RuntimeException e) {
          LOG.debugf("could not extend the timeout of job %d: %s", jobKey, e.getMessage());
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("could not extend user-task timeouts: %s", e.getMessage());
    }
  }

  private static UUID caseId(ActivatedJob job) {
    return UUID.fromString(String.valueOf(job.getVariablesAsMap().get("caseId")));
  }

  @SuppressWarnings("unchecked")
  private static UserTaskJob.Determination determination(ActivatedJob job) {
    Object value = job.getVariablesAsMap().get("determination");
    if (!(value instanceof Map<?, ?> map)) {
      return null;
    }
    Map<String, Object> result = (Map<String, Object>) map;
    Object required = result.get("licenceRequired");
    return new UserTaskJob.Determination(
        required instanceof Boolean b ? b : null,
        result.get("reviewPolicy") == null ? null : result.get("reviewPolicy").toString(),
        result.get("basis") == null ? null : result.get("basis").toString());
  }

  private static Instant dueAtOf(ActivatedJob job, String stage) {
    try {
      return instant(
          String.valueOf(job.getVariablesAsMap().get(SlaStage.valueOf(stage).processVariable())));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Instant instant(String text) {
    if (text == null || text.isBlank() || text.equals("null")) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text).toInstant();
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
