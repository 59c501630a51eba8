package org.clearance.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.gateway.auth.RestCaller;
import org.clearance.engine.search.Searches;
import org.clearance.engine.usertask.AssignUserTaskCommand;
import org.clearance.engine.usertask.CompleteUserTaskCommand;
import org.clearance.engine.usertask.UpdateUserTaskCommand;

/**
 * Camunda user tasks over REST: search and get (from engine.user_task), assign, unassign, update
 * and complete (commands, through the same executor as every other), and the task's form.
 */
@Path("/v2/user-tasks")
@Produces(MediaType.APPLICATION_JSON)
public class UserTaskResource {

  public record AssignmentRequest(String assignee, Boolean allowOverride, String action) {}

  public record UpdateRequest(JsonNode changeset, String action) {}

  public record CompletionRequest(JsonNode variables, String action) {}

  private static final String PATH = "/v2/user-tasks/";

  private final RestCommands commands;
  private final AssignUserTaskCommand assign;
  private final UpdateUserTaskCommand update;
  private final CompleteUserTaskCommand complete;
  private final Searches searches;
  private final RestCaller caller;

  UserTaskResource(
      RestCommands commands,
      AssignUserTaskCommand assign,
      UpdateUserTaskCommand update,
      CompleteUserTaskCommand complete,
      Searches searches,
      RestCaller caller) {
    this.caller = caller;
    this.commands = commands;
    this.assign = assign;
    this.update = update;
    this.complete = complete;
    this.searches = searches;
  }

  @POST
  @Path("search")
  @Consumes(MediaType.APPLICATION_JSON)
  public Searches.Result search(JsonNode request) {
    return searches.userTasks(request, caller.tenants());
  }

  @GET
  @Path("{key}")
  public Map<String, Object> get(@PathParam("key") String key) {
    return searches.userTask(RestInput.key(key, "a user task key"), caller.tenants());
  }

  /**
   * Only linked forms are answered here, as in Camunda; this engine cannot deploy forms, so every
   * existing task answers 204 (no linked form).
   */
  @GET
  @Path("{key}/form")
  public Response form(@PathParam("key") String key) {
    searches.userTask(RestInput.key(key, "a user task key"), caller.tenants());
    return Response.noContent().build();
  }

  @POST
  @Path("{key}/variables/search")
  @Consumes(MediaType.APPLICATION_JSON)
  public Searches.Result variables(@PathParam("key") String key, JsonNode request) {
    return searches.userTaskVariables(
        RestInput.key(key, "a user task key"), request, caller.tenants());
  }

  @POST
  @Path("{key}/effective-variables/search")
  @Consumes(MediaType.APPLICATION_JSON)
  public Searches.Result effectiveVariables(@PathParam("key") String key, JsonNode request) {
    return searches.userTaskEffectiveVariables(
        RestInput.key(key, "a user task key"), request, caller.tenants());
  }

  @POST
  @Path("{key}/assignment")
  @Consumes(MediaType.APPLICATION_JSON)
  public CompletionStage<Response> assign(@PathParam("key") String key, AssignmentRequest request) {
    requireVisible(key);
    return commands.call(
        "AssignUserTask",
        PATH + key + "/assignment",
        assign,
        () -> {
          long taskKey = RestInput.key(key, "a user task key");
          RestInput.required(request, "a request body with an assignee");
          if (request.assignee() == null || request.assignee().isBlank()) {
            throw Rejection.invalidArgument(
                "Expected an assignee for user task %d, but none was given (to unassign, DELETE %s%d/assignee)"
                    .formatted(taskKey, PATH, taskKey));
          }
          return new AssignUserTaskCommand.Request(
              taskKey,
              request.assignee(),
              !Boolean.FALSE.equals(request.allowOverride()),
              request.action());
        },
        done -> Response.noContent().build());
  }

  @DELETE
  @Path("{key}/assignee")
  public CompletionStage<Response> unassign(@PathParam("key") String key) {
    requireVisible(key);
    return commands.call(
        "UnassignUserTask",
        PATH + key + "/assignee",
        assign,
        () ->
            new AssignUserTaskCommand.Request(
                RestInput.key(key, "a user task key"), null, true, null),
        done -> Response.noContent().build());
  }

  @PATCH
  @Path("{key}")
  @Consumes(MediaType.APPLICATION_JSON)
  public CompletionStage<Response> update(@PathParam("key") String key, UpdateRequest request) {
    requireVisible(key);
    return commands.call(
        "UpdateUserTask",
        PATH + key,
        update,
        () -> {
          long taskKey = RestInput.key(key, "a user task key");
          JsonNode changes = request == null ? null : request.changeset();
          if (changes != null && !changes.isNull() && !changes.isObject()) {
            throw Rejection.invalidArgument("Expected changeset to be a JSON object");
          }
          JsonNode changeset = changes == null || changes.isNull() ? null : changes;
          return new UpdateUserTaskCommand.Request(
              taskKey,
              stringList(changeset, "candidateGroups"),
              stringList(changeset, "candidateUsers"),
              text(changeset, "dueDate"),
              text(changeset, "followUpDate"),
              priority(changeset),
              request == null ? null : request.action());
        },
        done -> Response.noContent().build());
  }

  @POST
  @Path("{key}/completion")
  @Consumes(MediaType.APPLICATION_JSON)
  public CompletionStage<Response> complete(
      @PathParam("key") String key, CompletionRequest request) {
    requireVisible(key);
    return commands.call(
        "CompleteUserTask",
        PATH + key + "/completion",
        complete,
        () ->
            new CompleteUserTaskCommand.Request(
                RestInput.key(key, "a user task key"),
                RestInput.variableMap(
                    request == null ? null : request.variables(), "user task variables"),
                request == null ? null : request.action()),
        done -> Response.noContent().build());
  }

  /**
   * A caller limited to some tenants changes only their tasks: another tenant's task is 404, as if
   * it did not exist (a task's tenant never changes, so checking before the command is enough).
   */
  private void requireVisible(String key) {
    var tenants = caller.tenants();
    if (!tenants.all()) {
      searches.userTask(RestInput.key(key, "a user task key"), tenants);
    }
  }

  // ---------------------------------------------------------------- changeset attributes

  /** null (absent or null): keep; an empty list clears. */
  private static List<String> stringList(JsonNode changeset, String name) {
    JsonNode value = changeset == null ? null : changeset.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw Rejection.invalidArgument(
          "Expected changeset.%s to be a list of strings, but got %s".formatted(name, value));
    }
    var list = new ArrayList<String>();
    for (JsonNode item : value) {
      if (!item.isTextual() || item.textValue().isBlank()) {
        throw Rejection.invalidArgument(
            "Expected changeset.%s to be a list of non-empty strings, but it holds %s"
                .formatted(name, item));
      }
      list.add(item.textValue());
    }
    return list;
  }

  /** null (absent or null): keep; "" clears. */
  private static String text(JsonNode changeset, String name) {
    JsonNode value = changeset == null ? null : changeset.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw Rejection.invalidArgument(
          "Expected changeset.%s to be a date-time string, but got %s".formatted(name, value));
    }
    return value.textValue();
  }

  private static Integer priority(JsonNode changeset) {
    JsonNode value = changeset == null ? null : changeset.get("priority");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw Rejection.invalidArgument(
          "Expected changeset.priority to be a whole number between 0 and 100, but got %s"
              .formatted(value));
    }
    return value.intValue();
  }
}
