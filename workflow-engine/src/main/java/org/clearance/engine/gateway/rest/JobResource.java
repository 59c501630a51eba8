package org.clearance.engine.gateway.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.grpc.stub.StreamObserver;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.clearance.engine.config.EngineConfig;
import org.clearance.engine.gateway.CommandExecutor;
import org.clearance.engine.gateway.Rejection;
import org.clearance.engine.job.ActivationLongPoll;
import org.clearance.engine.job.JobService;

/**
 * Job commands over REST: activation with long polling (a parked request holds no thread, exactly
 * as over gRPC: both front doors park in the same {@link ActivationLongPoll}), completion, failure,
 * error and update of retries and timeout.
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
  private final JobService jobs;
  private final ActivationLongPoll longPoll;
  private final EngineConfig config;

  JobResource(
      RestCommands commands, JobService jobs, ActivationLongPoll longPoll, EngineConfig config) {
    this.commands = commands;
    this.jobs = jobs;
    this.longPoll = longPoll;
    this.config = config;
  }

  @POST
  @Path("activation")
  public CompletionStage<Response> activate(ActivationRequest request, RoutingContext context) {
    var cancelled = new AtomicBoolean();
    // the connection going away before the answer: a parked request must not take jobs any more
    context.addEndHandler(ended -> cancelled.set(true));
    String path = PATH + "/activation";
    return commands.activation(
        "ActivateJobs",
        path,
        answer -> {
          RestInput.required(request, "a request body");
          if (request.type() == null || request.type().isBlank()) {
            throw Rejection.invalidArgument(
                "Expected to activate jobs of a type, but type is blank");
          }
          long timeout = RestInput.required(request.timeout(), "a job timeout");
          if (timeout < 1) {
            throw Rejection.invalidArgument(
                "Expected to activate jobs with a timeout of at least 1 ms, but got %d"
                    .formatted(timeout));
          }
          int max = RestInput.required(request.maxJobsToActivate(), "maxJobsToActivate");
          if (max < 1) {
            throw Rejection.invalidArgument(
                "Expected to activate at least 1 job, but maxJobsToActivate is %d".formatted(max));
          }
          RestInput.requireDefaultTenants(request.tenantIds());
          if (request.tenantFilter() != null
              && !request.tenantFilter().isEmpty()
              && !request.tenantFilter().equals("PROVIDED")
              && !request.tenantFilter().equals("ASSIGNED")) {
            throw Rejection.invalidArgument(
                "Expected tenantFilter PROVIDED or ASSIGNED, but got '%s'"
                    .formatted(request.tenantFilter()));
          }
          long requestTimeout =
              request.requestTimeout() == null || request.requestTimeout() == 0
                  ? config.defaultLongPollTimeout()
                  : request.requestTimeout();
          var activation =
              new JobService.Activation(
                  request.type(),
                  request.worker() == null ? "" : request.worker(),
                  timeout,
                  max,
                  request.fetchVariable() == null ? List.of() : request.fetchVariable());
          longPoll.activate(activation, requestTimeout, new Answer(answer, path), cancelled);
        });
  }

  @POST
  @Path("{key}/completion")
  public CompletionStage<Response> complete(
      @PathParam("key") String key, CompletionRequest request) {
    return commands.run(
        "CompleteJob",
        CommandExecutor.Lane.JOB_RESULT,
        PATH + "/" + key + "/completion",
        () -> {
          long jobKey = RestInput.key(key, "a job key");
          if (request != null && request.result() != null && !request.result().isNull()) {
            throw Rejection.invalidArgument(
                "Expected to complete job %d without a job result; job results (task listener corrections, ad-hoc sub-process activations) are not supported"
                    .formatted(jobKey));
          }
          jobs.complete(
              jobKey,
              RestInput.variables(request == null ? null : request.variables(), "job variables"));
          return Response.noContent().build();
        });
  }

  @POST
  @Path("{key}/failure")
  public CompletionStage<Response> fail(@PathParam("key") String key, FailRequest request) {
    return commands.run(
        "FailJob",
        CommandExecutor.Lane.JOB_RESULT,
        PATH + "/" + key + "/failure",
        () -> {
          long jobKey = RestInput.key(key, "a job key");
          FailRequest body = request == null ? new FailRequest(null, null, null, null) : request;
          jobs.fail(
              jobKey,
              body.retries() == null ? 0 : body.retries(),
              body.errorMessage(),
              body.retryBackOff() == null ? 0 : body.retryBackOff(),
              RestInput.variables(body.variables(), "job variables"));
          return Response.noContent().build();
        });
  }

  @POST
  @Path("{key}/error")
  public CompletionStage<Response> error(@PathParam("key") String key, ErrorRequest request) {
    return commands.run(
        "ThrowError",
        CommandExecutor.Lane.JOB_RESULT,
        PATH + "/" + key + "/error",
        () -> {
          long jobKey = RestInput.key(key, "a job key");
          RestInput.required(request, "a request body with an errorCode");
          jobs.throwError(
              jobKey,
              request.errorCode(),
              request.errorMessage() == null ? "" : request.errorMessage(),
              RestInput.variables(request.variables(), "error variables"));
          return Response.noContent().build();
        });
  }

  @PATCH
  @Path("{key}")
  public CompletionStage<Response> update(@PathParam("key") String key, UpdateRequest request) {
    return commands.run(
        "UpdateJob",
        PATH + "/" + key,
        () -> {
          long jobKey = RestInput.key(key, "a job key");
          Changeset changes =
              RestInput.required(
                  request == null ? null : request.changeset(), "a changeset (retries, timeout)");
          if (changes.retries() == null && changes.timeout() == null) {
            throw Rejection.invalidArgument(
                "Expected a changeset with retries or timeout, but both are missing");
          }
          if (changes.retries() != null) {
            jobs.updateRetries(jobKey, changes.retries());
          }
          if (changes.timeout() != null) {
            jobs.updateTimeout(jobKey, changes.timeout());
          }
          return Response.noContent().build();
        });
  }

  private static Job job(ActivatedJob job) {
    return new Job(
        job.getType(),
        job.getBpmnProcessId(),
        job.getProcessDefinitionVersion(),
        job.getElementId(),
        document(job.getCustomHeaders()),
        job.getWorker(),
        job.getRetries(),
        job.getDeadline(),
        document(job.getVariables()),
        job.getTenantId().isEmpty() ? RestInput.DEFAULT_TENANT : job.getTenantId(),
        Long.toString(job.getKey()),
        Long.toString(job.getProcessInstanceKey()),
        Long.toString(job.getProcessDefinitionKey()),
        Long.toString(job.getElementInstanceKey()),
        job.getKind().name(),
        job.getListenerEventType().name(),
        job.getTagsList());
  }

  private static String document(String json) {
    return json == null || json.isBlank() ? "{}" : json;
  }

  /** Collects what the long poll hands out and answers the HTTP request once it completes. */
  private final class Answer implements StreamObserver<ActivateJobsResponse> {
    private final CompletableFuture<Response> answer;
    private final String path;
    private final List<Job> activated = new ArrayList<>();

    Answer(CompletableFuture<Response> answer, String path) {
      this.answer = answer;
      this.path = path;
    }

    @Override
    public void onNext(ActivateJobsResponse response) {
      response.getJobsList().forEach(j -> activated.add(job(j)));
    }

    @Override
    public void onError(Throwable error) {
      answer.complete(commands.failed("ActivateJobs", path, error));
    }

    @Override
    public void onCompleted() {
      answer.complete(
          Response.ok(new Activated(List.copyOf(activated)), MediaType.APPLICATION_JSON).build());
    }
  }
}
