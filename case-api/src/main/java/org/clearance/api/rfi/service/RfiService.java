package org.clearance.api.rfi.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.clearance.api.audit.service.AuditService;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.cases.domain.event.CaseDecided;
import org.clearance.api.cases.domain.event.RequestForInformationAnswered;
import org.clearance.api.cases.domain.event.RequestForInformationOpened;
import org.clearance.api.cases.service.CaseAccess;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.documents.domain.DocumentRepository;
import org.clearance.api.rfi.domain.InformationRequest;
import org.clearance.api.security.service.Caller;
import org.clearance.api.sla.service.SlaPlan;
import org.clearance.api.sla.service.SlaPlanner;
import org.clearance.api.tasks.domain.ReviewTask;
import org.clearance.api.tasks.domain.TaskType;
import org.clearance.api.tasks.service.TaskDecision;
import org.clearance.api.tasks.service.TaskService;
import org.clearance.api.workflow.service.CaseProcessService;
import org.clearance.api.workflow.service.CaseProgress;
import org.clearance.api.workflow.service.ProcessedJobs;
import org.jboss.logging.Logger;

/**
 * Requests for information: opened by the process when a reviewer asks, answered by the applicant
 * (which resumes the process and the SLA clock), expired when the wait runs out.
 */
@ApplicationScoped
public class RfiService {

  public static final String OPEN_JOB_TYPE = "clearance.rfi.open";
  static final int MAX_ANSWER = 20_000;

  private static final Logger LOG = Logger.getLogger(RfiService.class);

  private final EntityManager em;
  private final CaseProgress progress;
  private final CaseAccess access;
  private final ProcessedJobs processed;
  private final TaskService tasks;
  private final SlaPlanner planner;
  private final CaseProcessService process;
  private final DocumentRepository documents;
  private final AuditService audit;
  private final Caller caller;
  private final Event<RequestForInformationOpened> opened;
  private final Event<RequestForInformationAnswered> answered;
  private final Clock clock;

  RfiService(
      EntityManager em,
      CaseProgress progress,
      CaseAccess access,
      ProcessedJobs processed,
      TaskService tasks,
      SlaPlanner planner,
      CaseProcessService process,
      DocumentRepository documents,
      AuditService audit,
      Caller caller,
      Event<RequestForInformationOpened> opened,
      Event<RequestForInformationAnswered> answered,
      Clock clock) {
    this.em = em;
    this.progress = progress;
    this.access = access;
    this.processed = processed;
    this.tasks = tasks;
    this.planner = planner;
    this.process = process;
    this.documents = documents;
    this.audit = audit;
    this.caller = caller;
    this.opened = opened;
    this.answered = answered;
    this.clock = clock;
  }

  /**
   * Opens the request the reviewer of {@code stage} asked for (the question is in their task's
   * decision): the case waits for the applicant and its SLA clock stops.
   */
  @Transactional
  public void open(UUID caseId, String stage, Duration timeout, long jobKey) {
    ExportCase exportCase = progress.lock(caseId);
    if (!processed.firstTime(jobKey, OPEN_JOB_TYPE, caseId) || exportCase.status().isTerminal()) {
      return;
    }
    TaskType type = TaskType.valueOf(stage);
    ReviewTask asked =
        tasks
            .lastCompleted(caseId, Set.of(type))
            .orElseThrow(
                () ->
                    new IllegalStateException("no completed " + stage + " task of case " + caseId));
    TaskDecision decision = tasks.decisionOf(asked);
    Instant now = clock.instant();
    InformationRequest request =
        new InformationRequest(
            caseId,
            stage,
            decision.question(),
            asked.completedBy(),
            now,
            now.plus(timeout),
            jobKey);
    em.persist(request);
    exportCase.pauseSla(now);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("rfiId", request.id().toString());
    detail.put("stage", stage);
    detail.put("askedBy", request.askedBy());
    detail.put("answerBy", request.answerBy().toString());
    if (!progress.move(
        exportCase,
        CaseStatus.AWAITING_APPLICANT,
        CaseProgress.WORKFLOW,
        "INFORMATION_REQUESTED",
        detail)) {
      audit.record(caseId, CaseProgress.WORKFLOW, "INFORMATION_REQUESTED", detail);
    }
    opened.fire(
        new RequestForInformationOpened(
            caseId,
            exportCase.reference(),
            exportCase.organisation(),
            stage,
            request.question(),
            request.askedBy(),
            request.answerBy()));
    LOG.infof(
        "case %s: %s asked the applicant (answer by %s)",
        exportCase.reference(), stage, request.answerBy());
  }

  /**
   * The applicant's answer: recorded, the SLA plan moved by the time the clock stood still, and the
   * waiting process resumed by a message carrying the moved plan.
   */
  @Transactional
  public InformationRequest answer(UUID caseId, UUID rfiId, String text, List<UUID> documentIds) {
    ExportCase exportCase = access.ownedForUpdate(caseId, "answer requests for information");
    InformationRequest request =
        em.find(InformationRequest.class, rfiId, LockModeType.PESSIMISTIC_WRITE);
    if (request == null || !request.caseId().equals(caseId)) {
      throw Rejection.notFound("Request for information " + rfiId);
    }
    List<FieldError> errors = new ArrayList<>();
    String answerText = text == null ? null : text.strip();
    if (answerText == null || answerText.isEmpty()) {
      errors.add(new FieldError("text", "must not be blank"));
    } else if (answerText.length() > MAX_ANSWER) {
      errors.add(new FieldError("text", "must not be longer than " + MAX_ANSWER + " characters"));
    }
    List<UUID> docs = documentIds == null ? List.of() : documentIds;
    for (int i = 0; i < docs.size(); i++) {
      UUID documentId = docs.get(i);
      if (documentId == null || documents.ofCase(caseId, documentId).isEmpty()) {
        errors.add(new FieldError("documentIds[" + i + "]", "must name a document of this case"));
      }
    }
    if (!errors.isEmpty()) {
      throw Rejection.invalid(
          "validation-failed",
          "The answer has invalid fields",
          errors.size() + " field(s) are invalid.",
          errors);
    }
    if (request.status() != InformationRequest.Status.OPEN) {
      throw Rejection.conflict(
          "request-not-open",
          "The request for information is not open",
          "Request " + rfiId + " is " + request.status() + ".");
    }
    Instant now = clock.instant();
    request.answer(answerText, docs, caller.username(), now);
    em.flush();
    boolean othersOpen = !openOf(caseId).isEmpty();
    SlaPlan plan = exportCase.slaPlan();
    if (!othersOpen && exportCase.slaPausedAt() != null) {
      plan = planner.resume(plan, exportCase.slaPausedAt(), now);
      exportCase.planSla(plan);
      exportCase.resumeSla();
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("rfiId", rfiId.toString());
    detail.put("stage", request.stage());
    detail.put("documents", docs.size());
    if (othersOpen) {
      audit.record(caseId, caller.username(), "INFORMATION_PROVIDED", detail);
    } else {
      progress.move(
          exportCase, CaseStatus.UNDER_REVIEW, caller.username(), "INFORMATION_PROVIDED", detail);
    }
    answered.fire(
        new RequestForInformationAnswered(
            caseId, exportCase.reference(), exportCase.organisation(), request.stage(), now));
    Map<String, Object> variables = new LinkedHashMap<>(plan.toProcessVariables());
    process.publishMessage(
        "clearance.rfi.answered." + messageSuffix(request.stage()),
        exportCase.reference(),
        "rfi-" + rfiId,
        variables);
    return request;
  }

  /** The case was returned without action: its open requests expired. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void expireOpen(UUID caseId) {
    for (InformationRequest request : openOf(caseId)) {
      request.end(InformationRequest.Status.EXPIRED);
    }
  }

  /** Any other end of the case closes what is still open. */
  void onCaseDecided(@Observes CaseDecided decided) {
    for (InformationRequest request : openOf(decided.caseId())) {
      request.end(InformationRequest.Status.CLOSED);
    }
  }

  @Transactional
  public List<InformationRequest> ofCase(UUID caseId) {
    access.readable(caseId);
    return em.createQuery(
            "from InformationRequest r where r.caseId = :caseId order by r.askedAt",
            InformationRequest.class)
        .setParameter("caseId", caseId)
        .getResultList();
  }

  private List<InformationRequest> openOf(UUID caseId) {
    return em.createQuery(
            "from InformationRequest r where r.caseId = :caseId and r.status = :open",
            InformationRequest.class)
        .setParameter("caseId", caseId)
        .setParameter("open", InformationRequest.Status.OPEN)
        .getResultList();
  }

  /** The message names of export-licence.bpmn: clearance.rfi.answered.audit / .legal. */
  static String messageSuffix(String stage) {
    return switch (stage) {
      case "TECHNICAL_AUDIT" -> "audit";
      case "LEGAL_REVIEW" -> "legal";
      default -> stage.toLowerCase(Locale.ROOT);
    };
  }
}
