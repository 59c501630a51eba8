package org.clearance.api.dashboard.rest;

import java.time.Instant;
import java.util.List;
import org.clearance.api.dashboard.domain.ProcessHeatmap;
import org.clearance.api.workflow.service.ProcessModel;
import org.clearance.api.workflow.service.ProcessModel.ElementInfo;

/**
 * The process heat map as JSON: one entry per element of export-licence.bpmn where cases can be
 * found, with the element's BPMN name and type so a client can label it without the diagram.
 */
public record ProcessHeatmapResponse(
    Instant generatedAt,
    String processId,
    DashboardSummaryResponse.Filters filters,
    DashboardSummaryResponse.Window window,
    List<Element> elements) {

  /**
   * {@code kind}: USER_TASK, AWAITING_ANSWER (waiting for the applicant's answer to a request for
   * information), SCREENING or END. Hours are null when no case passed the element in the window;
   * the window figures are null for end events.
   */
  public record Element(
      String elementId,
      String name,
      String type,
      String kind,
      long casesNow,
      long overdueNow,
      Long passedInWindow,
      Double p50Hours,
      Double p90Hours) {}

  static ProcessHeatmapResponse of(ProcessHeatmap heatmap, ProcessModel model) {
    var f = heatmap.filter();
    List<Element> elements =
        heatmap.elements().stream()
            .map(
                e -> {
                  ElementInfo info = model.elements().get(e.place().elementId());
                  return new Element(
                      e.place().elementId(),
                      info == null ? null : info.name(),
                      info == null ? null : info.type(),
                      e.place().kind().name(),
                      e.casesNow(),
                      e.overdueNow(),
                      e.passedInWindow(),
                      e.p50Hours(),
                      e.p90Hours());
                })
            .toList();
    return new ProcessHeatmapResponse(
        heatmap.generatedAt(),
        ProcessModel.PROCESS_ID,
        new DashboardSummaryResponse.Filters(
            f.organisation(), f.destination(), f.classification(), f.from(), f.to(), f.weeks()),
        new DashboardSummaryResponse.Window(heatmap.windowStart(), heatmap.windowEnd()),
        elements);
  }
}
