package org.clearance.api.cases.service;

import java.util.Set;
import org.clearance.api.cases.domain.CaseStage;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.workflow.domain.ProcessPlace;

/**
 * Filters, page and order of a case search. Empty sets and nulls mean "any".
 *
 * <p>{@code text}: a case reference or its beginning, or part of the organisation's or of a party's
 * name, case-insensitive. {@code assignee}: cases with an open task assigned to that user. {@code
 * overdue}: open cases past their total SLA target (the clock not stopped by a request for
 * information) or with an open task past its due date. {@code element}: cases at that place of the
 * process now (see {@link ProcessPlace}); with {@code overdue}, only those overdue there, as the
 * process heat map counts. {@code submittedFrom}/{@code submittedTo}: submission dates, inclusive,
 * in the SLA zone.
 */
public record CaseSearchCriteria(
    Set<CaseStatus> statuses,
    Set<CaseStage> stages,
    String organisation,
    String text,
    String destination,
    String classification,
    String assignee,
    boolean overdue,
    ProcessPlace element,
    java.time.LocalDate submittedFrom,
    java.time.LocalDate submittedTo,
    int page,
    int size,
    SortField sort,
    boolean descending) {

  /** The only fields a search may be sorted by (each backed by an index or small enough). */
  public enum SortField {
    reference("reference"),
    status("status"),
    organisation("organisation"),
    createdAt("createdAt"),
    updatedAt("updatedAt"),
    submittedAt("submittedAt");

    final String property;

    SortField(String property) {
      this.property = property;
    }
  }
}
