package org.clearance.api.cases.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.clearance.api.cases.domain.CaseRepository;
import org.clearance.api.cases.domain.CaseStage;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.common.paging.PageResponse;
import org.clearance.api.security.service.Caller;
import org.clearance.api.workflow.domain.ProcessPlace;

/** Lists the cases a caller may see, filtered, paged and sorted. */
@ApplicationScoped
public class CaseSearchService {

  /** One page of results and the total number of matches. */
  public record Result(List<ExportCase> cases, long total) {}

  private final CaseRepository cases;
  private final Caller caller;
  private final Clock clock;
  private final java.time.ZoneId zone;

  CaseSearchService(
      CaseRepository cases,
      Caller caller,
      Clock clock,
      org.clearance.api.sla.service.SlaConfig sla) {
    this.cases = cases;
    this.caller = caller;
    this.clock = clock;
    this.zone = sla.zone();
  }

  /**
   * One page of the search, each case shown as {@code view} inside the transaction (a view may read
   * the case's collections).
   */
  @Transactional
  public <V> PageResponse<V> search(CaseSearchCriteria criteria, Function<ExportCase, V> view) {
    Result result = search(criteria);
    return PageResponse.of(
        result.cases().stream().map(view).toList(),
        criteria.page(),
        criteria.size(),
        result.total());
  }

  @Transactional
  public Result search(CaseSearchCriteria criteria) {
    caller.requireCaseReader();
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();

    // Visibility first: the same rule as CaseAccess.canSee, as a query predicate.
    List<String> visible = new ArrayList<>();
    if (caller.isApplicant()) {
      visible.add("organisation = :callerOrganisation");
      parameters.put("callerOrganisation", caller.organisation());
    }
    if (caller.isCaseStaff()) {
      visible.add("submittedAt is not null");
    }
    where.add("(" + String.join(" or ", visible) + ")");

    Set<CaseStatus> statuses = statusesOf(criteria);
    if (statuses != null && statuses.isEmpty()) {
      return new Result(List.of(), 0);
    }
    if (statuses != null) {
      where.add("status in :statuses");
      parameters.put("statuses", statuses);
    }
    if (criteria.organisation() != null) {
      where.add("organisation = :organisation");
      parameters.put("organisation", criteria.organisation());
    }
    if (criteria.text() != null) {
      String pattern = "%" + likeEscaped(criteria.text().toLowerCase(java.util.Locale.ROOT)) + "%";
      where.add(
          "(upper(reference) like :referencePrefix escape '\\'"
              + " or lower(organisation) like :text escape '\\'"
              + " or id in (select c.id from ExportCase c join c.parties p"
              + " where lower(p.name) like :text escape '\\'))");
      parameters.put(
          "referencePrefix", likeEscaped(criteria.text().toUpperCase(java.util.Locale.ROOT)) + "%");
      parameters.put("text", pattern);
    }
    if (criteria.destination() != null) {
      where.add(":destination member of destinations");
      parameters.put("destination", criteria.destination());
    }
    if (criteria.classification() != null) {
      // An ECCN matches itself and its sub-paragraphs: 3A090 finds 3A090.a as well.
      where.add(
          "id in (select c.id from ExportCase c join c.items i"
              + " where i.eccn = :classification or i.eccn like :classificationParagraph)");
      parameters.put("classification", criteria.classification());
      parameters.put("classificationParagraph", criteria.classification() + ".%");
    }

    if (criteria.assignee() != null) {
      where.add(
          "id in (select t.caseId from ReviewTask t where t.assignee = :assignee"
              + " and t.status = org.clearance.api.tasks.domain.TaskStatus.OPEN)");
      parameters.put("assignee", criteria.assignee());
    }
    if (criteria.submittedFrom() != null) {
      where.add("submittedAt >= :submittedFrom");
      parameters.put("submittedFrom", criteria.submittedFrom().atStartOfDay(zone).toInstant());
    }
    if (criteria.submittedTo() != null) {
      where.add("submittedAt < :submittedBefore");
      parameters.put(
          "submittedBefore", criteria.submittedTo().plusDays(1).atStartOfDay(zone).toInstant());
    }
    if (criteria.element() != null) {
      atElement(criteria.element(), criteria.overdue(), where, parameters);
    } else if (criteria.overdue()) {
      where.add(
          "((closedAt is null and slaPausedAt is null and totalDueAt < :now)"
              + " or id in (select t.caseId from ReviewTask t where t.dueAt < :now"
              + " and t.status = org.clearance.api.tasks.domain.TaskStatus.OPEN))");
      parameters.put("now", clock.instant());
    }

    Sort sort =
        Sort.by(
                criteria.sort().property,
                criteria.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending)
            .and("id");
    var query = cases.find(String.join(" and ", where), sort, parameters);
    List<ExportCase> page = query.page(Page.of(criteria.page(), criteria.size())).list();
    return new Result(page, query.count());
  }

  /**
   * Cases at one place of the process now, read from the records ProcessPlace names; with {@code
   * overdue} those past due there: the task's due time or the total target (a stopped clock reads
   * when it stopped), the answer-by time of a request. An ended case is never overdue.
   */
  private void atElement(
      ProcessPlace place, boolean overdue, List<String> where, Map<String, Object> parameters) {
    String open = "org.clearance.api.tasks.domain.TaskStatus.OPEN";
    switch (place.kind()) {
      case USER_TASK -> {
        where.add(
            overdue
                ? "id in (select t.caseId from ReviewTask t, ExportCase tc where tc.id = t.caseId"
                    + " and t.elementId = :element and t.status = "
                    + open
                    + " and t.dueAt <= coalesce(tc.slaPausedAt, :now))"
                : "id in (select t.caseId from ReviewTask t where t.elementId = :element"
                    + " and t.status = "
                    + open
                    + ")");
        parameters.put("element", place.elementId());
      }
      case AWAITING_ANSWER -> {
        where.add(
            "id in (select r.caseId from InformationRequest r where r.stage = :rfiStage"
                + " and r.status = org.clearance.api.rfi.domain.InformationRequest.Status.OPEN"
                + (overdue ? " and r.answerBy <= :now" : "")
                + ")");
        parameters.put("rfiStage", place.rfiStage());
      }
      case SCREENING -> {
        where.add(
            "status in :screeningStatuses and id not in (select t.caseId from ReviewTask t"
                + " where t.status = "
                + open
                + ")");
        parameters.put("screeningStatuses", EnumSet.of(CaseStatus.SUBMITTED, CaseStatus.SCREENING));
        if (overdue) {
          where.add("totalDueAt <= coalesce(slaPausedAt, :now)");
        }
      }
      case END -> {
        where.add(overdue ? "id is null" : "status = :finalStatus and submittedAt is not null");
        if (!overdue) {
          parameters.put("finalStatus", place.finalStatus());
        }
      }
    }
    if (overdue && place.kind() != ProcessPlace.Kind.END) {
      parameters.put("now", clock.instant());
    }
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** Status and stage filters together: a case must match both. Null means no filter. */
  private static Set<CaseStatus> statusesOf(CaseSearchCriteria criteria) {
    if (criteria.statuses().isEmpty() && criteria.stages().isEmpty()) {
      return null;
    }
    Set<CaseStatus> statuses = EnumSet.allOf(CaseStatus.class);
    if (!criteria.statuses().isEmpty()) {
      statuses.retainAll(criteria.statuses());
    }
    if (!criteria.stages().isEmpty()) {
      Set<CaseStatus> inStages = EnumSet.noneOf(CaseStatus.class);
      for (CaseStage stage : criteria.stages()) {
        inStages.addAll(stage.statuses());
      }
      statuses.retainAll(inStages);
    }
    return statuses;
  }
}
