package org.clearance.api.tasks.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.screening.domain.ScreeningMatch;
import org.clearance.api.tasks.domain.AuditFinding;
import org.clearance.api.tasks.domain.FindingSeverity;
import org.clearance.api.tasks.domain.TaskType;

/**
 * What a decision must hold per task type, and the process variables it becomes (the names the
 * gateways of export-licence.bpmn read).
 */
@ApplicationScoped
public class TaskDecisionRules {

  static final int MAX_TEXT = 4000;
  static final String COMPLETE = "COMPLETE";
  static final String REQUEST_INFORMATION = "REQUEST_INFORMATION";
  static final String APPROVE = "APPROVE";
  static final String DENY = "DENY";
  static final int MAX_CONDITIONS = 20;

  /** More findings than this is a report to attach as a document, not a list to type. */
  static final int MAX_FINDINGS = 50;

  static final List<String> SEVERITIES =
      Arrays.stream(FindingSeverity.values()).map(Enum::name).toList();

  /** The decision trimmed and upper-cased where it names a choice, or 400 listing every fault. */
  public TaskDecision normalise(
      TaskType type, TaskDecision decision, List<ScreeningMatch> matches) {
    TaskDecision d =
        decision == null
            ? new TaskDecision(null, null, null, null, null, null, null, null)
            : decision;
    List<FieldError> errors = new ArrayList<>();
    String outcome = d.outcome() == null ? null : d.outcome().strip().toUpperCase(Locale.ROOT);
    String comment = text(d.comment(), "comment", errors);
    String question = text(d.question(), "question", errors);
    List<String> reasons = new ArrayList<>();
    if (d.reasons() != null) {
      for (int i = 0; i < d.reasons().size(); i++) {
        String reason = text(d.reasons().get(i), "reasons[" + i + "]", errors);
        if (reason == null) {
          errors.add(new FieldError("reasons[" + i + "]", "must not be blank"));
        } else {
          reasons.add(reason);
        }
      }
    }
    List<String> conditions = new ArrayList<>();
    if (d.conditions() != null) {
      for (int i = 0; i < d.conditions().size(); i++) {
        String condition = text(d.conditions().get(i), "conditions[" + i + "]", errors);
        if (condition != null) {
          conditions.add(condition);
        }
      }
    }
    if (conditions.size() > MAX_CONDITIONS) {
      errors.add(new FieldError("conditions", "must not list more than " + MAX_CONDITIONS));
    }
    String evidence = text(d.evidence(), "evidence", errors);
    List<TaskDecision.Finding> findings = findings(d.findings(), errors);
    if (type != TaskType.TECHNICAL_AUDIT) {
      // refused rather than dropped: a reviewer who typed findings must learn they are not kept
      if (d.findings() != null && !d.findings().isEmpty()) {
        errors.add(
            new FieldError(
                "findings", "only a technical audit records findings, not a " + type + " task"));
      }
      if (evidence != null) {
        errors.add(
            new FieldError(
                "evidence", "only a technical audit records evidence, not a " + type + " task"));
      }
      findings = null;
      evidence = null;
    }
    List<TaskDecision.MatchDisposition> dispositions = new ArrayList<>();
    switch (type) {
      case TECHNICAL_AUDIT, LEGAL_REVIEW -> {
        choice(outcome, Set.of(COMPLETE, REQUEST_INFORMATION), errors);
        if (REQUEST_INFORMATION.equals(outcome) && question == null) {
          errors.add(new FieldError("question", "a request for information needs a question"));
        }
      }
      case APPROVAL, COUNTERSIGN -> {
        choice(outcome, Set.of(APPROVE, DENY), errors);
        if (DENY.equals(outcome) && reasons.isEmpty()) {
          errors.add(new FieldError("reasons", "a denial needs at least one reason"));
        }
        if (DENY.equals(outcome) && !conditions.isEmpty()) {
          errors.add(new FieldError("conditions", "a denial issues no licence to attach them to"));
        }
      }
      case ADJUDICATE_MATCHES -> {
        outcome = COMPLETE;
        dispositions = dispositions(d.dispositions(), matches, errors);
        if (!conditions.isEmpty()) {
          errors.add(new FieldError("conditions", "an adjudication takes no conditions"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw Rejection.invalid(
          "validation-failed",
          "The decision has invalid fields",
          errors.size() + " field(s) are invalid for a " + type + " task; the task stays open.",
          errors);
    }
    return new TaskDecision(
        outcome, comment, question, reasons, dispositions, conditions, findings, evidence);
  }

  /**
   * Whether a certified audit carries a CRITICAL finding: the case is then high-risk, so its
   * approval needs a manager's countersign (the certification is not refused: the auditor reports,
   * the approver and the manager decide with the finding in front of them).
   */
  public static boolean certifiedWithCriticalFinding(TaskType type, TaskDecision decision) {
    return type == TaskType.TECHNICAL_AUDIT
        && COMPLETE.equals(decision.outcome())
        && decision.findings() != null
        && decision.findings().stream()
            .anyMatch(f -> FindingSeverity.CRITICAL.name().equals(f.severity()));
  }

  /** The findings trimmed and their severities upper-cased, each fault named by its index. */
  private static List<TaskDecision.Finding> findings(
      List<TaskDecision.Finding> given, List<FieldError> errors) {
    List<TaskDecision.Finding> result = new ArrayList<>();
    if (given == null) {
      return result;
    }
    if (given.size() > MAX_FINDINGS) {
      errors.add(new FieldError("findings", "must not list more than " + MAX_FINDINGS));
      return result;
    }
    for (int i = 0; i < given.size(); i++) {
      String field = "findings[" + i + "]";
      TaskDecision.Finding f = given.get(i);
      if (f == null) {
        errors.add(new FieldError(field, "must be a finding with a severity and a text"));
        continue;
      }
      String severity = f.severity() == null ? null : f.severity().strip().toUpperCase(Locale.ROOT);
      if (severity == null || !SEVERITIES.contains(severity)) {
        errors.add(new FieldError(field + ".severity", "must be one of " + SEVERITIES));
      }
      String text = f.text() == null || f.text().isBlank() ? null : f.text().strip();
      if (text == null) {
        errors.add(new FieldError(field + ".text", "must not be blank"));
      } else if (text.length() > AuditFinding.MAX_TEXT) {
        errors.add(
            new FieldError(
                field + ".text",
                "must not be longer than " + AuditFinding.MAX_TEXT + " characters"));
      }
      result.add(new TaskDecision.Finding(severity, text));
    }
    return result;
  }

  /** The process variables a decision sets. */
  public Map<String, Object> variables(TaskType type, TaskDecision decision) {
    Map<String, Object> variables = new LinkedHashMap<>();
    switch (type) {
      case TECHNICAL_AUDIT -> {
        variables.put("auditDecision", decision.outcome());
        if (certifiedWithCriticalFinding(type, decision)) {
          // the approval gateway reads it: approve → countersign
          variables.put("highRiskFlag", true);
        }
      }
      case LEGAL_REVIEW -> variables.put("legalDecision", decision.outcome());
      case APPROVAL -> variables.put("approvalDecision", decision.outcome());
      case COUNTERSIGN -> variables.put("countersignDecision", decision.outcome());
      case ADJUDICATE_MATCHES -> {}
    }
    // The approver's conditions go onto the licence (clearance.licence.issue reads them); a
    // countersigning manager's, when given, replace them.
    if ((type == TaskType.APPROVAL || type == TaskType.COUNTERSIGN)
        && APPROVE.equals(decision.outcome())
        && decision.conditions() != null
        && !decision.conditions().isEmpty()) {
      variables.put("licenceConditions", List.copyOf(decision.conditions()));
    }
    if (type == TaskType.ADJUDICATE_MATCHES) {
      variables.put(
          "confirmedMatch",
          decision.dispositions().stream()
              .anyMatch(m -> ScreeningMatch.Disposition.TRUE_MATCH.name().equals(m.disposition())));
    }
    return variables;
  }

  private static List<TaskDecision.MatchDisposition> dispositions(
      List<TaskDecision.MatchDisposition> given,
      List<ScreeningMatch> matches,
      List<FieldError> errors) {
    List<TaskDecision.MatchDisposition> result = new ArrayList<>();
    Set<Long> known = new HashSet<>();
    matches.forEach(m -> known.add(m.id()));
    Set<Long> disposed = new HashSet<>();
    List<TaskDecision.MatchDisposition> list = given == null ? List.of() : given;
    for (int i = 0; i < list.size(); i++) {
      String field = "dispositions[" + i + "]";
      TaskDecision.MatchDisposition d = list.get(i);
      if (d == null || d.matchId() == null || !known.contains(d.matchId())) {
        errors.add(new FieldError(field + ".matchId", "must name a potential match of this case"));
        continue;
      }
      if (!disposed.add(d.matchId())) {
        errors.add(
            new FieldError(field + ".matchId", "match " + d.matchId() + " is disposed twice"));
      }
      String disposition =
          d.disposition() == null ? null : d.disposition().strip().toUpperCase(Locale.ROOT);
      if (disposition == null || !Set.of("TRUE_MATCH", "FALSE_MATCH").contains(disposition)) {
        errors.add(new FieldError(field + ".disposition", "must be TRUE_MATCH or FALSE_MATCH"));
      }
      String reason = d.reason() == null || d.reason().isBlank() ? null : d.reason().strip();
      if (reason == null) {
        errors.add(new FieldError(field + ".reason", "every disposition needs a reason"));
      } else if (reason.length() > MAX_TEXT) {
        errors.add(
            new FieldError(
                field + ".reason", "must not be longer than " + MAX_TEXT + " characters"));
      }
      result.add(new TaskDecision.MatchDisposition(d.matchId(), disposition, reason));
    }
    // a match disposed by an earlier adjudication may be disposed again, but need not be
    for (ScreeningMatch match : matches) {
      if (match.disposition() == null && !disposed.contains(match.id())) {
        errors.add(
            new FieldError(
                "dispositions",
                "potential match "
                    + match.id()
                    + " ("
                    + match.partyName()
                    + " ~ "
                    + match.listedName()
                    + ") needs a disposition"));
      }
    }
    return result;
  }

  private static void choice(String outcome, Set<String> allowed, List<FieldError> errors) {
    if (outcome == null || !allowed.contains(outcome)) {
      errors.add(new FieldError("outcome", "must be one of " + allowed.stream().sorted().toList()));
    }
  }

  private static String text(String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > MAX_TEXT) {
      errors.add(new FieldError(field, "must not be longer than " + MAX_TEXT + " characters"));
    }
    return stripped;
  }
}
