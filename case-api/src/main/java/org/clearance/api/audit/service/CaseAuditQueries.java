package org.clearance.api.audit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.clearance.api.audit.domain.AuditEvent;
import org.clearance.api.cases.service.CaseAccess;

/** The audit trail of one case as its readers see it: the transaction boundary of the audit API. */
@ApplicationScoped
public class CaseAuditQueries {

  private final AuditService audit;
  private final CaseAccess access;

  CaseAuditQueries(AuditService audit, CaseAccess access) {
    this.audit = audit;
    this.access = access;
  }

  /**
   * The case's events, oldest first, each shown as {@code view} inside the transaction; not found
   * unless the caller may read the case.
   */
  @Transactional
  public <V> List<V> eventsOfCase(UUID caseId, Function<AuditEvent, V> view) {
    access.readable(caseId);
    return audit.eventsOfCase(caseId).stream().map(view).toList();
  }
}
