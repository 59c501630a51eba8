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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.clearance.engine.command.CommandExecutor;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.command.Tenants;
import org.clearance.engine.config.EngineConfig;
import org.clearance.engine.db.Json;
import org.clearance.engine.deployment.DeployResourcesCommand;
import org.clearance.engine.incident.ResolveIncidentCommand;
import org.clearance.engine.job.ActivateJobsCommand;
import org.clearance.engine.job.CompleteJobCommand;
import org.clearance.engine.job.FailJobCommand;
import org.clearance.engine.job.JobActivator;
import org.clearance.engine.job.JobStreams;
import org.clearance.engine.job.ThrowErrorCommand;
import org.clearance.engine.job.UpdateJobRetriesCommand;
import org.clearance.engine.job.UpdateJobTimeoutCommand;
import org.clearance.engine.message.PublishMessageCommand;
import org.clearance.engine.runtime.CancelProcessInstanceCommand;
import org.clearance.engine.runtime.CreateProcessInstanceCommand;
import org.clearance.engine.runtime.EvaluateDecisionCommand;
import org.clearance.engine.runtime.SetVariablesCommand;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Zeebe gateway service: protocol mapping only. Each request becomes the request record of one
 * command handler (which lives with its domain: {@code job/CompleteJobCommand}, ...), run on a
 * {@link CommandExecutor} thread in the handler's lane (never on the gRPC event loop); results map
 * back to protocol messages and rejections to the status codes Zeebe documents ({@link
 * GrpcRejections}). Methods not overridden here answer UNIMPLEMENTED, which is what the official
 * client expects from a gateway that lacks a feature.
 */
@GrpcService
public class GatewayService extends GatewayGrpc.GatewayImplBase {

  static final String GATEWAY_VERSION = "8.9.0";
  static final String DEFAULT_TENANT = Tenants.DEFAULT_TENANT;
  private static final Logger LOG = Logger.getLogger(GatewayService.class);

  private final EngineConfig config;
  private final int grpcPort;
  private final CommandExecutor executor;
  private final DeployResourcesCommand deployResources;
  private final EvaluateDecisionCommand evaluateDecision;
  private final CreateProcessInstanceCommand createProcessInstance;
  private final CancelProcessInstanceCommand cancelProcessInstance;
  private final SetVariablesCommand setVariables;
  private final ResolveIncidentCommand resolveIncident;
  private final PublishMessageCommand publishMessage;
  private final ActivateJobsCommand activateJobs;
  private final JobStreams streams;
  private final CompleteJobCommand completeJob;
  private final FailJobCommand failJob;
  private final ThrowErrorCommand throwError;
  private final UpdateJobRetriesCommand updateJobRetries;
  private final UpdateJobTimeoutCommand updateJobTimeout;
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  GatewayService(
      EngineConfig config,
      @ConfigProperty(name = "quarkus.grpc.server.port") int port,
      @ConfigProperty(name = "quarkus.grpc.server.test-port") int testPort,
      CommandExecutor executor,
      DeployResourcesCommand deployResources,
      EvaluateDecisionCommand evaluateDecision,
      CreateProcessInstanceCommand createProcessInstance,
      CancelProcessInstanceCommand cancelProcessInstance,
      SetVariablesCommand setVariables,
      ResolveIncidentCommand resolveIncident,
      PublishMessageCommand publishMessage,
      ActivateJobsCommand activateJobs,
      JobStreams streams,
      CompleteJobCommand completeJob,
      FailJobCommand failJob,
      ThrowErrorCommand throwError,
      UpdateJobRetriesCommand updateJobRetries,
      UpdateJobTimeoutCommand updateJobTimeout,
      MeterRegistry registry) {
    this.config = config;
    // In test mode Quarkus serves gRPC on the test port; advertise the port actually bound.
    this.grpcPort = LaunchMode.current() == LaunchMode.TEST ? testPort : port;
    this.executor = executor;
    this.deployResources = deployResources;
    this.evaluateDecision = evaluateDecision;
    this.createProcessInstance = createProcessInstance;
    this.cancelProcessInstance = cancelProcessInstance;
    this.setVariables = setVariables;
    this.resolveIncident = resolveIncident;
    this.publishMessage = publishMessage;
    this.activateJobs = activateJobs;
    this.streams = streams;
    this.completeJob = completeJob;
    this.failJob = failJob;
    this.throwError = throwError;
    this.updateJobRetries = updateJobRetries;
    this.updateJobTimeout = updateJobTimeout;
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
          String tenant = Tenants.of(request.getTenantId());
          var resources =
              request.getResourcesList().stream()
                  .map(
                      r ->
                          new DeployResourcesCommand.Resource(
                              r.getName(), r.getContent().toByteArray()))
                  .toList();
          var result =
              deployResources.execute(new DeployResourcesCommand.Request(resources, tenant));
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
          String tenant = Tenants.of(request.getTenantId());
          var outcome =
              evaluateDecision.execute(
                  new EvaluateDecisionCommand.Request(
                      request.getDecisionKey(),
                      request.getDecisionId(),
                      request.getVariables(),
                      tenant));
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
          var created = createProcessInstance.execute(creation(request, false, List.of(), 0));
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
          validateCreation(request.getRequest());
          var created =
              createProcessInstance.execute(
                  creation(
                      request.getRequest(),
                      true,
                      request.getFetchVariablesList(),
                      request.getRequestTimeout()));
          long key = created.processInstanceKey();
          created
              .result()
              .whenComplete(
                  (variables, error) -> {
                    if (error instanceof Rejection rejection) {
                      reject("CreateProcessInstanceWithResult", observer, rejection);
                    } else if (error != null) {
                      fail("CreateProcessInstanceWithResult", observer, error);
                    } else {
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
                    }
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
        cancelProcessInstance.lane(),
        observer,
        () -> {
          cancelProcessInstance.execute(
              new CancelProcessInstanceCommand.Request(request.getProcessInstanceKey()));
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
                    setVariables.execute(
                        new SetVariablesCommand.Request(
                            request.getElementInstanceKey(),
                            Json.parseVariables(request.getVariables(), "variables"),
                            request.getLocal())))
                .build());
  }

  @Override
  public void resolveIncident(
      ResolveIncidentRequest request, StreamObserver<ResolveIncidentResponse> observer) {
    run(
        "ResolveIncident",
        observer,
        () -> {
          resolveIncident.execute(new ResolveIncidentCommand.Request(request.getIncidentKey()));
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
          String tenant = Tenants.of(request.getTenantId());
          long key =
              publishMessage.execute(
                  new PublishMessageCommand.Request(
                      request.getName(),
                      request.getCorrelationKey(),
                      request.getTimeToLive(),
                      request.getMessageId(),
                      Json.parseVariables(request.getVariables(), "the message variables"),
                      tenant));
          return PublishMessageResponse.newBuilder().setKey(key).setTenantId(tenant).build();
        });
  }

  // ---------------------------------------------------------------- jobs

  @Override
  public void activateJobs(
      ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> observer) {
    // must be registered on the calling (event-loop) thread, before this method returns
    var answer = new CompletableFuture<List<org.clearance.engine.job.ActivatedJob>>();
    if (observer instanceof ServerCallStreamObserver<ActivateJobsResponse> call) {
      call.setOnCancelHandler(() -> answer.cancel(false));
    }
    answer.whenComplete(
        (jobs, error) -> {
          if (error instanceof CancellationException) {
            return; // the client went away
          }
          if (error != null) {
            fail("ActivateJobs", observer, error);
            return;
          }
          try {
            if (!jobs.isEmpty()) {
              var response = ActivateJobsResponse.newBuilder();
              jobs.forEach(job -> response.addJobs(GrpcJobs.toProto(job)));
              observer.onNext(response.build());
            }
            observer.onCompleted();
          } catch (RuntimeException e) {
            LOG.debugf("Could not answer ActivateJobs: %s", e.getMessage());
          }
        });
    submitActivation(
        "ActivateJobs",
        observer,
        () -> {
          activateJobs.execute(
              new ActivateJobsCommand.Request(
                  request.getType(),
                  request.getWorker(),
                  request.getTimeout(),
                  request.getMaxJobsToActivate(),
                  request.getFetchVariableList(),
                  request.getRequestTimeout(),
                  request.getTenantIdsList()),
              answer);
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
      tenantIds = Tenants.of(request.getTenantIdsList());
    } catch (Rejection e) {
      reject("StreamActivatedJobs", observer, e);
      return;
    }
    var activation =
        new JobActivator.Activation(
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
    JobStreams.Stream stream = streams.open(activation, GrpcJobs.sink(call));
    call.setOnCancelHandler(stream::close);
    call.setOnReadyHandler(() -> streams.push(activation.type()));
    count("StreamActivatedJobs", "processed");
  }

  @Override
  public void completeJob(
      CompleteJobRequest request, StreamObserver<CompleteJobResponse> observer) {
    run(
        "CompleteJob",
        completeJob.lane(),
        observer,
        () -> {
          completeJob.execute(
              new CompleteJobCommand.Request(
                  request.getJobKey(),
                  Json.parseVariables(request.getVariables(), "job variables")));
          return CompleteJobResponse.getDefaultInstance();
        });
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> observer) {
    run(
        "FailJob",
        failJob.lane(),
        observer,
        () -> {
          failJob.execute(
              new FailJobCommand.Request(
                  request.getJobKey(),
                  request.getRetries(),
                  request.getErrorMessage(),
                  request.getRetryBackOff(),
                  Json.parseVariables(request.getVariables(), "job variables")));
          return FailJobResponse.getDefaultInstance();
        });
  }

  @Override
  public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> observer) {
    run(
        "ThrowError",
        throwError.lane(),
        observer,
        () -> {
          throwError.execute(
              new ThrowErrorCommand.Request(
                  request.getJobKey(),
                  request.getErrorCode(),
                  request.getErrorMessage(),
                  Json.parseVariables(request.getVariables(), "error variables")));
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
          updateJobRetries.execute(
              new UpdateJobRetriesCommand.Request(request.getJobKey(), request.getRetries()));
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
          updateJobTimeout.execute(
              new UpdateJobTimeoutCommand.Request(request.getJobKey(), request.getTimeout()));
          return UpdateJobTimeoutResponse.getDefaultInstance();
        });
  }

  // ---------------------------------------------------------------- plumbing

  /** What the gRPC request can hold but the engine does not support yet. */
  private static void validateCreation(CreateProcessInstanceRequest request) {
    Tenants.of(request.getTenantId());
    if (request.getStartInstructionsCount() > 0) {
      throw Rejection.invalidArgument(
          "Expected to create a process instance at its none start event; start instructions are not supported yet");
    }
    if (request.getRuntimeInstructionsCount() > 0) {
      throw Rejection.invalidArgument("Runtime instructions are not supported yet");
    }
  }

  private static CreateProcessInstanceCommand.Request creation(
      CreateProcessInstanceRequest request,
      boolean awaitCompletion,
      List<String> fetchVariables,
      long requestTimeout) {
    return new CreateProcessInstanceCommand.Request(
        request.getProcessDefinitionKey(),
        request.getBpmnProcessId(),
        request.getVersion(),
        Json.parseVariables(request.getVariables(), "the variables of the process instance"),
        request.getTenantId(),
        awaitCompletion,
        fetchVariables,
        requestTimeout);
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
          Status.fromCode(GrpcRejections.statusCode(rejection.type()))
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
