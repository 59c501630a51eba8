package org.clearance.api.dashboard.rest;

import java.util.Objects;

/**
 * The dashboard as one RFC 4180 table (CRLF line ends, fields quoted when they hold a comma, quote
 * or line break, quotes doubled) with the columns {@code section,key,measure,value}; the sections
 * follow each other in the order of the JSON document.
 */
final class DashboardCsv {

  static final String MEDIA_TYPE = "text/csv";
  private static final String CRLF = "\r\n";

  private DashboardCsv() {}

  static String write(DashboardSummaryResponse summary) {
    StringBuilder csv = new StringBuilder();
    row(csv, "section", "key", "measure", "value");
    var filters = summary.filters();
    row(csv, "filter", "organisation", "value", filters.organisation());
    row(csv, "filter", "destination", "value", filters.destination());
    row(csv, "filter", "classification", "value", filters.classification());
    row(csv, "filter", "from", "value", filters.from());
    row(csv, "filter", "to", "value", filters.to());
    row(csv, "filter", "weeks", "value", filters.weeks());
    row(csv, "window", "from", "instant", summary.window().from());
    row(csv, "window", "to", "instant", summary.window().to());
    summary.casesByStatus().forEach((status, count) -> row(csv, "status", status, "cases", count));
    summary.casesByStage().forEach((stage, count) -> row(csv, "stage", stage, "cases", count));
    row(csv, "ageing", "all", "open_cases", summary.openCases());
    for (var bucket : summary.ageing()) {
      row(csv, "ageing", bucket.bucket(), "open_cases", bucket.cases());
    }
    for (var cycle : summary.cycleTimes()) {
      row(csv, "cycle_time", cycle.stage(), "cases", cycle.cases());
      row(csv, "cycle_time", cycle.stage(), "p50_hours", cycle.p50Hours());
      row(csv, "cycle_time", cycle.stage(), "p90_hours", cycle.p90Hours());
    }
    for (var week : summary.throughput()) {
      row(csv, "throughput", week.week(), "submitted", week.submitted());
      row(csv, "throughput", week.week(), "decided", week.decided());
    }
    breaches(csv, "decided", summary.breaches().decided());
    breaches(csv, "open", summary.breaches().open());
    for (var load : summary.workload().byAssignee()) {
      row(csv, "workload_assignee", load.assignee(), "open_tasks", load.openTasks());
      row(csv, "workload_assignee", load.assignee(), "overdue_tasks", load.overdueTasks());
    }
    for (var load : summary.workload().byCandidateRole()) {
      row(csv, "workload_role", load.candidateRole(), "open_tasks", load.openTasks());
      row(csv, "workload_role", load.candidateRole(), "unassigned_tasks", load.unassignedTasks());
      row(csv, "workload_role", load.candidateRole(), "overdue_tasks", load.overdueTasks());
    }
    return csv.toString();
  }

  private static void breaches(
      StringBuilder csv, String key, DashboardSummaryResponse.BreachCount count) {
    row(csv, "breach", key, "cases", count.cases());
    row(csv, "breach", key, "breached", count.breached());
    row(csv, "breach", key, "rate", count.rate());
  }

  private static void row(StringBuilder csv, Object... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(field(fields[i]));
    }
    csv.append(CRLF);
  }

  /** RFC 4180 section 2, rules 5-7; null is an empty field. */
  static String field(Object value) {
    String text = Objects.toString(value, "");
    if (text.indexOf(',') < 0
        && text.indexOf('"') < 0
        && text.indexOf('\r') < 0
        && text.indexOf('\n') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
