package org.clearance.api.licences.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.clearance.api.licences.domain.Licence;

@ApplicationScoped
public class LicenceMapper {

  public LicenceResponse toResponse(Licence licence, LocalDate today, String sha256) {
    Licence.Holder holder = licence.holder();
    return new LicenceResponse(
        licence.number(),
        licence.caseId(),
        licence.caseReference(),
        licence.statusOn(today).name(),
        licence.statusReason(),
        licence.statusChangedAt(),
        new LicenceResponse.Holder(
            holder.organisation(), holder.contactName(), holder.contactEmail()),
        licence.validFrom(),
        licence.validUntil(),
        licence.issuedAt(),
        licence.items().stream()
            .map(
                item ->
                    new LicenceResponse.Item(
                        item.description(),
                        item.eccn(),
                        item.quantityLimit(),
                        item.unit(),
                        item.valueLimit(),
                        item.currency()))
            .toList(),
        licence.destinations(),
        licence.parties().stream()
            .map(
                party ->
                    new LicenceResponse.Party(
                        party.role(), party.name(), party.address(), party.country()))
            .toList(),
        licence.conditions(),
        new LicenceResponse.Document("/api/licences/" + licence.number() + "/document", sha256));
  }
}
