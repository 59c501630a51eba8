package org.clearance.api.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.clearance.api.cases.domain.CaseRepository;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.security.service.Caller;

/**
 * Who may see and change which case. A case the caller may not see answers 404, never 403, so that
 * one organisation cannot learn which cases another one has.
 */
@ApplicationScoped
public class CaseAccess {

  private final CaseRepository cases;
  private final Caller caller;

  CaseAccess(CaseRepository cases, Caller caller) {
    this.cases = cases;
    this.caller = caller;
  }

  /**
   * Applicants see their organisation's cases; case staff see every case that was ever submitted (a
   * draft withdrawn before submission never reached the authority).
   */
  public boolean canSee(ExportCase exportCase) {
    boolean ownOrganisation =
        caller.isApplicant() && caller.organisation().equals(exportCase.organisation());
    boolean staffOnSubmitted = caller.isCaseStaff() && exportCase.submittedAt() != null;
    return ownOrganisation || staffOnSubmitted;
  }

  /** A case the caller may read, or 403 (no case-reading role) or 404. */
  public ExportCase readable(UUID id) {
    caller.requireCaseReader();
    return cases.findByIdOptional(id).filter(this::canSee).orElseThrow(() -> notFound(id));
  }

  /**
   * A case the calling applicant may act on for its organisation, locked for this transaction; 403
   * for other roles, 404 if the caller cannot see it.
   */
  public ExportCase ownedForUpdate(UUID id, String action) {
    caller.requireApplicant(action);
    ExportCase exportCase =
        cases.findByIdForUpdate(id).filter(this::canSee).orElseThrow(() -> notFound(id));
    if (!caller.organisation().equals(exportCase.organisation())) {
      throw Rejection.forbidden(
          "Only applicants of " + exportCase.organisation() + " can " + action + ".");
    }
    return exportCase;
  }

  /** Like {@link #ownedForUpdate} and the case must still be a draft (else 409). */
  public ExportCase draftForUpdate(UUID id, String action) {
    ExportCase exportCase = ownedForUpdate(id, action);
    if (!exportCase.isEditable()) {
      throw Rejection.conflict(
          "case-not-editable",
          "The case can no longer be edited",
          "Case "
              + exportCase.reference()
              + " is "
              + exportCase.status()
              + "; only drafts can be changed.");
    }
    return exportCase;
  }

  /**
   * A case of the caller's organisation that may take new supporting documents: a draft, or a case
   * waiting for the applicant's answer to a request for information (the answer names them).
   */
  public ExportCase acceptingDocuments(UUID id, String action) {
    ExportCase exportCase = ownedForUpdate(id, action);
    if (!exportCase.isEditable()
        && exportCase.status() != org.clearance.api.cases.domain.CaseStatus.AWAITING_APPLICANT) {
      throw Rejection.conflict(
          "case-not-editable",
          "The case takes no more documents",
          "Case "
              + exportCase.reference()
              + " is "
              + exportCase.status()
              + "; documents are added to drafts, or with the answer to a request for"
              + " information.");
    }
    return exportCase;
  }

  private static Rejection.NotFound notFound(UUID id) {
    return Rejection.notFound("Case " + id);
  }
}
