package org.clearance.api.licences;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.UUID;
import org.clearance.api.cases.domain.CaseRepository;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.licences.service.LicenceService;
import org.clearance.api.licences.service.LicenceTerms;
import org.clearance.api.support.Applications;

/**
 * Cases brought to approval and licences issued for them, standing in for the review steps of the
 * process side (which move a case to AWAITING_APPROVAL before the issue job runs). Needs a {@link
 * org.clearance.api.support.FakeCaseProcess} installed for the submit.
 */
public final class Licences {

  private Licences() {}

  /** A submitted case of the user's organisation, moved on to AWAITING_APPROVAL. */
  public static String awaitingApproval(String username) {
    return awaitingApproval(username, Applications.complete());
  }

  /** A case with the given application body, submitted and moved on to AWAITING_APPROVAL. */
  public static String awaitingApproval(String username, String body) {
    String id = Applications.draft(username, body);
    Applications.as(username).post("/api/cases/" + id + "/submit").then().statusCode(200);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              CaseRepository cases = Arc.container().instance(CaseRepository.class).get();
              ExportCase exportCase = cases.findByIdForUpdate(UUID.fromString(id)).orElseThrow();
              Instant now = Instant.now();
              exportCase.moveTo(CaseStatus.SCREENING, now);
              exportCase.moveTo(CaseStatus.UNDER_REVIEW, now);
              exportCase.moveTo(CaseStatus.AWAITING_APPROVAL, now);
            });
    return id;
  }

  /** Issues the licence of a case in a transaction of its own; returns its number. */
  public static String issue(String caseId, LicenceTerms terms) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                Arc.container()
                    .instance(LicenceService.class)
                    .get()
                    .issue(UUID.fromString(caseId), terms)
                    .number());
  }

  /** A case of the user's organisation with a freshly issued licence; returns the number. */
  public static String issued(String username) {
    return issue(awaitingApproval(username), LicenceTerms.defaults());
  }
}
