package org.clearance.engine.gateway;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BrokerInfo;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DecisionMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DecisionRequirementsMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Deployment;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition.PartitionBrokerHealth;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition.PartitionBrokerRole;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ProcessMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.StreamActivatedJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutResponse;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.grpc.GrpcService;
import io.quarkus.runtime.LaunchMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.clearance.engine.config.EngineConfig;
import org.clearance.engine.db.Json;
import org.clearance.engine.deployment.DeploymentService;
import org.clearance.engine.deployment.TenantIds;
import org.clearance.engine.incident.IncidentService;
import org.clearance.engine.job.ActivationLongPoll;
import org.clearance.engine.job.JobService;
import org.clearance.engine.job.JobStreams;
import org.clearance.engine.runtime.DecisionEvaluationService;
import org.clearance.engine.runtime.ProcessInstanceService;
import org.clearance.engine.runtime.ProcessInstanceService.ProcessSelector;
import org.clearance.engine.runtime.ResultWaiters;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Zeebe gateway service. Each request becomes one command run on a {@link CommandExecutor}
 * thread (never on the gRPC event loop); rejections map to the status codes Zeebe documents.
 * Methods not overridden here answer UNIMPLEMENTED, which is what the official client expects from
 * a gateway that lacks a feature.
 */
@GrpcService
public class GatewayService extends GatewayGrpc.GatewayImplBase {

  static final String GATEWAY_VERSION = "8.9.0";
  static final String DEFAULT_TENANT = TenantIds.DEFAULT;
  private static final Logger LOG = Logger.getLogger(GatewayService.class);

  private final EngineConfig config;
  private final int grpcPort;
  private final CommandExecutor executor;
  private final DeploymentService deployments;
  private final ProcessInstanceService instances;
  private final JobService jobs;
  private final ActivationLongPoll longPoll;
  private final JobStreams streams;
  private final IncidentService incidents;
  private final ResultWaiters waiters;
  private final DecisionEvaluationService decisionEvaluations;
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  @jakarta.inject.Inject org.clearance.engine.message.MessageService messages;

  GatewayService(
      EngineConfig config,
      @ConfigProperty(name = "quarkus.grpc.server.port") int port,
      @ConfigProperty(name = "quarkus.grpc.server.test-port") int testPort,
      CommandExecutor executor,
      DeploymentService deployments,
      ProcessInstanceService instances,
      JobService jobs,
      ActivationLongPoll longPoll,
      JobStreams streams,
      IncidentService incidents,
      ResultWaiters waiters,
      DecisionEvaluationService decisionEvaluations,
      MeterRegistry registry) {
    this.config = config;
    // In test mode Quarkus serves gRPC on the test port; advertise the port actually bound.
    this.grpcPort = LaunchMode.current() == LaunchMode.TEST ? testPort : port;
    this.executor = executor;
    this.deployments = deployments;
    this.instances = instances;
    this.jobs = jobs;
    this.longPoll = longPoll;
    this.streams = streams;
    this.incidents = incidents;
    this.waiters = waiters;
    this.decisionEvaluations = decisionEvaluations;
    this.registry = registry;
  }

  @Override
  public void topology(TopologyRequest request, StreamObserver<TopologyResponse> responseObserver) {
    var broker =
        BrokerInfo.newBuilder()
            .setNodeId(0)
            .setHost(config.advertisedHost())
            .setPort(grpcPort)
            .setVersion(GATEWAY_VERSION);
    for (int partitionId = 1; partitionId <= config.partitionCount(); partitionId++) {
      broker.addPartitions(
          Partition.newBuilder()
              .setPartitionId(partitionId)
              .setRole(PartitionBrokerRole.LEADER)
              .setHealth(PartitionBrokerHealth.HEALTHY));
    }
    responseObserver.onNext(
        TopologyResponse.newBuilder()
            .addBrokers(broker)
            .setClusterSize(config.clusterSize())
            .setPartitionsCount(config.partitionCount())
            .setReplicationFactor(config.replicationFactor())
            .setGatewayVersion(GATEWAY_VERSION)
            .build());
    responseObserver.onCompleted();
  }

  // ---------------------------------------------------------------- deployment

  @Override
  public void deployResource(
      DeployResourceRequest request, StreamObserver<DeployResourceResponse> observer) {
    run(
        "DeployResource",
        observer,
        () -> {
          String tenant = tenant(request.getTenantId());
          var resources =
              request.getResourcesList().stream()
                  .map(
                      r ->
                          new DeploymentService.Resource(r.getName(), r.getContent().toByteArray()))
                  .toList();
          var result = deployments.deploy(resources, tenant);
          var response =
              DeployResourceResponse.newBuilder().setKey(result.key()).setTenantId(tenant);
          for (var process : result.processes()) {
            response.addDeployments(
                Deployment.newBuilder()
                    .setProcess(
                        ProcessMetadata.newBuilder()
                            .setBpmnProcessId(process.bpmnProcessId())
                            .setVersion(process.version())
                            .setProcessDefinitionKey(process.processDefinitionKey())
                            .setResourceName(process.resourceName())
                            .setTenantId(tenant)));
          }
          for (var drg : result.decisionRequirements()) {
            response.addDeployments(
                Deployment.newBuilder()
                    .setDecisionRequirements(
                        DecisionRequirementsMetadata.newBuilder()
                            .setDmnDecisionRequirementsId(drg.decisionRequirementsId())
                            .setDmnDecisionRequirementsName(drg.name())
                            .setVersion(drg.version())
                            .setDecisionRequirementsKey(drg.key())
                            .setResourceName(drg.resourceName())
                            .setTenantId(tenant)));
          }
          for (var decision : result.decisions()) {
            response.addDeployments(
                Deployment.newBuilder()
                    .setDecision(
                        DecisionMetadata.newBuilder()
                            .setDmnDecisionId(decision.decisionId())
                            .setDmnDecisionName(decision.name())
                            .setVersion(decision.version())
                            .setDecisionKey(decision.decisionKey())
                            .setDmnDecisionRequirementsId(decision.decisionRequirementsId())
                            .setDecisionRequirementsKey(decision.decisionRequirementsKey())
                            .setTenantId(tenant)));
          }
          return response.build();
        });
  }

  // ---------------------------------------------------------------- decisions

  @Override
  public void evaluateDecision(
      EvaluateDecisionRequest request, StreamObserver<EvaluateDecisionResponse> observer) {
    run(
        "EvaluateDecision",
        observer,
        () -> {
          String tenant = tenant(request.getTenantId());
          var outcome =
              decisionEvaluations.evaluate(
                  tenant,
                  request.getDecisionKey(),
                  request.getDecisionId(),
                  request.getVariables());
          return DecisionResponses.evaluateDecisionResponse(
              outcome.key(), outcome.evaluated(), tenant);
        });
  }

  // ---------------------------------------------------------------- process instances

  @Override
  public void createProcessInstance(
      CreateProcessInstanceRequest request,
      StreamObserver<CreateProcessInstanceResponse> observer) {
    run(
        "CreateProcessInstance",
        observer,
        () -> {
          validateCreation(request);
          var created =
              instances.create(
                  selector(request), request.getVariables(), false, java.util.List.of());
          return CreateProcessInstanceResponse.newBuilder()
              .setProcessDefinitionKey(created.process().key())
              .setBpmnProcessId(created.process().bpmnProcessId())
              .setVersion(created.process().version())
              .setProcessInstanceKey(created.processInstanceKey())
              .setTenantId(created.process().tenantId())
              .build();
        });
  }

  @Override
  public void createProcessInstanceWithResult(
      CreateProcessInstanceWithResultRequest request,
      StreamObserver<CreateProcessInstanceWithResultResponse> observer) {
    submit(
        "CreateProcessInstanceWithResult",
        observer,
        () -> {
          var creation = request.getRequest();
          validateCreation(creation);
          var created =
              instances.create(
                  selector(creation),
                  creation.getVariables(),
                  true,
                  request.getFetchVariablesList());
          long timeout =
              request.getRequestTimeout() > 0
                  ? request.getRequestTimeout()
                  : config.defaultLongPollTimeout();
          long key = created.processInstanceKey();
          created
              .result()
              .orTimeout(timeout, TimeUnit.MILLISECONDS)
              .whenComplete(
                  (variables, error) -> {
                    if (error != null) {
                      waiters.forget(key);
                      Throwable cause =
                          error instanceof TimeoutException ? error : error.getCause();
                      if (cause instanceof TimeoutException || error instanceof TimeoutException) {
                        reject(
                            "CreateProcessInstanceWithResult",
                            observer,
                            new Rejection(
                                Rejection.Type.DEADLINE_EXCEEDED,
                                "Expected process instance %d to complete within %d ms, but it did not"
                                    .formatted(key, timeout)));
                      } else {
                        fail("CreateProcessInstanceWithResult", observer, error);
                      }
                      return;
                    }
                    respond(
                        observer,
                        CreateProcessInstanceWithResultResponse.newBuilder()
                            .setProcessDefinitionKey(created.process().key())
                            .setBpmnProcessId(created.process().bpmnProcessId())
                            .setVersion(created.process().version())
                            .setProcessInstanceKey(key)
                            .setVariables(Json.toDocument(variables))
                            .setTenantId(created.process().tenantId())
                            .build());
                  });
          count("CreateProcessInstanceWithResult", "processed");
        });
  }

  @Override
  public void cancelProcessInstance(
      CancelProcessInstanceRequest request,
      StreamObserver<CancelProcessInstanceResponse> observer) {
    run(
        "CancelProcessInstance",
        observer,
        () -> {
          instances.cancel(request.getProcessInstanceKey());
          return CancelProcessInstanceResponse.getDefaultInstance();
        });
  }

  @Override
  public void setVariables(
      SetVariablesRequest request, StreamObserver<SetVariablesResponse> observer) {
    run(
        "SetVariables",
        observer,
        () ->
            SetVariablesResponse.newBuilder()
                .setKey(
                    instances.setVariables(
                        request.getElementInstanceKey(),
                        request.getVariables(),
                        request.getLocal()))
                .build());
  }

  @Override
  public void resolveIncident(
      ResolveIncidentRequest request, StreamObserver<ResolveIncidentResponse> observer) {
    run(
        "ResolveIncident",
        observer,
        () -> {
          incidents.resolve(request.getIncidentKey());
          return ResolveIncidentResponse.getDefaultInstance();
        });
  }

  // ---------------------------------------------------------------- messages

  @Override
  public void publishMessage(
      PublishMessageRequest request, StreamObserver<PublishMessageResponse> observer) {
    run(
        "PublishMessage",
        observer,
        () -> {
          String tenant = tenant(request.getTenantId());
          long key =
              messages.publish(
                  tenant,
                  request.getName(),
                  request.getCorrelationKey(),
                  request.getTimeToLive(),
                  request.getMessageId(),
                  request.getVariables());
          return PublishMessageResponse.newBuilder().setKey(key).setTenantId(tenant).build();
        });
  }

  // ---------------------------------------------------------------- jobs

  @Override
  public void activateJobs(
      ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> observer) {
    // must be registered on the calling (event-loop) thread, before this method returns
    var cancelled = new AtomicBoolean();
    if (observer instanceof ServerCallStreamObserver<ActivateJobsResponse> call) {
      call.setOnCancelHandler(() -> cancelled.set(true));
    }
    submitActivation(
        "ActivateJobs",
        observer,
        () -> {
          if (request.getType().isBlank()) {
            throw Rejection.invalidArgument(
                "Expected to activate jobs of a type, but type is blank");
          }
          if (request.getTimeout() < 1) {
            throw Rejection.invalidArgument(
                "Expected to activate jobs with a timeout of at least 1 ms, but got %d"
                    .formatted(request.getTimeout()));
          }
          if (request.getMaxJobsToActivate() < 1) {
            throw Rejection.invalidArgument(
                "Expected to activate at least 1 job, but maxJobsToActivate is %d"
                    .formatted(request.getMaxJobsToActivate()));
          }
          long longPoll =
              request.getRequestTimeout() == 0
                  ? config.defaultLongPollTimeout()
                  : request.getRequestTimeout();
          var activation =
              new JobService.Activation(
                  request.getType(),
                  request.getWorker(),
                  request.getTimeout(),
                  request.getMaxJobsToActivate(),
                  request.getFetchVariableList(),
                  tenants(request.getTenantIdsList()));
          this.longPoll.activate(activation, longPoll, observer, cancelled);
          count("ActivateJobs", "processed");
        });
  }

  @Override
  public void streamActivatedJobs(
      StreamActivatedJobsRequest request, StreamObserver<ActivatedJob> observer) {
    if (request.getType().isBlank() || request.getTimeout() < 1) {
      reject(
          "StreamActivatedJobs",
          observer,
          Rejection.invalidArgument(
              "Expected to stream jobs of a type with a timeout of at least 1 ms, but got type '%s' and timeout %d"
                  .formatted(request.getType(), request.getTimeout())));
      return;
    }
    List<String> tenantIds;
    try {
      tenantIds = tenants(request.getTenantIdsList());
    } catch (Rejection e) {
      reject("StreamActivatedJobs", observer, e);
      return;
    }
    var activation =
        new JobService.Activation(
            request.getType(),
            request.getWorker(),
            request.getTimeout(),
            1,
            request.getFetchVariableList(),
            tenantIds);
    if (!(observer instanceof ServerCallStreamObserver<ActivatedJob> call)) {
      observer.onError(Status.UNIMPLEMENTED.withDescription("job streaming").asRuntimeException());
      return;
    }
    streams.open(activation, call);
    count("StreamActivatedJobs", "processed");
  }

  @Override
  public void completeJob(
      CompleteJobRequest request, StreamObserver<CompleteJobResponse> observer) {
    run(
        "CompleteJob",
        CommandExecutor.Lane.JOB_RESULT,
        observer,
        () -> {
          jobs.complete(request.getJobKey(), request.getVariables());
          return CompleteJobResponse.getDefaultInstance();
        });
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> observer) {
    run(
        "FailJob",
        CommandExecutor.Lane.JOB_RESULT,
        observer,
        () -> {
          jobs.fail(
              request.getJobKey(),
              request.getRetries(),
              request.getErrorMessage(),
              request.getRetryBackOff(),
              request.getVariables());
          return FailJobResponse.getDefaultInstance();
        });
  }

  @Override
  public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> observer) {
    run(
        "ThrowError",
        CommandExecutor.Lane.JOB_RESULT,
        observer,
        () -> {
          jobs.throwError(
              request.getJobKey(),
              request.getErrorCode(),
              request.getErrorMessage(),
              request.getVariables());
          return ThrowErrorResponse.getDefaultInstance();
        });
  }

  @Override
  public void updateJobRetries(
      UpdateJobRetriesRequest request, StreamObserver<UpdateJobRetriesResponse> observer) {
    run(
        "UpdateJobRetries",
        observer,
        () -> {
          jobs.updateRetries(request.getJobKey(), request.getRetries());
          return UpdateJobRetriesResponse.getDefaultInstance();
        });
  }

  @Override
  public void updateJobTimeout(
      UpdateJobTimeoutRequest request, StreamObserver<UpdateJobTimeoutResponse> observer) {
    run(
        "UpdateJobTimeout",
        observer,
        () -> {
          jobs.updateTimeout(request.getJobKey(), request.getTimeout());
          return UpdateJobTimeoutResponse.getDefaultInstance();
        });
  }

  // ---------------------------------------------------------------- plumbing

  private static void validateCreation(CreateProcessInstanceRequest request) {
    tenant(request.getTenantId());
    if (request.getStartInstructionsCount() > 0) {
      throw Rejection.invalidArgument(
          "Expected to create a process instance at its none start event; start instructions are not supported yet");
    }
    if (request.getRuntimeInstructionsCount() > 0) {
      throw Rejection.invalidArgument("Runtime instructions are not supported yet");
    }
  }

  /** The tenant a request names (the default tenant when none); INVALID_ARGUMENT if malformed. */
  private static String tenant(String requested) {
    try {
      return TenantIds.of(requested);
    } catch (IllegalArgumentException e) {
      throw Rejection.invalidArgument(e.getMessage());
    }
  }

  private static List<String> tenants(List<String> requested) {
    try {
      return TenantIds.of(requested);
    } catch (IllegalArgumentException e) {
      throw Rejection.invalidArgument(e.getMessage());
    }
  }

  private static ProcessSelector selector(CreateProcessInstanceRequest request) {
    return new ProcessSelector(
        request.getProcessDefinitionKey(),
        request.getBpmnProcessId(),
        request.getVersion() <= 0 ? -1 : request.getVersion(),
        TenantIds.of(request.getTenantId()));
  }

  /** Runs a command on a command thread and answers with its result. */
  private <T> void run(String command, StreamObserver<T> observer, Supplier<T> work) {
    run(command, CommandExecutor.Lane.NORMAL, observer, work);
  }

  private <T> void run(
      String command, CommandExecutor.Lane lane, StreamObserver<T> observer, Supplier<T> work) {
    submit(
        command,
        lane,
        observer,
        () -> {
          T response = work.get();
          count(command, "processed");
          respond(observer, response);
        });
  }

  /** Runs work on a command thread; the work answers the observer itself. */
  private <T> void submit(String command, StreamObserver<T> observer, Runnable work) {
    submit(command, CommandExecutor.Lane.NORMAL, observer, work);
  }

  /** ActivateJobs runs on the activation pool: never refused, never behind queued commands. */
  private <T> void submitActivation(String command, StreamObserver<T> observer, Runnable work) {
    executor.submitActivation(guarded(command, observer, work));
  }

  private <T> Runnable guarded(String command, StreamObserver<T> observer, Runnable work) {
    return () -> {
      try {
        work.run();
      } catch (Rejection rejection) {
        reject(command, observer, rejection);
      } catch (RuntimeException | Error e) {
        fail(command, observer, e);
      }
    };
  }

  private <T> void submit(
      String command, CommandExecutor.Lane lane, StreamObserver<T> observer, Runnable work) {
    try {
      executor.submit(
          lane,
          () -> {
            try {
              work.run();
            } catch (Rejection rejection) {
              reject(command, observer, rejection);
            } catch (RuntimeException | Error e) {
              fail(command, observer, e);
            }
          });
    } catch (Rejection rejection) {
      reject(command, observer, rejection);
    }
  }

  private static <T> void respond(StreamObserver<T> observer, T response) {
    try {
      observer.onNext(response);
      observer.onCompleted();
    } catch (RuntimeException e) {
      LOG.debugf("Client went away before the answer: %s", e.getMessage());
    }
  }

  private <T> void reject(String command, StreamObserver<T> observer, Rejection rejection) {
    count(command, "rejected");
    LOG.debugf("%s rejected (%s): %s", command, rejection.type(), rejection.getMessage());
    try {
      observer.onError(
          Status.fromCode(rejection.type().statusCode())
              .withDescription(
                  "Command '%s' rejected with code '%s': %s"
                      .formatted(command, rejection.type(), rejection.getMessage()))
              .asRuntimeException());
    } catch (RuntimeException ignored) {
      // the call is gone
    }
  }

  private <T> void fail(String command, StreamObserver<T> observer, Throwable error) {
    count(command, "failed");
    LOG.errorf(error, "%s failed", command);
    try {
      observer.onError(
          Status.INTERNAL
              .withDescription("Command '%s' failed: %s".formatted(command, error.getMessage()))
              .asRuntimeException());
    } catch (RuntimeException ignored) {
      // the call is gone
    }
  }

  private void count(String command, String outcome) {
    counters
        .computeIfAbsent(
            command + "/" + outcome,
            k ->
                Counter.builder("engine.commands")
                    .description("Gateway commands by type and outcome")
                    .tag("command", command)
                    .tag("outcome", outcome)
                    .register(registry))
        .increment();
  }
}
