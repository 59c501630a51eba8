package org.clearance.engine.gateway.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.db.Json;
import org.clearance.engine.job.ActivateJobsCommand;
import org.clearance.engine.job.ActivatedJob;
import org.clearance.engine.job.CompleteJobCommand;
import org.clearance.engine.job.FailJobCommand;
import org.clearance.engine.job.ThrowErrorCommand;
import org.clearance.engine.job.UpdateJobRetriesCommand;
import org.clearance.engine.job.UpdateJobTimeoutCommand;

/**
 * Job commands over REST, through the same handlers as over gRPC: activation with long polling (a
 * parked request holds no thread; both front doors park in the same long poll), completion,
 * failure, error and update of retries and timeout.
 */
@Path("/v2/jobs")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

  public record ActivationRequest(
      String type,
      String worker,
      Long timeout,
      Integer maxJobsToActivate,
      List<String> fetchVariable,
      Long requestTimeout,
      List<String> tenantIds,
      String tenantFilter) {}

  /** One activated job; variables and headers are the engine's JSON documents, passed as is. */
  public record Job(
      String type,
      String processDefinitionId,
      int processDefinitionVersion,
      String elementId,
      @JsonRawValue String customHeaders,
      String worker,
      int retries,
      long deadline,
      @JsonRawValue String variables,
      String tenantId,
      String jobKey,
      String processInstanceKey,
      String processDefinitionKey,
      String elementInstanceKey,
      String kind,
      String listenerEventType,
      List<String> tags) {}

  public record Activated(List<Job> jobs) {}

  public record CompletionRequest(JsonNode variables, JsonNode result) {}

  public record FailRequest(
      Integer retries, String errorMessage, Long retryBackOff, JsonNode variables) {}

  public record ErrorRequest(String errorCode, String errorMessage, JsonNode variables) {}

  public record Changeset(Integer retries, Long timeout) {}

  public record UpdateRequest(Changeset changeset, Long operationReference) {}

  private static final String PATH = "/v2/jobs";

  private final RestCommands commands;
  private final ActivateJobsCommand activateJobs;
  private final CompleteJobCommand completeJob;
  private final FailJobCommand failJob;
  private final ThrowErrorCommand throwError;
  private final UpdateJobRetriesCommand updateRetries;
  private final UpdateJobTimeoutCommand updateTimeout;

  JobResource(
      RestCommands commands,
      ActivateJobsCommand activateJobs,
      CompleteJobCommand completeJob,
      FailJobCommand failJob,
      ThrowErrorCommand throwError,
      UpdateJobRetriesCommand updateRetries,
      UpdateJobTimeoutCommand updateTimeout) {
    this.commands = commands;
    this.activateJobs = activateJobs;
    this.completeJob = completeJob;
    this.failJob = failJob;
    this.throwError = throwError;
    this.updateRetries = updateRetries;
    this.updateTimeout = updateTimeout;
  }

  @POST
  @Path("activation")
  public CompletionStage<Response> activate(ActivationRequest request, RoutingContext context) {
    var jobs = new CompletableFuture<List<ActivatedJob>>();
    // the connection going away before the answer: a parked request must not take jobs any more
    context.addEndHandler(ended -> jobs.cancel(false));
    var answer = jobs.thenApply(JobResource::activated);
    return commands.activation(
        "ActivateJobs",
        PATH + "/activation",
        answer,
        () -> {
          RestInput.required(request, "a request body");
          if (request.tenantFilter() != null
              && !request.tenantFilter().isEmpty()
              && !request.tenantFilter().equals("PROVIDED")
              && !request.tenantFilter().equals("ASSIGNED")) {
            throw Rejection.invalidArgument(
                "Expected tenantFilter PROVIDED or ASSIGNED, but got '%s'"
                    .formatted(request.tenantFilter()));
          }
          activateJobs.execute(
              new ActivateJobsCommand.Request(
                  request.type(),
                  request.worker() == null ? "" : request.worker(),
                  RestInput.required(request.timeout(), "a job timeout"),
                  RestInput.required(request.maxJobsToActivate(), "maxJobsToActivate"),
                  request.fetchVariable() == null ? List.of() : request.fetchVariable(),
                  request.requestTimeout() == null ? 0 : request.requestTimeout(),
                  request.tenantIds()),
              jobs);
        });
  }

  @POST
  @Path("{key}/completion")
  public CompletionStage<Response> complete(
      @PathParam("key") String key, CompletionRequest request) {
    return commands.call(
        "CompleteJob",
        PATH + "/" + key + "/completion",
        completeJob,
        () -> {
          long jobKey = RestInput.key(key, "a job key");
          if (request != null && request.result() != null && !request.result().isNull()) {
            throw Rejection.invalidArgument(
                "Expected to complete job %d without a job result; job results (task listener corrections, ad-hoc sub-process activations) are not supported"
                    .formatted(jobKey));
          }
          return new CompleteJobCommand.Request(
              jobKey,
              RestInput.variableMap(request == null ? null : request.variables(), "job variables"));
        },
        done -> Response.noContent().build());
  }

  @POST
  @Path("{key}/failure")
  public CompletionStage<Response> fail(@PathParam("key") String key, FailRequest request) {
    return commands.call(
        "FailJob",
        PATH + "/" + key + "/failure",
        failJob,
        () -> {
          long jobKey = RestInput.key(key, "a job key");
          FailRequest body = request == null ? new FailRequest(null, null, null, null) : request;
          return new FailJobCommand.Request(
              jobKey,
              body.retries() == null ? 0 : body.retries(),
              body.errorMessage(),
              body.retryBackOff() == null ? 0 : body.retryBackOff(),
              RestInput.variableMap(body.variables(), "job variables"));
        },
        done -> Response.noContent().build());
  }

  @POST
  @Path("{key}/error")
  public CompletionStage<Response> error(@PathParam("key") String key, ErrorRequest request) {
    return commands.call(
        "ThrowError",
        PATH + "/" + key + "/error",
        throwError,
        () -> {
          long jobKey = RestInput.key(key, "a job key");
          RestInput.required(request, "a request body with an errorCode");
          return new ThrowErrorCommand.Request(
              jobKey,
              request.errorCode(),
              request.errorMessage() == null ? "" : request.errorMessage(),
              RestInput.variableMap(request.variables(), "error variables"));
        },
        done -> Response.noContent().build());
  }

  /** Retries, then timeout: each through its own handler, as UpdateJobRetries/Timeout over gRPC. */
  @PATCH
  @Path("{key}")
  public CompletionStage<Response> update(@PathParam("key") String key, UpdateRequest request) {
    String path = PATH + "/" + key;
    long jobKey;
    Changeset changes;
    try {
      jobKey = RestInput.key(key, "a job key");
      changes =
          RestInput.required(
              request == null ? null : request.changeset(), "a changeset (retries, timeout)");
      if (changes.retries() == null && changes.timeout() == null) {
        throw Rejection.invalidArgument(
            "Expected a changeset with retries or timeout, but both are missing");
      }
    } catch (Rejection rejection) {
      return commands.answer("UpdateJob", path, CompletableFuture.failedFuture(rejection));
    }
    CompletionStage<Response> retried =
        changes.retries() == null
            ? CompletableFuture.completedFuture(null)
            : commands.call(
                "UpdateJobRetries",
                path,
                updateRetries,
                () -> new UpdateJobRetriesCommand.Request(jobKey, changes.retries()),
                done -> Response.noContent().build());
    if (changes.timeout() == null) {
      return retried;
    }
    return retried.thenCompose(
        answer ->
            answer != null && answer.getStatus() != 204
                ? CompletableFuture.completedFuture(answer)
                : commands.call(
                    "UpdateJobTimeout",
                    path,
                    updateTimeout,
                    () -> new UpdateJobTimeoutCommand.Request(jobKey, changes.timeout()),
                    done -> Response.noContent().build()));
  }

  private static Response activated(List<ActivatedJob> jobs) {
    var list = new ArrayList<Job>(jobs.size());
    jobs.forEach(job -> list.add(job(job)));
    return Response.ok(new Activated(list), MediaType.APPLICATION_JSON).build();
  }

  private static Job job(ActivatedJob job) {
    return new Job(
        job.type(),
        job.bpmnProcessId(),
        job.processDefinitionVersion(),
        job.elementId(),
        job.customHeaders() == null || job.customHeaders().isBlank() ? "{}" : job.customHeaders(),
        job.worker(),
        job.retries(),
        job.deadline(),
        Json.toDocument(job.variables()),
        job.tenantId(),
        Long.toString(job.key()),
        Long.toString(job.processInstanceKey()),
        Long.toString(job.processDefinitionKey()),
        Long.toString(job.elementInstanceKey()),
        "BPMN_ELEMENT",
        "UNSPECIFIED",
        List.of());
  }
}
