package org.clearance.api.determination.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.cases.domain.event.CaseDecided;
import org.clearance.api.rfi.service.RfiService;
import org.clearance.api.tasks.domain.ReviewTask;
import org.clearance.api.tasks.domain.TaskType;
import org.clearance.api.tasks.service.TaskDecision;
import org.clearance.api.tasks.service.TaskService;
import org.clearance.api.tasks.service.UserTaskJob;
import org.clearance.api.workflow.service.CaseProgress;
import org.clearance.api.workflow.service.ProcessedJobs;

/**
 * The outcomes the process reaches without a licence: no licence required, returned without action,
 * denied. Each sets the terminal status and fires {@link CaseDecided} (whose observers close open
 * tasks and requests) in one transaction.
 */
@ApplicationScoped
public class DecisionService {

  public static final String NO_LICENCE_JOB_TYPE = "clearance.case.no-licence-required";
  public static final String RETURN_JOB_TYPE = "clearance.case.return-without-action";
  public static final String DENY_JOB_TYPE = "clearance.case.deny";

  private final CaseProgress progress;
  private final ProcessedJobs processed;
  private final TaskService tasks;
  private final RfiService rfis;
  private final DecisionConfig config;
  private final Event<CaseDecided> decided;
  private final Clock clock;

  DecisionService(
      CaseProgress progress,
      ProcessedJobs processed,
      TaskService tasks,
      RfiService rfis,
      DecisionConfig config,
      Event<CaseDecided> decided,
      Clock clock) {
    this.progress = progress;
    this.processed = processed;
    this.tasks = tasks;
    this.rfis = rfis;
    this.config = config;
    this.decided = decided;
    this.clock = clock;
  }

  @Transactional
  public void noLicenceRequired(UUID caseId, UserTaskJob.Determination determination, long jobKey) {
    ExportCase exportCase = progress.lock(caseId);
    if (!processed.firstTime(jobKey, NO_LICENCE_JOB_TYPE, caseId)
        || exportCase.status().isTerminal()) {
      return;
    }
    if (determination != null) {
      exportCase.recordDetermination(
          determination.licenceRequired(), determination.reviewPolicy(), determination.basis());
    }
    String basis = determination == null ? null : determination.basis();
    Map<String, Object> detail = new LinkedHashMap<>();
    if (basis != null) {
      detail.put("basis", basis);
    }
    progress.move(
        exportCase,
        CaseStatus.NO_LICENCE_REQUIRED,
        CaseProgress.WORKFLOW,
        "NO_LICENCE_REQUIRED",
        detail);
    fire(exportCase, "No licence is required" + (basis == null ? "." : ": " + basis + "."));
  }

  @Transactional
  public void returnWithoutAction(UUID caseId, long jobKey) {
    ExportCase exportCase = progress.lock(caseId);
    if (!processed.firstTime(jobKey, RETURN_JOB_TYPE, caseId) || exportCase.status().isTerminal()) {
      return;
    }
    rfis.expireOpen(caseId);
    progress.move(
        exportCase,
        CaseStatus.RETURNED_WITHOUT_ACTION,
        CaseProgress.WORKFLOW,
        "RETURNED_WITHOUT_ACTION",
        Map.of("reason", "a request for information was not answered in time"));
    fire(
        exportCase,
        "The application was returned without action: a request for information was not answered in time.");
  }

  /** Denies with the reasons of the approver's or countersigning manager's decision. */
  @Transactional
  public void deny(UUID caseId, long jobKey) {
    ExportCase exportCase = progress.lock(caseId);
    if (!processed.firstTime(jobKey, DENY_JOB_TYPE, caseId) || exportCase.status().isTerminal()) {
      return;
    }
    ReviewTask decidedBy =
        tasks
            .lastCompleted(caseId, Set.of(TaskType.APPROVAL, TaskType.COUNTERSIGN))
            .orElseThrow(() -> new IllegalStateException("no approval decision on case " + caseId));
    TaskDecision decision = tasks.decisionOf(decidedBy);
    List<String> reasons = decision.reasons() == null ? List.of() : decision.reasons();
    Instant now = clock.instant();
    LocalDate appealBy =
        now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(config.appealPeriodDays());
    exportCase.recordDenial(String.join("\n", reasons), appealBy);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("deniedBy", decidedBy.completedBy());
    detail.put("reasons", reasons);
    detail.put("appealDeadline", appealBy.toString());
    progress.move(exportCase, CaseStatus.DENIED, decidedBy.completedBy(), "CASE_DENIED", detail);
    fire(
        exportCase,
        "The application was denied: "
            + String.join("; ", reasons)
            + ". An appeal may be lodged until "
            + appealBy
            + ".");
  }

  private void fire(ExportCase exportCase, String summary) {
    decided.fire(
        new CaseDecided(
            exportCase.id(),
            exportCase.reference(),
            exportCase.organisation(),
            exportCase.status().name(),
            summary,
            clock.instant()));
  }
}
