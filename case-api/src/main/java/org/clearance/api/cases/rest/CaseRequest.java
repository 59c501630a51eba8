package org.clearance.api.cases.rest;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The content of a draft application. Every field may be left out while drafting; submitting checks
 * that the application is complete. Saving replaces the whole draft content.
 */
@Schema(description = "Content of a draft export-licence application")
public record CaseRequest(
    ContactRequest contact,
    List<ItemRequest> items,
    List<PartyRequest> parties,
    @Schema(description = "ISO 3166-1 alpha-2 country codes", examples = "[\"GB\", \"JP\"]")
        List<String> destinations,
    String endUseStatement) {

  public record ContactRequest(String name, String email, String phone) {}

  public record ItemRequest(
      @Schema(enumeration = {"AI_MODEL", "HARDWARE", "SOFTWARE", "TECHNOLOGY"}) String kind,
      String description,
      @Schema(description = "Export control classification number", examples = "4E091") String eccn,
      BigDecimal quantity,
      String unit,
      BigDecimal unitValue,
      @Schema(description = "ISO 4217 currency code", examples = "USD") String currency,
      @Schema(description = "Required for AI_MODEL items") AiModelRequest aiModel) {}

  public record AiModelRequest(
      Long parameterCount,
      @Schema(description = "Training compute in operations, e.g. 3.1E25")
          BigDecimal trainingComputeOperations,
      @Schema(enumeration = {"OPEN", "CLOSED"}) String weights,
      String hostingControls) {}

  public record PartyRequest(
      @Schema(
              enumeration = {
                "CONSIGNEE",
                "END_USER",
                "ULTIMATE_END_USER",
                "INTERMEDIATE_CONSIGNEE"
              })
          String role,
      String name,
      String address,
      @Schema(description = "ISO 3166-1 alpha-2", examples = "JP") String country) {}
}
