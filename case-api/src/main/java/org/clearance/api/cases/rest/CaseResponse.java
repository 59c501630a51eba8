package org.clearance.api.cases.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.clearance.api.cases.domain.CaseStage;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.documents.rest.DocumentResponse;
import org.clearance.api.items.domain.ItemKind;
import org.clearance.api.items.domain.WeightsAccess;
import org.clearance.api.parties.domain.PartyRole;
import org.clearance.api.sla.service.SlaClock;

/** A case as its readers see it. */
public record CaseResponse(
    UUID id,
    String reference,
    CaseStatus status,
    CaseStage stage,
    String organisation,
    String createdBy,
    ContactResponse contact,
    List<ItemResponse> items,
    List<PartyResponse> parties,
    List<String> destinations,
    String endUseStatement,
    List<DocumentResponse> documents,
    Long processInstanceKey,
    Instant createdAt,
    Instant updatedAt,
    Instant submittedAt,
    Instant closedAt,
    long version,
    ProcessResponse process) {

  /**
   * What the review process found and decided: routing facts, the licence-requirement decision, the
   * high-risk flag, the overall SLA clock, and a denial's reasons and appeal deadline.
   */
  public record ProcessResponse(
      String classification,
      String countryGroup,
      Boolean licenceRequired,
      String reviewPolicy,
      String determinationBasis,
      boolean highRisk,
      String highRiskReason,
      SlaClock sla,
      List<String> denialReasons,
      LocalDate appealDeadline) {}

  public record ContactResponse(String name, String email, String phone) {}

  public record ItemResponse(
      ItemKind kind,
      String description,
      String eccn,
      BigDecimal quantity,
      String unit,
      BigDecimal unitValue,
      String currency,
      AiModelResponse aiModel) {}

  public record AiModelResponse(
      Long parameterCount,
      BigDecimal trainingComputeOperations,
      WeightsAccess weights,
      String hostingControls) {}

  public record PartyResponse(PartyRole role, String name, String address, String country) {}
}
