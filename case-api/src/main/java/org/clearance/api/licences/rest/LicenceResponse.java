package org.clearance.api.licences.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A licence as the API shows it; {@code status} is the status as of today. */
public record LicenceResponse(
    String number,
    UUID caseId,
    String caseReference,
    String status,
    String statusReason,
    Instant statusChangedAt,
    Holder holder,
    LocalDate validFrom,
    LocalDate validUntil,
    Instant issuedAt,
    List<Item> items,
    List<String> destinations,
    List<Party> parties,
    List<String> conditions,
    Document document) {

  public record Holder(String organisation, String contactName, String contactEmail) {}

  public record Item(
      String description,
      String eccn,
      BigDecimal quantityLimit,
      String unit,
      BigDecimal valueLimit,
      String currency) {}

  public record Party(String role, String name, String address, String country) {}

  /** Where the PDF is and its SHA-256, so a downloaded copy can be checked. */
  public record Document(String href, String sha256) {}
}
