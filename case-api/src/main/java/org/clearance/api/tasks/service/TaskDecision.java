package org.clearance.api.tasks.service;

import java.util.List;

/**
 * A reviewer's decision on a task. Which fields count depends on the task type: an outcome for
 * reviews, approvals and countersigns; a question for a request for information; reasons for a
 * denial; a disposition per potential match for an adjudication; conditions (provisos) a legal
 * reviewer recommends or an approver attaches to the licence.
 */
public record TaskDecision(
    String outcome,
    String comment,
    String question,
    List<String> reasons,
    List<MatchDisposition> dispositions,
    List<String> conditions) {

  /** TRUE_MATCH or FALSE_MATCH for one potential screening match, with the reason. */
  public record MatchDisposition(Long matchId, String disposition, String reason) {}
}
