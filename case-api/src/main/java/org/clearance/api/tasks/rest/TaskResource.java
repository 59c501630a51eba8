package org.clearance.api.tasks.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.clearance.api.cases.domain.CaseStage;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.paging.PageResponse;
import org.clearance.api.common.rest.ProblemException;
import org.clearance.api.sla.service.SlaClock;
import org.clearance.api.sla.service.SlaPlanner;
import org.clearance.api.tasks.domain.ReviewTask;
import org.clearance.api.tasks.domain.TaskStatus;
import org.clearance.api.tasks.domain.TaskType;
import org.clearance.api.tasks.service.TaskDecision;
import org.clearance.api.tasks.service.TaskSearchCriteria;
import org.clearance.api.tasks.service.TaskService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The task inboxes of auditors, legal reviewers, approvers and managers. */
@Path("/api/tasks")
@Authenticated
public class TaskResource {

  /** Hands a task to a named user (managers). */
  /** The user to hand the task to, and an optional note for the audit trail (≤ 500). */
  public record ReassignRequest(String assignee, String note) {}

  private final TaskService tasks;
  private final SlaPlanner planner;
  private final Clock clock;

  TaskResource(TaskService tasks, SlaPlanner planner, Clock clock) {
    this.tasks = tasks;
    this.planner = planner;
    this.clock = clock;
  }

  @GET
  @Operation(
      summary = "Inbox: tasks offered to one of the caller's roles or assigned to the caller",
      description = "Managers may pass all=true to see every role's tasks.")
  public PageResponse<TaskResponse> inbox(
      @QueryParam("type") List<String> type,
      @QueryParam("caseId") String caseId,
      @QueryParam("status") @DefaultValue("OPEN") String status,
      @QueryParam("assignedToMe") @DefaultValue("false") boolean assignedToMe,
      @QueryParam("unassigned") @DefaultValue("false") boolean unassigned,
      @QueryParam("overdue") @DefaultValue("false") boolean overdue,
      @QueryParam("all") @DefaultValue("false") boolean all,
      @Parameter(description = "the case's stage now (repeatable or comma-separated)")
          @QueryParam("stage")
          List<String> stage,
      @Parameter(description = "ISO 3166-1 alpha-2: cases with this destination")
          @QueryParam("destination")
          String destination,
      @Parameter(description = "ECCN: cases with such an item; 3A090 also finds 3A090.a")
          @QueryParam("classification")
          String classification,
      @Parameter(description = "dueAt,asc (default) or dueAt,desc")
          @QueryParam("sort")
          @DefaultValue("dueAt,asc")
          String sort,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    List<FieldError> errors = new ArrayList<>();
    Set<CaseStage> stages = EnumSet.noneOf(CaseStage.class);
    for (String value : stage) {
      for (String part : value.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          stages.add(CaseStage.valueOf(part.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          errors.add(new FieldError("stage", "must be one of " + List.of(CaseStage.values())));
        }
      }
    }
    String country =
        destination == null || destination.isBlank()
            ? null
            : destination.strip().toUpperCase(Locale.ROOT);
    if (country != null && !country.matches("[A-Z]{2}")) {
      errors.add(new FieldError("destination", "must be an ISO 3166-1 alpha-2 country code"));
    }
    String eccn =
        classification == null || classification.isBlank()
            ? null
            : classification.strip().toUpperCase(Locale.ROOT);
    boolean dueLast = false;
    switch (sort.strip().toLowerCase(Locale.ROOT).replace(" ", "")) {
      case "dueat", "dueat,asc" -> dueLast = false;
      case "dueat,desc" -> dueLast = true;
      default -> errors.add(new FieldError("sort", "must be dueAt,asc or dueAt,desc"));
    }
    Set<TaskType> types = EnumSet.noneOf(TaskType.class);
    for (String value : type) {
      for (String part : value.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          types.add(TaskType.valueOf(part.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          errors.add(new FieldError("type", "must be one of " + List.of(TaskType.values())));
        }
      }
    }
    TaskStatus taskStatus = null;
    if (!status.equalsIgnoreCase("ANY")) {
      try {
        taskStatus = TaskStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError("status", "must be ANY or one of " + List.of(TaskStatus.values())));
      }
    }
    UUID caseUuid = null;
    if (caseId != null && !caseId.isBlank()) {
      try {
        caseUuid = UUID.fromString(caseId.strip());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("caseId", "must be a case id"));
      }
    }
    if (assignedToMe && unassigned) {
      errors.add(new FieldError("unassigned", "cannot be combined with assignedToMe"));
    }
    // page and size: checked by common.rest.RequestInputFilter, the one paging rule of the API.
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(
          "invalid-search", "The search cannot be run", "Some parameters are invalid.", errors);
    }
    return tasks.search(
        new TaskSearchCriteria(
            types,
            caseUuid,
            taskStatus,
            assignedToMe,
            unassigned,
            overdue,
            all,
            stages,
            country,
            eccn,
            dueLast,
            page,
            size),
        this::respond);
  }

  @GET
  @Path("{id}")
  public TaskResponse get(@PathParam("id") UUID id) {
    return tasks.get(id, this::respond);
  }

  @POST
  @Path("{id}/claim")
  @Operation(summary = "Take an offered task (409 if someone has it)")
  public TaskResponse claim(@PathParam("id") UUID id) {
    return tasks.claim(id, this::respond);
  }

  @POST
  @Path("{id}/unclaim")
  public TaskResponse unclaim(@PathParam("id") UUID id) {
    return tasks.unclaim(id, this::respond);
  }

  @POST
  @Path("{id}/reassign")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Hand a task to a user with the task's role (managers)")
  public TaskResponse reassign(@PathParam("id") UUID id, ReassignRequest request) {
    return tasks.reassign(
        id,
        request == null ? null : request.assignee(),
        request == null ? null : request.note(),
        this::respond);
  }

  @GET
  @Path("{id}/eligible-assignees")
  @Operation(
      summary = "Who a manager may hand an open task to",
      description =
          "Users Clearance has seen holding the task's role who pass four eyes for it, by name.")
  public List<String> eligibleAssignees(@PathParam("id") UUID id) {
    return tasks.eligibleAssignees(id);
  }

  @POST
  @Path("{id}/complete")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Decide a task",
      description =
          "Reviews: outcome COMPLETE or REQUEST_INFORMATION (with a question). Approval and"
              + " countersign: APPROVE or DENY (with reasons). Adjudication: a disposition"
              + " (TRUE_MATCH/FALSE_MATCH with a reason) for every potential match. A technical"
              + " audit also takes findings [{severity: OBSERVATION|MINOR|MAJOR|CRITICAL, text}]"
              + " (≤ 50) and evidence; a certified CRITICAL finding flags the case high-risk.")
  public TaskResponse complete(@PathParam("id") UUID id, TaskDecision decision) {
    return tasks.complete(id, decision, this::respond);
  }

  private TaskResponse respond(ReviewTask task, ExportCase exportCase, TaskDecision decision) {
    Instant now = clock.instant();
    SlaClock sla =
        task.isOpen()
            ? SlaClock.of(planner, task.createdAt(), task.dueAt(), now, exportCase.slaPausedAt())
            : null;
    return new TaskResponse(
        task.id(),
        task.caseId(),
        exportCase.reference(),
        task.type(),
        task.elementId(),
        task.candidateRole(),
        task.assignee(),
        task.status(),
        task.dueAt(),
        sla,
        task.createdAt(),
        task.claimedAt(),
        task.completedAt(),
        task.completedBy(),
        decision,
        task.closeReason());
  }
}
