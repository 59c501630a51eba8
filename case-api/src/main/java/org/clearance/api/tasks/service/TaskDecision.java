package org.clearance.api.tasks.service;

import java.util.List;

/**
 * A reviewer's decision on a task. Which fields count depends on the task type: an outcome for
 * reviews, approvals and countersigns; a question for a request for information; reasons for a
 * denial; a disposition per potential match for an adjudication; conditions (provisos) a legal
 * reviewer recommends or an approver attaches to the licence; findings and evidence for a technical
 * audit (stored in their own table, see {@link TaskService#decisionOf}).
 */
public record TaskDecision(
    String outcome,
    String comment,
    String question,
    List<String> reasons,
    List<MatchDisposition> dispositions,
    List<String> conditions,
    List<Finding> findings,
    String evidence) {

  /** The same decision with these findings and evidence. */
  public TaskDecision withAudit(List<Finding> findings, String evidence) {
    return new TaskDecision(
        outcome, comment, question, reasons, dispositions, conditions, findings, evidence);
  }

  /** TRUE_MATCH or FALSE_MATCH for one potential screening match, with the reason. */
  public record MatchDisposition(Long matchId, String disposition, String reason) {}

  /** One technical-audit finding: OBSERVATION, MINOR, MAJOR or CRITICAL, and what was found. */
  public record Finding(String severity, String text) {}
}
