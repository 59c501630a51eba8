package org.clearance.api.licences.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.clearance.api.cases.service.CaseAccess;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.licences.domain.Licence;
import org.clearance.api.licences.domain.LicenceRepository;
import org.clearance.api.security.service.Caller;

/**
 * Who may see and manage which licence: applicants of the holder organisation and case staff see
 * it, managers change its status. Another organisation's licence answers 404, as cases do.
 */
@ApplicationScoped
public class LicenceAccess {

  private final LicenceRepository licences;
  private final CaseAccess cases;
  private final Caller caller;

  LicenceAccess(LicenceRepository licences, CaseAccess cases, Caller caller) {
    this.licences = licences;
    this.cases = cases;
    this.caller = caller;
  }

  public Licence readable(String number) {
    caller.requireCaseReader();
    return licences.findByNumber(number).filter(this::canSee).orElseThrow(() -> notFound(number));
  }

  /** The licence of a case the caller may read; 404 if the case has none (yet). */
  public Licence ofCase(UUID caseId) {
    cases.readable(caseId);
    return licences
        .findByCaseId(caseId)
        .orElseThrow(() -> Rejection.notFound("A licence for case " + caseId));
  }

  /** Only managers suspend, reinstate and revoke licences. */
  public void requireManager(String action) {
    if (!caller.hasRole(Caller.MANAGER)) {
      throw Rejection.forbidden(
          "Only managers can " + action + "; your roles are " + caller.roles() + ".");
    }
  }

  private boolean canSee(Licence licence) {
    boolean holder =
        caller.isApplicant() && caller.organisation().equals(licence.holderOrganisation());
    return holder || caller.isCaseStaff();
  }

  private static Rejection.NotFound notFound(String number) {
    return Rejection.notFound("Licence " + number);
  }
}
