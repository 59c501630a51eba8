package org.clearance.api.tasks.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.clearance.api.audit.service.AuditService;
import org.clearance.api.cases.domain.CaseRepository;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.cases.domain.event.CaseDecided;
import org.clearance.api.cases.domain.event.TaskAssigned;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.common.paging.PageResponse;
import org.clearance.api.notifications.service.UserDirectory;
import org.clearance.api.screening.domain.ScreeningMatch;
import org.clearance.api.screening.service.ScreeningService;
import org.clearance.api.security.service.Caller;
import org.clearance.api.tasks.domain.AuditFinding;
import org.clearance.api.tasks.domain.FindingSeverity;
import org.clearance.api.tasks.domain.ReviewTask;
import org.clearance.api.tasks.domain.TaskStatus;
import org.clearance.api.tasks.domain.TaskType;
import org.clearance.api.workflow.service.CaseProcessService;
import org.clearance.api.workflow.service.CaseProgress;
import org.clearance.api.workflow.service.JobGoneException;
import org.jboss.logging.Logger;

/**
 * The transaction boundary of human tasks: mirrors the engine's user-task jobs into task rows,
 * serves the inboxes, and completes the job with the reviewer's decision.
 */
@ApplicationScoped
public class TaskService {

  private static final Logger LOG = Logger.getLogger(TaskService.class);

  /** The audit trail gets the findings in words, cut here (the table keeps them whole). */
  static final int MAX_FINDINGS_IN_WORDS = 2000;

  /** The case's high-risk reason stays a sentence a reader takes in at a glance. */
  static final int MAX_FLAG_REASON = 500;

  /** One page of tasks and the total number of matches. */
  public record Result(List<ReviewTask> tasks, long total) {}

  private final EntityManager em;
  private final CaseRepository cases;
  private final CaseProgress progress;
  private final CaseProcessService process;
  private final ScreeningService screening;
  private final TaskDecisionRules rules;
  private final AuditService audit;
  private final Caller caller;
  private final Event<TaskAssigned> assigned;
  private final ObjectMapper json;
  private final Clock clock;
  private final UserDirectory directory;

  TaskService(
      EntityManager em,
      CaseRepository cases,
      CaseProgress progress,
      CaseProcessService process,
      ScreeningService screening,
      TaskDecisionRules rules,
      AuditService audit,
      Caller caller,
      Event<TaskAssigned> assigned,
      ObjectMapper json,
      Clock clock,
      UserDirectory directory) {
    this.em = em;
    this.cases = cases;
    this.progress = progress;
    this.process = process;
    this.screening = screening;
    this.rules = rules;
    this.audit = audit;
    this.caller = caller;
    this.assigned = assigned;
    this.json = json;
    this.clock = clock;
    this.directory = directory;
  }

  // ------------------------------------------------------------------ from the engine

  /**
   * Mirrors a user-task job into a task row, once per job (a re-activated job finds its row), and
   * moves the case to the status the task stands for.
   */
  @Transactional
  public void mirror(UserTaskJob job) {
    ExportCase exportCase = progress.lock(job.caseId());
    if (byJobKey(job.jobKey()).isPresent() || exportCase.status().isTerminal()) {
      return;
    }
    if (job.determination() != null && exportCase.licenceRequired() == null) {
      exportCase.recordDetermination(
          job.determination().licenceRequired(),
          job.determination().reviewPolicy(),
          job.determination().basis());
    }
    Instant now = clock.instant();
    ReviewTask task =
        new ReviewTask(
            job.caseId(),
            job.jobKey(),
            job.processInstanceKey(),
            job.elementId(),
            job.type(),
            job.candidateRole(),
            job.assignee(),
            job.dueAt(),
            now);
    em.persist(task);
    switch (job.type()) {
      case TECHNICAL_AUDIT, LEGAL_REVIEW -> {
        if (exportCase.status() == CaseStatus.SCREENING) {
          progress.move(
              exportCase,
              CaseStatus.UNDER_REVIEW,
              CaseProgress.WORKFLOW,
              "REVIEW_STARTED",
              Map.of());
        }
      }
      case APPROVAL ->
          progress.move(
              exportCase,
              CaseStatus.AWAITING_APPROVAL,
              CaseProgress.WORKFLOW,
              "REVIEW_COMPLETED",
              Map.of());
      case COUNTERSIGN ->
          progress.move(
              exportCase,
              CaseStatus.COUNTERSIGN,
              CaseProgress.WORKFLOW,
              "COUNTERSIGN_REQUIRED",
              Map.of());
      case ADJUDICATE_MATCHES -> {}
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("taskId", task.id().toString());
    detail.put("taskType", task.type().name());
    detail.put("candidateRole", task.candidateRole());
    if (task.dueAt() != null) {
      detail.put("dueAt", task.dueAt().toString());
    }
    audit.record(exportCase.id(), CaseProgress.WORKFLOW, "TASK_CREATED", detail);
    fireAssigned(task, exportCase);
    LOG.infof(
        "case %s: %s task %s offered to %s",
        exportCase.reference(), task.type(), task.id(), task.candidateRole());
  }

  /** A terminal status closes every open task of the case. */
  void onCaseDecided(@Observes CaseDecided decided) {
    Instant now = clock.instant();
    for (ReviewTask task : openTasksOf(decided.caseId())) {
      task.cancel("case " + decided.outcome(), now);
      audit.record(
          decided.caseId(),
          CaseProgress.WORKFLOW,
          "TASK_CANCELLED",
          Map.of(
              "taskId",
              task.id().toString(),
              "taskType",
              task.type().name(),
              "reason",
              "case " + decided.outcome()));
    }
  }

  @Transactional
  public List<Long> openJobKeys() {
    return em.createQuery("select t.jobKey from ReviewTask t where t.status = :open", Long.class)
        .setParameter("open", TaskStatus.OPEN)
        .getResultList();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public List<ReviewTask> openTasksOf(UUID caseId) {
    return em.createQuery(
            "from ReviewTask t where t.caseId = :caseId and t.status = :open", ReviewTask.class)
        .setParameter("caseId", caseId)
        .setParameter("open", TaskStatus.OPEN)
        .getResultList();
  }

  /** The latest completed task of a type on a case (whose decision a worker acts on). */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<ReviewTask> lastCompleted(UUID caseId, Set<TaskType> types) {
    return em
        .createQuery(
            "from ReviewTask t where t.caseId = :caseId and t.status = :done and t.type in :types"
                + " order by t.completedAt desc",
            ReviewTask.class)
        .setParameter("caseId", caseId)
        .setParameter("done", TaskStatus.COMPLETED)
        .setParameter("types", types)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  /**
   * The recorded decision (null while open); a technical audit's with its findings and evidence
   * from their table and column (none for audits decided before findings were data).
   */
  public TaskDecision decisionOf(ReviewTask task) {
    if (task.decision() == null) {
      return null;
    }
    TaskDecision decision;
    try {
      decision = json.readValue(task.decision(), TaskDecision.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable decision of task " + task.id(), e);
    }
    if (task.type() != TaskType.TECHNICAL_AUDIT) {
      return decision.withAudit(null, null);
    }
    return decision.withAudit(
        task.findings().stream()
            .map(f -> new TaskDecision.Finding(f.severity().name(), f.text()))
            .toList(),
        task.evidence());
  }

  /** "2 findings: critical — weights unencrypted; minor — no key rotation", or "no findings". */
  static String findingsInWords(List<TaskDecision.Finding> findings) {
    if (findings.isEmpty()) {
      return "no findings";
    }
    StringBuilder words =
        new StringBuilder()
            .append(findings.size())
            .append(findings.size() == 1 ? " finding: " : " findings: ");
    for (int i = 0; i < findings.size(); i++) {
      TaskDecision.Finding f = findings.get(i);
      words
          .append(i == 0 ? "" : "; ")
          .append(f.severity().toLowerCase(Locale.ROOT))
          .append(" — ")
          .append(f.text());
    }
    return abbreviate(words.toString(), MAX_FINDINGS_IN_WORDS);
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  // ------------------------------------------------------------------ the inboxes

  /** One page of the search, each task shown as {@code view} inside the transaction. */
  @Transactional
  public <V> PageResponse<V> search(TaskSearchCriteria criteria, TaskView<V> view) {
    Result result = search(criteria);
    // the page's cases in one query, not one lookup per task
    Map<UUID, ExportCase> byId = new HashMap<>();
    List<UUID> caseIds = result.tasks().stream().map(ReviewTask::caseId).distinct().toList();
    if (!caseIds.isEmpty()) {
      cases.list("id in ?1", caseIds).forEach(c -> byId.put(c.id(), c));
    }
    return PageResponse.of(
        result.tasks().stream().map(task -> show(task, byId, view)).toList(),
        criteria.page(),
        criteria.size(),
        result.total());
  }

  /** {@link #get(UUID)}, shown as {@code view} inside the transaction. */
  @Transactional
  public <V> V get(UUID id, TaskView<V> view) {
    return show(get(id), new HashMap<>(), view);
  }

  /** {@link #claim(UUID)}, shown as {@code view} inside the transaction. */
  @Transactional
  public <V> V claim(UUID id, TaskView<V> view) {
    return show(claim(id), new HashMap<>(), view);
  }

  /** {@link #unclaim(UUID)}, shown as {@code view} inside the transaction. */
  @Transactional
  public <V> V unclaim(UUID id, TaskView<V> view) {
    return show(unclaim(id), new HashMap<>(), view);
  }

  /** {@link #reassign(UUID, String, String)}, shown as {@code view} inside the transaction. */
  @Transactional
  public <V> V reassign(UUID id, String assignee, String note, TaskView<V> view) {
    return show(reassign(id, assignee, note), new HashMap<>(), view);
  }

  /** {@link #complete(UUID, TaskDecision)}, shown as {@code view} inside the transaction. */
  @Transactional
  public <V> V complete(UUID id, TaskDecision decision, TaskView<V> view) {
    return show(complete(id, decision), new HashMap<>(), view);
  }

  /** {@code byId}: the cases already read for this answer, so a page reads each case once. */
  private <V> V show(ReviewTask task, Map<UUID, ExportCase> byId, TaskView<V> view) {
    ExportCase exportCase = byId.computeIfAbsent(task.caseId(), cases::findById);
    return view.of(task, exportCase, decisionOf(task));
  }

  @Transactional
  public Result search(TaskSearchCriteria criteria) {
    requireStaff();
    // Every role's tasks: managers always; other staff for one case (its review history, which
    // an approver reads before deciding).
    if (criteria.allRoles() && !caller.hasRole(Caller.MANAGER) && criteria.caseId() == null) {
      throw Rejection.forbidden(
          "Only managers list every role's tasks; other staff may for one case (caseId).");
    }
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (!criteria.allRoles()) {
      where.add("(t.candidateRole in :roles or t.assignee = :me)");
      parameters.put("roles", caller.roles());
      parameters.put("me", caller.username());
    }
    if (criteria.status() != null) {
      where.add("t.status = :status");
      parameters.put("status", criteria.status());
    }
    if (!criteria.types().isEmpty()) {
      where.add("t.type in :types");
      parameters.put("types", criteria.types());
    }
    if (criteria.caseId() != null) {
      where.add("t.caseId = :caseId");
      parameters.put("caseId", criteria.caseId());
    }
    if (criteria.assignedToMe()) {
      where.add("t.assignee = :assignee");
      parameters.put("assignee", caller.username());
    }
    if (criteria.unassigned()) {
      where.add("t.assignee is null");
    }
    if (!criteria.stages().isEmpty()) {
      java.util.Set<org.clearance.api.cases.domain.CaseStatus> statuses =
          java.util.EnumSet.noneOf(org.clearance.api.cases.domain.CaseStatus.class);
      criteria.stages().forEach(stage -> statuses.addAll(stage.statuses()));
      where.add("t.caseId in (select c.id from ExportCase c where c.status in :caseStatuses)");
      parameters.put("caseStatuses", statuses);
    }
    if (criteria.destination() != null) {
      where.add(
          "t.caseId in (select c.id from ExportCase c where :destination member of"
              + " c.destinations)");
      parameters.put("destination", criteria.destination());
    }
    if (criteria.classification() != null) {
      where.add(
          "t.caseId in (select c.id from ExportCase c join c.items i"
              + " where i.eccn = :classification or i.eccn like :classificationParagraph)");
      parameters.put("classification", criteria.classification());
      parameters.put("classificationParagraph", criteria.classification() + ".%");
    }
    if (criteria.overdue()) {
      where.add("t.status = :openForOverdue and t.dueAt < :now");
      parameters.put("openForOverdue", TaskStatus.OPEN);
      parameters.put("now", clock.instant());
    }
    String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
    var query =
        em.createQuery(
            "from ReviewTask t"
                + filter
                + (criteria.dueLast()
                    ? " order by t.dueAt desc nulls last, t.createdAt desc, t.id"
                    : " order by t.dueAt asc nulls last, t.createdAt, t.id"),
            ReviewTask.class);
    var count = em.createQuery("select count(t) from ReviewTask t" + filter, Long.class);
    parameters.forEach(
        (name, value) -> {
          query.setParameter(name, value);
          count.setParameter(name, value);
        });
    List<ReviewTask> page =
        query
            .setFirstResult(criteria.page() * criteria.size())
            .setMaxResults(criteria.size())
            .getResultList();
    return new Result(page, count.getSingleResult());
  }

  @Transactional
  public ReviewTask get(UUID id) {
    requireStaff();
    ReviewTask task = em.find(ReviewTask.class, id);
    if (task == null || !mayRead(task)) {
      throw Rejection.notFound("Task " + id);
    }
    return task;
  }

  @Transactional
  public ReviewTask claim(UUID id) {
    requireStaff();
    ReviewTask task = lockOpen(id);
    requireCandidate(task, "claim");
    requireFourEyes(task, caller.username());
    if (task.assignee() != null) {
      throw Rejection.conflict(
          "task-already-claimed",
          "The task is already claimed",
          "Task " + id + " is assigned to " + task.assignee() + ".");
    }
    task.assignTo(caller.username(), clock.instant());
    ExportCase exportCase = cases.findById(task.caseId());
    audit.record(
        task.caseId(),
        caller.username(),
        "TASK_CLAIMED",
        Map.of("taskId", id.toString(), "taskType", task.type().name()));
    fireAssigned(task, exportCase);
    return flushed(task);
  }

  @Transactional
  public ReviewTask unclaim(UUID id) {
    requireStaff();
    ReviewTask task = lockOpen(id);
    boolean manager = caller.hasRole(Caller.MANAGER);
    if (!caller.username().equals(task.assignee()) && !manager) {
      if (!caller.roles().contains(task.candidateRole())) {
        throw outsideRole(task, "unclaim");
      }
      throw Rejection.conflict(
          "task-not-yours",
          "The task is not claimed by you",
          task.assignee() == null
              ? "Task " + id + " is not claimed."
              : "Task " + id + " is claimed by " + task.assignee() + ".");
    }
    if (task.assignee() == null) {
      throw Rejection.conflict(
          "task-not-claimed", "The task is not claimed", "Task " + id + " is not claimed.");
    }
    String previous = task.assignee();
    task.assignTo(null, clock.instant());
    audit.record(
        task.caseId(),
        caller.username(),
        "TASK_UNCLAIMED",
        Map.of(
            "taskId", id.toString(), "taskType", task.type().name(), "previousAssignee", previous));
    fireAssigned(task, cases.findById(task.caseId()));
    return flushed(task);
  }

  /** Longest note a manager may attach to a reassignment. */
  public static final int MAX_NOTE_LENGTH = 500;

  /**
   * The users a manager may hand an open task to: known users holding its role who pass four eyes
   * for it, by username (the current assignee included).
   */
  @Transactional
  public List<String> eligibleAssignees(UUID id) {
    requireStaff();
    if (!caller.hasRole(Caller.MANAGER)) {
      throw Rejection.forbidden(
          "Only managers reassign tasks; your roles are " + caller.roles() + ".");
    }
    ReviewTask task = lockOpen(id);
    return directory.usersWithRole(task.candidateRole()).stream()
        .filter(user -> fourEyesConflict(task, user) == null)
        .toList();
  }

  @Transactional
  public ReviewTask reassign(UUID id, String assignee) {
    return reassign(id, assignee, null);
  }

  /** Hands an open task to {@code assignee}; the manager's note goes into the audit trail. */
  @Transactional
  public ReviewTask reassign(UUID id, String assignee, String note) {
    requireStaff();
    if (!caller.hasRole(Caller.MANAGER)) {
      throw Rejection.forbidden(
          "Only managers reassign tasks; your roles are " + caller.roles() + ".");
    }
    ReviewTask task = lockOpen(id);
    String target = assignee == null ? null : assignee.strip();
    if (target == null || target.isEmpty()) {
      throw invalid(List.of(new FieldError("assignee", "must name a user")));
    }
    Set<String> roles =
        directory
            .rolesOf(target)
            .orElseThrow(
                () ->
                    invalid(
                        List.of(
                            new FieldError(
                                "assignee",
                                "no user "
                                    + target
                                    + " is known (they have never signed in to Clearance)"))));
    if (!roles.contains(task.candidateRole())) {
      throw invalid(
          List.of(
              new FieldError(
                  "assignee", target + " does not have the role " + task.candidateRole())));
    }
    String conflict = fourEyesConflict(task, target);
    if (conflict != null) {
      throw invalid(List.of(new FieldError("assignee", conflict)));
    }
    String reason = note == null || note.isBlank() ? null : note.strip();
    if (reason != null && reason.length() > MAX_NOTE_LENGTH) {
      throw invalid(
          List.of(new FieldError("note", "must be at most " + MAX_NOTE_LENGTH + " characters")));
    }
    String previous = task.assignee();
    task.assignTo(target, clock.instant());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("taskId", id.toString());
    detail.put("taskType", task.type().name());
    detail.put("assignee", target);
    if (previous != null) {
      detail.put("previousAssignee", previous);
    }
    if (reason != null) {
      detail.put("note", reason);
    }
    audit.record(task.caseId(), caller.username(), "TASK_REASSIGNED", detail);
    fireAssigned(task, cases.findById(task.caseId()));
    return flushed(task);
  }

  /**
   * Records the decision and completes the engine's job with its variables, in one transaction: if
   * the engine refuses, nothing is kept.
   */
  @Transactional
  public ReviewTask complete(UUID id, TaskDecision decision) {
    requireStaff();
    // The case first, then the task: the order every writer of both follows (no deadlocks).
    ReviewTask unlocked = em.find(ReviewTask.class, id);
    if (unlocked == null) {
      throw Rejection.notFound("Task " + id);
    }
    ExportCase exportCase = progress.lock(unlocked.caseId());
    ReviewTask task = lockOpen(id);
    requireCandidate(task, "complete");
    requireFourEyes(task, caller.username());
    if (task.assignee() != null && !task.assignee().equals(caller.username())) {
      throw Rejection.conflict(
          "task-already-claimed",
          "The task is claimed by someone else",
          "Task " + id + " is assigned to " + task.assignee() + "; ask a manager to reassign it.");
    }
    List<ScreeningMatch> matches =
        task.type() == TaskType.ADJUDICATE_MATCHES ? screening.matchesOf(task.caseId()) : List.of();
    TaskDecision normalised = rules.normalise(task.type(), decision, matches);
    Map<String, Object> variables = rules.variables(task.type(), normalised);
    if ((task.type() == TaskType.APPROVAL || task.type() == TaskType.COUNTERSIGN)
        && TaskDecisionRules.APPROVE.equals(normalised.outcome())) {
      // a re-screen may have raised a match after the adjudication: its adjudication task comes
      // first (a process of an older model, with no such task, is not held up forever)
      long pending =
          screening.matchesOf(task.caseId()).stream().filter(m -> m.disposition() == null).count();
      boolean adjudicating =
          openTasksOf(task.caseId()).stream()
              .anyMatch(t -> t.type() == TaskType.ADJUDICATE_MATCHES);
      if (pending > 0 && adjudicating) {
        throw Rejection.conflict(
            "matches-pending",
            "Screening matches are waiting for adjudication",
            "Case "
                + exportCase.reference()
                + " has "
                + pending
                + " potential screening match(es) waiting in an open adjudication task; the"
                + " approval waits for it.");
      }
    }
    Instant now = clock.instant();
    if (task.type() == TaskType.ADJUDICATE_MATCHES) {
      for (TaskDecision.MatchDisposition d : normalised.dispositions()) {
        matches.stream()
            .filter(m -> m.id().equals(d.matchId()))
            .findFirst()
            .ifPresent(
                m ->
                    m.dispose(
                        ScreeningMatch.Disposition.valueOf(d.disposition()),
                        d.reason(),
                        caller.username(),
                        now));
      }
      screening.rememberDecisions(matches);
      // the case is high-risk if any adjudication of it confirmed a match, not only this one
      variables.put(
          "confirmedMatch",
          matches.stream().anyMatch(m -> m.disposition() == ScreeningMatch.Disposition.TRUE_MATCH));
      matches.stream()
          .filter(m -> m.disposition() == ScreeningMatch.Disposition.TRUE_MATCH)
          .findFirst()
          .ifPresent(
              m -> {
                // a confirmed match makes the case high-risk (the approval then needs a
                // countersign: the process reads confirmedMatch, the case shows the flag)
                String why =
                    "Confirmed screening match: "
                        + m.partyName()
                        + " ~ "
                        + m.listedName()
                        + " ("
                        + m.listSource()
                        + ", "
                        + m.listVersion()
                        + ")";
                exportCase.flagHighRisk(why);
                audit.record(
                    exportCase.id(), caller.username(), "HIGH_RISK_FLAGGED", Map.of("reason", why));
              });
    }
    if (task.type() == TaskType.TECHNICAL_AUDIT) {
      task.recordAudit(
          normalised.findings().stream()
              .map(f -> new AuditFinding(FindingSeverity.valueOf(f.severity()), f.text()))
              .toList(),
          normalised.evidence());
      if (TaskDecisionRules.certifiedWithCriticalFinding(task.type(), normalised)
          && !exportCase.highRisk()) {
        String why =
            "Technical audit certified with a critical finding: "
                + normalised.findings().stream()
                    .filter(f -> FindingSeverity.CRITICAL.name().equals(f.severity()))
                    .findFirst()
                    .orElseThrow()
                    .text();
        exportCase.flagHighRisk(abbreviate(why, MAX_FLAG_REASON));
        audit.record(
            exportCase.id(),
            caller.username(),
            "HIGH_RISK_FLAGGED",
            Map.of("reason", abbreviate(why, MAX_FLAG_REASON)));
      }
    }
    // findings and evidence live in their own table and column, the rest stays JSON
    task.complete(caller.username(), toJson(normalised.withAudit(null, null)), now);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("taskId", id.toString());
    detail.put("taskType", task.type().name());
    if (normalised.outcome() != null) {
      detail.put("outcome", normalised.outcome());
    }
    detail.putAll(variables);
    if (task.type() == TaskType.TECHNICAL_AUDIT) {
      detail.put("findings", findingsInWords(normalised.findings()));
      if (normalised.evidence() != null) {
        detail.put("evidence", normalised.evidence());
      }
    }
    audit.record(exportCase.id(), caller.username(), "TASK_COMPLETED", detail);
    em.flush();
    try {
      process.completeJob(task.jobKey(), variables);
    } catch (JobGoneException e) {
      throw Rejection.conflict(
          "task-closed",
          "The task is no longer open",
          "The process of case " + exportCase.reference() + " has moved on; reload the task.");
    }
    LOG.infof(
        "case %s: %s task %s completed by %s (%s)",
        exportCase.reference(), task.type(), id, caller.username(), variables);
    return task;
  }

  // ------------------------------------------------------------------ rules

  private ReviewTask lockOpen(UUID id) {
    ReviewTask task = em.find(ReviewTask.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (task == null || !mayRead(task)) {
      throw Rejection.notFound("Task " + id);
    }
    if (!task.isOpen()) {
      throw Rejection.conflict(
          "task-closed", "The task is no longer open", "Task " + id + " is " + task.status() + ".");
    }
    return task;
  }

  /** Staff read every task; who may act on it is checked per action. */
  private boolean mayRead(ReviewTask task) {
    return caller.isCaseStaff();
  }

  private void requireStaff() {
    if (!caller.isCaseStaff()) {
      throw Rejection.forbidden(
          "Tasks are for auditors, legal reviewers, approvers and managers; your roles are "
              + caller.roles()
              + ".");
    }
  }

  private void requireCandidate(ReviewTask task, String action) {
    if (!caller.roles().contains(task.candidateRole())) {
      throw outsideRole(task, action);
    }
  }

  private Rejection.Forbidden outsideRole(ReviewTask task, String action) {
    return Rejection.forbidden(
        "Only the role "
            + task.candidateRole()
            + " can "
            + action
            + " a "
            + task.type()
            + " task; your roles are "
            + caller.roles()
            + ".");
  }

  private void requireFourEyes(ReviewTask task, String username) {
    String conflict = fourEyesConflict(task, username);
    if (conflict != null) {
      throw Rejection.forbidden(conflict);
    }
  }

  /**
   * Four eyes: whoever reviewed a case (screening adjudication, technical audit, legal review) may
   * not approve it, and whoever approved it may not countersign it.
   */
  private String fourEyesConflict(ReviewTask task, String username) {
    Set<TaskType> earlier =
        switch (task.type()) {
          case APPROVAL ->
              Set.of(TaskType.ADJUDICATE_MATCHES, TaskType.TECHNICAL_AUDIT, TaskType.LEGAL_REVIEW);
          case COUNTERSIGN -> Set.of(TaskType.APPROVAL);
          default -> Set.of();
        };
    if (earlier.isEmpty()) {
      return null;
    }
    List<TaskType> done =
        em.createQuery(
                "select distinct t.type from ReviewTask t where t.caseId = :caseId"
                    + " and t.status = :done and t.completedBy = :user and t.type in :types",
                TaskType.class)
            .setParameter("caseId", task.caseId())
            .setParameter("done", TaskStatus.COMPLETED)
            .setParameter("user", username)
            .setParameter("types", earlier)
            .getResultList();
    if (done.isEmpty()) {
      return null;
    }
    return "Four eyes: "
        + username
        + " completed the "
        + done.stream().map(Enum::name).sorted().toList()
        + " task(s) of this case and so cannot take its "
        + task.type()
        + " task.";
  }

  private Optional<ReviewTask> byJobKey(long jobKey) {
    return em
        .createQuery("from ReviewTask t where t.jobKey = :jobKey", ReviewTask.class)
        .setParameter("jobKey", jobKey)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  private void fireAssigned(ReviewTask task, ExportCase exportCase) {
    assigned.fire(
        new TaskAssigned(
            task.id(),
            task.caseId(),
            exportCase.reference(),
            task.type().name(),
            task.candidateRole(),
            task.assignee(),
            task.dueAt()));
  }

  private ReviewTask flushed(ReviewTask task) {
    em.flush();
    return task;
  }

  private static Rejection.Invalid invalid(List<FieldError> errors) {
    return Rejection.invalid(
        "validation-failed",
        "The request has invalid fields",
        errors.size() + " field(s) are invalid; nothing was changed.",
        errors);
  }

  private String toJson(TaskDecision decision) {
    try {
      return json.writeValueAsString(decision);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
