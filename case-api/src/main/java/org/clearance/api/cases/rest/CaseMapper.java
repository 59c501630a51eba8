package org.clearance.api.cases.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.clearance.api.cases.domain.CaseContent;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.cases.service.DraftInput;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.documents.domain.CaseDocument;
import org.clearance.api.documents.rest.DocumentResponse;
import org.clearance.api.items.domain.CaseItem;
import org.clearance.api.items.domain.ItemKind;
import org.clearance.api.items.domain.WeightsAccess;
import org.clearance.api.parties.domain.CaseParty;
import org.clearance.api.parties.domain.PartyRole;
import org.clearance.api.sla.service.SlaClock;
import org.clearance.api.sla.service.SlaPlanner;

/** Between the REST records and the domain; entities never leave through the API. */
@ApplicationScoped
public class CaseMapper {

  private final SlaPlanner planner;
  private final Clock clock;

  CaseMapper(SlaPlanner planner, Clock clock) {
    this.planner = planner;
    this.clock = clock;
  }

  /** Reads a request into draft content: trims text, blanks become absent, codes upper-case. */
  public DraftInput toInput(CaseRequest request) {
    List<FieldError> unreadable = new ArrayList<>();
    if (request == null) {
      request = new CaseRequest(null, null, null, null, null);
    }
    CaseRequest.ContactRequest contact =
        request.contact() == null
            ? new CaseRequest.ContactRequest(null, null, null)
            : request.contact();

    List<CaseItem.Content> items = new ArrayList<>();
    List<CaseRequest.ItemRequest> itemRequests = listOf(request.items());
    for (int i = 0; i < itemRequests.size(); i++) {
      CaseRequest.ItemRequest item =
          Objects.requireNonNullElse(
              itemRequests.get(i),
              new CaseRequest.ItemRequest(null, null, null, null, null, null, null, null));
      String field = "items[" + i + "]";
      CaseRequest.AiModelRequest ai =
          Objects.requireNonNullElse(
              item.aiModel(), new CaseRequest.AiModelRequest(null, null, null, null));
      items.add(
          new CaseItem.Content(
              enumValue(
                  field + ".kind", item.kind(), ItemKind::valueOf, ItemKind.values(), unreadable),
              text(item.description()),
              text(item.eccn()),
              CaseItem.normalised(item.quantity()),
              text(item.unit()),
              CaseItem.normalised(item.unitValue()),
              code(item.currency()),
              ai.parameterCount(),
              CaseItem.normalised(ai.trainingComputeOperations()),
              enumValue(
                  field + ".aiModel.weights",
                  ai.weights(),
                  WeightsAccess::valueOf,
                  WeightsAccess.values(),
                  unreadable),
              text(ai.hostingControls())));
    }

    List<CaseParty.Content> parties = new ArrayList<>();
    List<CaseRequest.PartyRequest> partyRequests = listOf(request.parties());
    for (int i = 0; i < partyRequests.size(); i++) {
      CaseRequest.PartyRequest party =
          Objects.requireNonNullElse(
              partyRequests.get(i), new CaseRequest.PartyRequest(null, null, null, null));
      parties.add(
          new CaseParty.Content(
              enumValue(
                  "parties[" + i + "].role",
                  party.role(),
                  PartyRole::valueOf,
                  PartyRole.values(),
                  unreadable),
              text(party.name()),
              text(party.address()),
              code(party.country())));
    }

    List<String> destinations =
        listOf(request.destinations()).stream().map(CaseMapper::code).toList();
    CaseContent content =
        new CaseContent(
            text(contact.name()),
            text(contact.email()),
            text(contact.phone()),
            items,
            parties,
            destinations,
            text(request.endUseStatement()));
    return new DraftInput(content, unreadable);
  }

  public CaseResponse toResponse(ExportCase exportCase, List<CaseDocument> documents) {
    return new CaseResponse(
        exportCase.id(),
        exportCase.reference(),
        exportCase.status(),
        exportCase.status().stage(),
        exportCase.organisation(),
        exportCase.createdBy(),
        new CaseResponse.ContactResponse(
            exportCase.contactName(), exportCase.contactEmail(), exportCase.contactPhone()),
        exportCase.items().stream().map(item -> toResponse(item.content())).toList(),
        exportCase.parties().stream()
            .map(CaseParty::content)
            .map(p -> new CaseResponse.PartyResponse(p.role(), p.name(), p.address(), p.country()))
            .toList(),
        exportCase.destinations(),
        exportCase.endUseStatement(),
        documents.stream().map(DocumentResponse::of).toList(),
        exportCase.processInstanceKey(),
        exportCase.createdAt(),
        exportCase.updatedAt(),
        exportCase.submittedAt(),
        exportCase.closedAt(),
        exportCase.version(),
        processOf(exportCase));
  }

  /** The case's overall SLA clock while it is open and planned; null otherwise. */
  private SlaClock totalSla(ExportCase exportCase) {
    if (exportCase.submittedAt() == null || exportCase.status().isTerminal()) {
      return null;
    }
    return SlaClock.of(
        planner,
        exportCase.submittedAt(),
        exportCase.totalDueAt(),
        clock.instant(),
        exportCase.slaPausedAt());
  }

  private CaseResponse.ProcessResponse processOf(ExportCase exportCase) {
    if (exportCase.submittedAt() == null) {
      return null;
    }
    SlaClock sla = totalSla(exportCase);
    return new CaseResponse.ProcessResponse(
        exportCase.classification(),
        exportCase.countryGroup(),
        exportCase.licenceRequired(),
        exportCase.reviewPolicy(),
        exportCase.determinationBasis(),
        exportCase.highRisk(),
        exportCase.highRiskReason(),
        sla,
        exportCase.decisionReasons() == null
            ? List.of()
            : List.of(exportCase.decisionReasons().split("\n")),
        exportCase.appealDeadline());
  }

  public CaseSummaryResponse toSummary(ExportCase exportCase) {
    return new CaseSummaryResponse(
        exportCase.id(),
        exportCase.reference(),
        exportCase.status(),
        exportCase.status().stage(),
        exportCase.organisation(),
        exportCase.destinations(),
        exportCase.items().stream()
            .map(CaseItem::eccn)
            .filter(Objects::nonNull)
            .distinct()
            .toList(),
        exportCase.createdAt(),
        exportCase.updatedAt(),
        exportCase.submittedAt(),
        totalSla(exportCase));
  }

  private static CaseResponse.ItemResponse toResponse(CaseItem.Content item) {
    boolean hasAiAttributes =
        item.parameterCount() != null
            || item.trainingComputeOperations() != null
            || item.weights() != null
            || item.hostingControls() != null;
    return new CaseResponse.ItemResponse(
        item.kind(),
        item.description(),
        item.eccn(),
        item.quantity(),
        item.unit(),
        item.unitValue(),
        item.currency(),
        hasAiAttributes
            ? new CaseResponse.AiModelResponse(
                item.parameterCount(),
                item.trainingComputeOperations(),
                item.weights(),
                item.hostingControls())
            : null);
  }

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String code(String value) {
    String text = text(value);
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }

  private static <E extends Enum<E>> E enumValue(
      String field,
      String value,
      Function<String, E> parse,
      E[] values,
      List<FieldError> unreadable) {
    String text = code(value);
    if (text == null) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      unreadable.add(new FieldError(field, "must be one of " + java.util.Arrays.toString(values)));
      return null;
    }
  }
}
