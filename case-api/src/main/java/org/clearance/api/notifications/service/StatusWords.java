package org.clearance.api.notifications.service;

import java.util.Arrays;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.licences.domain.LicenceStatus;
import org.clearance.api.security.service.Caller;

/**
 * How notifications name a case status, a licence status or a role: events carry codes ({@code
 * RETURNED_WITHOUT_ACTION}, {@code ISSUED}, {@code legal}), people read words ("returned without
 * action", "in force", "legal reviewers"). The switches have no default, so a status added to an
 * enum does not compile until it has its words.
 */
public final class StatusWords {

  private StatusWords() {}

  /** The case status as it reads after "Case EL-… is" ("approved", "under review"). */
  public static String of(CaseStatus status) {
    return switch (status) {
      case DRAFT -> "a draft";
      case SUBMITTED -> "submitted";
      case SCREENING -> "being screened";
      case UNDER_REVIEW -> "under review";
      case AWAITING_APPLICANT -> "waiting for the applicant";
      case AWAITING_APPROVAL -> "waiting for approval";
      case COUNTERSIGN -> "waiting for countersignature";
      case APPROVED -> "approved";
      case DENIED -> "denied";
      case RETURNED_WITHOUT_ACTION -> "returned without action";
      case WITHDRAWN -> "withdrawn";
      // "Case EL-… is no licence required" would not be a sentence
      case NO_LICENCE_REQUIRED -> "closed: no licence required";
    };
  }

  /** The licence status as it reads after "Licence N is now" ("in force", "used up"). */
  public static String of(LicenceStatus status) {
    return switch (status) {
      // an issued licence, or one reinstated after a suspension: both authorise exports
      case ISSUED -> "in force";
      case SUSPENDED -> "suspended";
      case REVOKED -> "revoked";
      case EXHAUSTED -> "used up";
      case EXPIRED -> "expired";
    };
  }

  /**
   * The people who hold a role, as in "New task for legal reviewers". A role that is not one of
   * Clearance's (a model's candidate group nobody foresaw) is named as a role rather than failing
   * the notification, and with it the transaction that mirrors the task.
   */
  public static String ofRole(String role) {
    if (role == null || role.isBlank()) {
      throw new IllegalArgumentException("A role is needed to name its holders; it was blank.");
    }
    return switch (role) {
      case Caller.APPLICANT -> "applicants";
      case Caller.AUDITOR -> "technical auditors";
      case Caller.LEGAL -> "legal reviewers";
      case Caller.APPROVER -> "approvers";
      case Caller.MANAGER -> "managers";
      case Caller.ADMIN -> "administrators";
      default -> "the " + role + " role";
    };
  }

  /** A case status carried by an event as its code ({@link CaseStatus#name()}). */
  static String caseStatus(String code) {
    return of(parse(CaseStatus.class, "case status", code));
  }

  /** A licence status carried by an event as its code ({@link LicenceStatus#name()}). */
  static String licenceStatus(String code) {
    return of(parse(LicenceStatus.class, "licence status", code));
  }

  // Events are built from the enums' names, so an unknown code is a programming error: say which.
  private static <E extends Enum<E>> E parse(Class<E> type, String what, String code) {
    for (E value : type.getEnumConstants()) {
      if (value.name().equals(code)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + code
            + "' is no "
            + what
            + "; the "
            + what
            + "es are "
            + Arrays.toString(type.getEnumConstants())
            + ".");
  }
}
