package org.clearance.api.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clearance.api.cases.domain.CaseContent;
import org.clearance.api.common.domain.CountryCodes;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.items.domain.CaseItem;
import org.clearance.api.items.domain.ItemKind;
import org.clearance.api.parties.domain.CaseParty;
import org.clearance.api.parties.domain.PartyRole;

/**
 * What makes an application well-formed (checked on every save) and complete (checked on submit).
 * Both checks report every offending field, never just the first.
 */
@ApplicationScoped
public class ApplicationRules {

  /** ECCN: category digit, product group A–E, three digits, optional sub-paragraphs; or EAR99. */
  static final Pattern ECCN =
      Pattern.compile("^(?:[0-9][A-E][0-9]{3}(?:\\.[a-z0-9]{1,4}){0,4}|EAR99)$");

  static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  static final int MAX_ITEMS = 100;
  static final int MAX_PARTIES = 50;
  static final int MAX_DESTINATIONS = 50;
  static final int MAX_TEXT = 200;
  static final int MAX_LONG_TEXT = 4000;
  static final int MAX_END_USE = 20000;

  private static final Set<String> CURRENCIES =
      Currency.getAvailableCurrencies().stream()
          .map(Currency::getCurrencyCode)
          .collect(Collectors.toUnmodifiableSet());

  /** Format errors: values that are present but malformed, or too long to keep. */
  public List<FieldError> formatErrors(CaseContent content) {
    Errors errors = new Errors();
    errors.maxLength("contact.name", content.contactName(), MAX_TEXT);
    errors.maxLength("contact.phone", content.contactPhone(), 50);
    if (content.contactEmail() != null && !EMAIL.matcher(content.contactEmail()).matches()) {
      errors.add("contact.email", "must be an e-mail address");
    }
    errors.maxLength("contact.email", content.contactEmail(), 320);
    errors.maxLength("endUseStatement", content.endUseStatement(), MAX_END_USE);

    if (content.items().size() > MAX_ITEMS) {
      errors.add("items", "must not have more than " + MAX_ITEMS + " entries");
    }
    for (int i = 0; i < content.items().size(); i++) {
      itemFormat(errors, "items[" + i + "]", content.items().get(i));
    }
    if (content.parties().size() > MAX_PARTIES) {
      errors.add("parties", "must not have more than " + MAX_PARTIES + " entries");
    }
    for (int i = 0; i < content.parties().size(); i++) {
      CaseParty.Content party = content.parties().get(i);
      String field = "parties[" + i + "]";
      errors.maxLength(field + ".name", party.name(), MAX_TEXT);
      errors.maxLength(field + ".address", party.address(), MAX_LONG_TEXT);
      errors.country(field + ".country", party.country());
    }
    if (content.destinations().size() > MAX_DESTINATIONS) {
      errors.add("destinations", "must not have more than " + MAX_DESTINATIONS + " entries");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < content.destinations().size(); i++) {
      String destination = content.destinations().get(i);
      if (destination == null) {
        errors.add("destinations[" + i + "]", "must not be empty");
      } else if (errors.country("destinations[" + i + "]", destination) && !seen.add(destination)) {
        errors.add("destinations[" + i + "]", "is listed twice");
      }
    }
    return errors.list();
  }

  private void itemFormat(Errors errors, String field, CaseItem.Content item) {
    errors.maxLength(field + ".description", item.description(), MAX_LONG_TEXT);
    if (item.eccn() != null && !ECCN.matcher(item.eccn()).matches()) {
      errors.add(field + ".eccn", "must be an ECCN such as 4E091, 3A090 or 3A090.a, or EAR99");
    }
    if (item.quantity() != null && item.quantity().signum() <= 0) {
      errors.add(field + ".quantity", "must be greater than 0");
    }
    errors.digits(field + ".quantity", item.quantity(), 15, 4);
    errors.maxLength(field + ".unit", item.unit(), 32);
    if (item.unitValue() != null && item.unitValue().signum() < 0) {
      errors.add(field + ".unitValue", "must not be negative");
    }
    errors.digits(field + ".unitValue", item.unitValue(), 15, 4);
    if (item.currency() != null && !CURRENCIES.contains(item.currency())) {
      errors.add(field + ".currency", "must be an ISO 4217 currency code such as USD or EUR");
    }
    if (item.parameterCount() != null && item.parameterCount() <= 0) {
      errors.add(field + ".aiModel.parameterCount", "must be greater than 0");
    }
    BigDecimal compute = item.trainingComputeOperations();
    if (compute != null && compute.signum() <= 0) {
      errors.add(field + ".aiModel.trainingComputeOperations", "must be greater than 0");
    }
    errors.digits(field + ".aiModel.trainingComputeOperations", compute, 40, 0);
    errors.maxLength(field + ".aiModel.hostingControls", item.hostingControls(), MAX_LONG_TEXT);
  }

  /** Completeness errors: what is still missing before the application can be submitted. */
  public List<FieldError> completenessErrors(CaseContent content) {
    Errors errors = new Errors();
    errors.required("contact.name", content.contactName());
    errors.required("contact.email", content.contactEmail());
    errors.required("endUseStatement", content.endUseStatement());

    if (content.items().isEmpty()) {
      errors.add("items", "must list at least one item");
    }
    for (int i = 0; i < content.items().size(); i++) {
      CaseItem.Content item = content.items().get(i);
      String field = "items[" + i + "]";
      errors.required(field + ".kind", item.kind());
      errors.required(field + ".description", item.description());
      errors.required(field + ".eccn", item.eccn());
      errors.required(field + ".quantity", item.quantity());
      errors.required(field + ".unit", item.unit());
      errors.required(field + ".unitValue", item.unitValue());
      errors.required(field + ".currency", item.currency());
      if (item.kind() == ItemKind.AI_MODEL) {
        errors.required(field + ".aiModel.parameterCount", item.parameterCount());
        errors.required(
            field + ".aiModel.trainingComputeOperations", item.trainingComputeOperations());
        errors.required(field + ".aiModel.weights", item.weights());
        errors.required(field + ".aiModel.hostingControls", item.hostingControls());
      }
    }

    long consignees = count(content, PartyRole.CONSIGNEE);
    long endUsers = count(content, PartyRole.END_USER);
    if (consignees == 0) {
      errors.add("parties", "must name a CONSIGNEE");
    }
    if (endUsers != 1) {
      errors.add("parties", "must name exactly one END_USER (found " + endUsers + ")");
    }
    if (count(content, PartyRole.ULTIMATE_END_USER) > 1) {
      errors.add("parties", "must not name more than one ULTIMATE_END_USER");
    }
    for (int i = 0; i < content.parties().size(); i++) {
      CaseParty.Content party = content.parties().get(i);
      String field = "parties[" + i + "]";
      errors.required(field + ".role", party.role());
      errors.required(field + ".name", party.name());
      errors.required(field + ".address", party.address());
      errors.required(field + ".country", party.country());
    }

    if (content.destinations().isEmpty()) {
      errors.add("destinations", "must list at least one destination country");
    }
    return errors.list();
  }

  private static long count(CaseContent content, PartyRole role) {
    return content.parties().stream().filter(party -> party.role() == role).count();
  }

  /** Collects field errors in the order they are found. */
  private static final class Errors {
    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
      errors.add(new FieldError(field, message));
    }

    void required(String field, Object value) {
      if (value == null) {
        add(field, "is required");
      }
    }

    void maxLength(String field, String value, int max) {
      if (value != null && value.length() > max) {
        add(field, "must not be longer than " + max + " characters");
      }
    }

    void digits(String field, BigDecimal value, int integerDigits, int fractionDigits) {
      if (value == null) {
        return;
      }
      BigDecimal stripped = value.stripTrailingZeros();
      int scale = Math.max(stripped.scale(), 0);
      int integer = stripped.precision() - stripped.scale();
      if (integer > integerDigits || scale > fractionDigits) {
        add(
            field,
            "must have at most "
                + integerDigits
                + " integer digits and "
                + fractionDigits
                + " decimals");
      }
    }

    /** Returns whether the value is a valid country code (absent values are valid). */
    boolean country(String field, String value) {
      if (value != null && !CountryCodes.isAssigned(value)) {
        add(field, "must be an ISO 3166-1 alpha-2 country code such as JP or DE");
        return false;
      }
      return true;
    }

    List<FieldError> list() {
      return List.copyOf(errors);
    }
  }
}
