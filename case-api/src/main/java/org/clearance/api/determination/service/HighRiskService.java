package org.clearance.api.determination.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.api.audit.service.AuditService;
import org.clearance.api.cases.domain.CaseRepository;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.security.service.Caller;
import org.clearance.api.workflow.service.CaseProcessService;

/** A manager marks a case high-risk: its approval then needs a manager's countersign. */
@ApplicationScoped
public class HighRiskService {

  private final CaseRepository cases;
  private final CaseProcessService process;
  private final AuditService audit;
  private final Caller caller;

  HighRiskService(
      CaseRepository cases, CaseProcessService process, AuditService audit, Caller caller) {
    this.cases = cases;
    this.process = process;
    this.audit = audit;
    this.caller = caller;
  }

  @Transactional
  public ExportCase flag(UUID caseId, String reason) {
    if (!caller.hasRole(Caller.MANAGER)) {
      throw Rejection.forbidden(
          "Only managers flag cases as high-risk; your roles are " + caller.roles() + ".");
    }
    ExportCase exportCase =
        cases
            .findByIdForUpdate(caseId)
            .filter(c -> c.submittedAt() != null)
            .orElseThrow(() -> Rejection.notFound("Case " + caseId));
    String why = reason == null ? null : reason.strip();
    if (why == null || why.isEmpty()) {
      throw Rejection.invalid(
          "validation-failed",
          "The flag has invalid fields",
          "A reason is needed.",
          List.of(new FieldError("reason", "must not be blank")));
    }
    if (exportCase.status().isTerminal()) {
      throw Rejection.conflict(
          "case-closed",
          "The case is closed",
          "Case " + exportCase.reference() + " is " + exportCase.status() + ".");
    }
    exportCase.flagHighRisk(why);
    audit.record(caseId, caller.username(), "HIGH_RISK_FLAGGED", Map.of("reason", why));
    cases.flush();
    process.setVariables(exportCase, Map.of("highRiskFlag", true));
    return exportCase;
  }
}
