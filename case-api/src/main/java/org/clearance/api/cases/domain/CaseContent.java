package org.clearance.api.cases.domain;

import java.util.List;
import org.clearance.api.items.domain.CaseItem;
import org.clearance.api.parties.domain.CaseParty;

/** Everything an applicant states in an application, as one value (drafts may be partial). */
public record CaseContent(
    String contactName,
    String contactEmail,
    String contactPhone,
    List<CaseItem.Content> items,
    List<CaseParty.Content> parties,
    List<String> destinations,
    String endUseStatement) {

  public static CaseContent of(ExportCase exportCase) {
    return new CaseContent(
        exportCase.contactName(),
        exportCase.contactEmail(),
        exportCase.contactPhone(),
        exportCase.items().stream().map(item -> item.content()).toList(),
        exportCase.parties().stream().map(party -> party.content()).toList(),
        exportCase.destinations(),
        exportCase.endUseStatement());
  }

  /** Writes this content into a draft. */
  public void applyTo(ExportCase exportCase) {
    exportCase.setContact(contactName, contactEmail, contactPhone);
    exportCase.replaceItems(items);
    exportCase.replaceParties(parties);
    exportCase.replaceDestinations(destinations);
    exportCase.setEndUseStatement(endUseStatement);
  }
}
