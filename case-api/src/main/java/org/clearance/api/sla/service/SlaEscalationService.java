package org.clearance.api.sla.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.clearance.api.audit.service.AuditService;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.cases.domain.event.SlaEscalated;
import org.clearance.api.sla.domain.SlaEscalation;
import org.clearance.api.workflow.service.CaseProgress;
import org.clearance.api.workflow.service.ProcessedJobs;
import org.jboss.logging.Logger;

/**
 * Records that a stage breached its target (the BPMN's boundary timer fired) and tells managers.
 */
@ApplicationScoped
public class SlaEscalationService {

  public static final String JOB_TYPE = "clearance.sla.escalate";

  private static final Logger LOG = Logger.getLogger(SlaEscalationService.class);

  private final EntityManager em;
  private final CaseProgress progress;
  private final ProcessedJobs processed;
  private final AuditService audit;
  private final Event<SlaEscalated> escalated;
  private final Clock clock;

  SlaEscalationService(
      EntityManager em,
      CaseProgress progress,
      ProcessedJobs processed,
      AuditService audit,
      Event<SlaEscalated> escalated,
      Clock clock) {
    this.em = em;
    this.progress = progress;
    this.processed = processed;
    this.audit = audit;
    this.escalated = escalated;
    this.clock = clock;
  }

  @Transactional
  public void escalate(UUID caseId, String stage, Instant dueAt, long jobKey) {
    ExportCase exportCase = progress.lock(caseId);
    if (!processed.firstTime(jobKey, JOB_TYPE, caseId) || exportCase.status().isTerminal()) {
      return;
    }
    Instant now = clock.instant();
    em.persist(new SlaEscalation(caseId, stage, dueAt, now, jobKey));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("stage", stage);
    if (dueAt != null) {
      detail.put("dueAt", dueAt.toString());
    }
    audit.record(caseId, CaseProgress.WORKFLOW, "SLA_ESCALATED", detail);
    escalated.fire(new SlaEscalated(caseId, exportCase.reference(), stage, dueAt, now));
    LOG.warnf(
        "case %s: %s passed its target (due %s); escalated", exportCase.reference(), stage, dueAt);
  }
}
