package org.clearance.api.screening.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.clearance.api.audit.service.AuditService;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.licences.domain.LicenceStatus;
import org.clearance.api.notifications.domain.NotificationType;
import org.clearance.api.notifications.domain.RecipientKind;
import org.clearance.api.notifications.service.NotificationService;
import org.clearance.api.notifications.service.StatusWords;
import org.clearance.api.screening.domain.ScreeningMatch;
import org.clearance.api.sla.domain.SlaStage;
import org.clearance.api.sla.service.SlaPlanner;
import org.clearance.api.workflow.service.CaseProcessService;
import org.clearance.api.workflow.service.CaseProgress;
import org.jboss.logging.Logger;

/**
 * Screens again, after a list version is imported, every open case and every case whose licence is
 * ISSUED. Only new hits are raised (an entry, or a changed entry, not matched before for that
 * party; remembered false matches stay quiet); the case's legal reviewer is told, and for a licence
 * in force the managers too, so they can suspend it. When the case's process has already passed its
 * adjudication (or never needed one) and no adjudication task is open, the new hits open a new
 * adjudication task for the legal reviewers: the process's message event sub-process {@code
 * SubProcess_NewScreeningMatch}, started by the message {@value #NEW_MATCH_MESSAGE}; an open
 * adjudication task simply gets the new hits to dispose of as well. A run is one row per list
 * version and one item per case, each done in its own transaction: a restart resumes the items left
 * and never screens a case twice for the same version (the message's id makes a repeated publish
 * start nothing twice).
 */
@ApplicationScoped
public class RescreenService {

  private static final Logger LOG = Logger.getLogger(RescreenService.class);
  static final String ACTOR = "screening";
  public static final String NEW_MATCH_MESSAGE = "clearance.screening.new-match";

  private final EntityManager em;
  private final ScreeningService screening;
  private final CaseProgress progress;
  private final AuditService audit;
  private final NotificationService notifications;
  private final Clock clock;
  private final CaseProcessService process;
  private final SlaPlanner sla;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "clearance-rescreen"));

  RescreenService(
      EntityManager em,
      ScreeningService screening,
      CaseProgress progress,
      AuditService audit,
      NotificationService notifications,
      Clock clock,
      CaseProcessService process,
      SlaPlanner sla) {
    this.em = em;
    this.screening = screening;
    this.progress = progress;
    this.audit = audit;
    this.notifications = notifications;
    this.clock = clock;
    this.process = process;
    this.sla = sla;
  }

  void onImported(@Observes ListImportService.ListVersionImported imported) {
    long run = QuarkusTransaction.requiringNew().call(() -> plan(imported.versionId()));
    worker.submit(() -> resume(run));
  }

  /** Runs a crash left unfinished. */
  void onStart(@Observes StartupEvent start) {
    List<Long> unfinished =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em
                        .createNativeQuery(
                            "SELECT id FROM cases.rescreen_run WHERE finished_at IS NULL ORDER BY"
                                + " id",
                            Long.class)
                        .getResultList()
                        .stream()
                        .map(Long.class::cast)
                        .toList());
    unfinished.forEach(run -> worker.submit(() -> resume(run)));
  }

  void onStop(@Observes ShutdownEvent stop) {
    worker.shutdownNow();
  }

  /** Creates the run and its items once per list version; returns the run. */
  long plan(long versionId) {
    em.createNativeQuery(
            "INSERT INTO cases.rescreen_run (list_version_id, started_at) VALUES (?1, ?2) ON"
                + " CONFLICT (list_version_id) DO NOTHING")
        .setParameter(1, versionId)
        .setParameter(2, clock.instant())
        .executeUpdate();
    long run =
        ((Number)
                em.createNativeQuery("SELECT id FROM cases.rescreen_run WHERE list_version_id = ?1")
                    .setParameter(1, versionId)
                    .getSingleResult())
            .longValue();
    em.createNativeQuery(
            "INSERT INTO cases.rescreen_item (run_id, case_id, reason) SELECT ?1, c.id,"
                + " CASE WHEN l.id IS NULL THEN 'OPEN_CASE' ELSE 'ISSUED_LICENCE' END FROM"
                + " cases.export_case c LEFT JOIN cases.licence l ON l.case_id = c.id AND"
                // SUBMITTED: not screened yet; its own screening will use the new version
                + " l.status = 'ISSUED' WHERE c.submitted_at IS NOT NULL AND c.status <> 'SUBMITTED'"
                + " AND (l.id IS NOT NULL"
                + " OR c.status NOT IN ('APPROVED', 'DENIED', 'RETURNED_WITHOUT_ACTION',"
                + " 'WITHDRAWN', 'NO_LICENCE_REQUIRED', 'DRAFT')) ON CONFLICT DO NOTHING")
        .setParameter(1, run)
        .executeUpdate();
    return run;
  }

  /** Works through the run's items left, one case per transaction. */
  public void resume(long run) {
    try {
      while (true) {
        Boolean more = QuarkusTransaction.requiringNew().call(() -> next(run));
        if (!more) {
          break;
        }
      }
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery(
                          "UPDATE cases.rescreen_run SET finished_at = ?1 WHERE id = ?2")
                      .setParameter(1, clock.instant())
                      .setParameter(2, run)
                      .executeUpdate());
      LOG.infof("re-screen run %d finished", run);
    } catch (RuntimeException e) {
      // the items left stay pending; the next start-up resumes them
      LOG.errorf(e, "re-screen run %d stopped", run);
    }
  }

  private boolean next(long run) {
    @SuppressWarnings("unchecked")
    List<Object[]> item =
        em.createNativeQuery(
                "SELECT case_id, reason FROM cases.rescreen_item WHERE run_id = ?1 AND done_at IS"
                    + " NULL ORDER BY case_id LIMIT 1 FOR UPDATE SKIP LOCKED")
            .setParameter(1, run)
            .getResultList();
    if (item.isEmpty()) {
      return false;
    }
    UUID caseId = (UUID) item.get(0)[0];
    boolean licence = "ISSUED_LICENCE".equals(item.get(0)[1]);
    ExportCase exportCase = progress.lock(caseId);
    List<ScreeningMatch> fresh = screening.newHits(exportCase);
    em.createNativeQuery(
            "UPDATE cases.rescreen_item SET done_at = ?1, new_hits = ?2 WHERE run_id = ?3 AND"
                + " case_id = ?4")
        .setParameter(1, clock.instant())
        .setParameter(2, fresh.size())
        .setParameter(3, run)
        .setParameter(4, caseId)
        .executeUpdate();
    if (!fresh.isEmpty()) {
      boolean task = !licence && reopenAdjudication(run, exportCase);
      announce(exportCase, fresh, licence, task);
    }
    return true;
  }

  /**
   * Opens a new adjudication task when nothing else will put the new hits before a reviewer: the
   * case's first screening has run (one that has not yet counts every stored match, so its own
   * adjudication gets them) and no adjudication task of the case is open. Returns whether it did. A
   * first adjudication that is due but not yet mirrored gets the new hits too, and the task opened
   * here then needs no disposition: one task too many, never a match without one.
   */
  private boolean reopenAdjudication(long run, ExportCase exportCase) {
    if (exportCase.status().isTerminal()) {
      return false;
    }
    boolean screened =
        (exportCase.status() != CaseStatus.SUBMITTED && exportCase.status() != CaseStatus.SCREENING)
            || !em.createNativeQuery(
                    "SELECT 1 FROM cases.processed_job WHERE case_id = ?1 AND job_type = ?2")
                .setParameter(1, exportCase.id())
                .setParameter(2, ScreeningService.JOB_TYPE)
                .getResultList()
                .isEmpty();
    if (!screened) {
      return false;
    }
    boolean open =
        !em.createNativeQuery(
                "SELECT 1 FROM cases.review_task WHERE case_id = ?1 AND task_type ="
                    + " 'ADJUDICATE_MATCHES' AND status = 'OPEN'")
            .setParameter(1, exportCase.id())
            .getResultList()
            .isEmpty();
    if (open) {
      return false;
    }
    Instant now = clock.instant();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("newMatchesDueAt", sla.plan(now).dueAt(SlaStage.ADJUDICATION).toString());
    process.publishMessage(
        NEW_MATCH_MESSAGE,
        exportCase.reference(),
        "new-match-" + run + "-" + exportCase.id(),
        variables);
    audit.record(
        exportCase.id(),
        ACTOR,
        "ADJUDICATION_REOPENED",
        Map.of("listVersionRun", run, "dueAt", variables.get("newMatchesDueAt")));
    return true;
  }

  private void announce(
      ExportCase exportCase, List<ScreeningMatch> fresh, boolean licence, boolean task) {
    String hits =
        String.join(
            "; ",
            fresh.stream()
                .map(
                    m ->
                        m.partyName()
                            + " ~ "
                            + m.listedName()
                            + " ("
                            + m.listSource()
                            + ", "
                            + m.listVersion()
                            + ", score "
                            + m.score()
                            + ")")
                .toList());
    audit.record(
        exportCase.id(),
        ACTOR,
        "PARTIES_RESCREENED",
        Map.of("newPotentialMatches", fresh.size(), "hits", hits, "licenceInForce", licence));
    String reviewer = legalReviewer(exportCase.id());
    String subject = "New screening match on " + exportCase.reference();
    String body =
        "A new restricted-party list version matches a party of case "
            + exportCase.reference()
            + ": "
            + hits
            + "."
            + (task ? " A new adjudication task is open for the legal reviewers." : "");
    notifications.notify(
        reviewer == null ? RecipientKind.ROLE : RecipientKind.USER,
        reviewer == null ? "legal" : reviewer,
        NotificationType.SCREENING_NEW_MATCH,
        exportCase.id(),
        exportCase.reference(),
        subject,
        body);
    if (licence) {
      notifications.notify(
          RecipientKind.ROLE,
          "manager",
          NotificationType.SCREENING_NEW_MATCH,
          exportCase.id(),
          exportCase.reference(),
          "Licence holder of " + exportCase.reference() + " now matches a restricted party",
          body
              + " The case's licence is "
              + StatusWords.of(LicenceStatus.ISSUED)
              + ": consider suspending it.");
    }
    LOG.infof(
        "case %s re-screened: %d new potential match(es)%s",
        exportCase.reference(), fresh.size(), licence ? ", licence in force" : "");
  }

  /** Whoever last held the case's legal review or adjudication; null: the legal role. */
  private String legalReviewer(UUID caseId) {
    @SuppressWarnings("unchecked")
    List<String> found =
        em.createNativeQuery(
                "SELECT coalesce(completed_by, assignee) FROM cases.review_task WHERE case_id ="
                    + " ?1 AND task_type IN ('LEGAL_REVIEW', 'ADJUDICATE_MATCHES') AND"
                    + " coalesce(completed_by, assignee) IS NOT NULL ORDER BY created_at DESC"
                    + " LIMIT 1")
            .setParameter(1, caseId)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }
}
