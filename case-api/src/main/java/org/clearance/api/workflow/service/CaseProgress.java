package org.clearance.api.workflow.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.clearance.api.audit.service.AuditService;
import org.clearance.api.cases.domain.CaseRepository;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.cases.domain.ExportCase;
import org.jboss.logging.Logger;

/** Status changes the process drives, each with its audit event in the caller's transaction. */
@ApplicationScoped
public class CaseProgress {

  /** The actor of changes the process makes on its own. */
  public static final String WORKFLOW = "workflow";

  private static final Logger LOG = Logger.getLogger(CaseProgress.class);

  private final CaseRepository cases;
  private final AuditService audit;
  private final Clock clock;

  CaseProgress(CaseRepository cases, AuditService audit, Clock clock) {
    this.cases = cases;
    this.audit = audit;
    this.clock = clock;
  }

  /** The case, locked for this transaction; a job for a case that does not exist is a bug. */
  @Transactional(Transactional.TxType.MANDATORY)
  public ExportCase lock(UUID caseId) {
    return cases
        .findByIdForUpdate(caseId)
        .orElseThrow(() -> new IllegalStateException("no case " + caseId));
  }

  /**
   * Moves the case to {@code target} and records why; a case already there stays as it is (and
   * nothing is recorded), so a handler that runs again changes nothing.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean move(
      ExportCase exportCase, CaseStatus target, String actor, String action, Map<String, ?> more) {
    CaseStatus from = exportCase.status();
    if (from == target) {
      return false;
    }
    exportCase.moveTo(target, clock.instant());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("from", from.name());
    detail.put("to", target.name());
    detail.putAll(more);
    audit.record(exportCase.id(), actor, action, detail);
    LOG.infof("case %s %s -> %s (%s by %s)", exportCase.reference(), from, target, action, actor);
    return true;
  }
}
