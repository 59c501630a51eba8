package org.clearance.engine.gateway;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.grpc.stub.ServerCallStreamObserver;
import org.clearance.engine.db.Json;
import org.clearance.engine.job.JobStreams;

/** Activated jobs as the gRPC gateway sends them. */
final class GrpcJobs {

  private GrpcJobs() {}

  static ActivatedJob toProto(org.clearance.engine.job.ActivatedJob job) {
    return ActivatedJob.newBuilder()
        .setKey(job.key())
        .setType(job.type())
        .setProcessInstanceKey(job.processInstanceKey())
        .setBpmnProcessId(job.bpmnProcessId())
        .setProcessDefinitionVersion(job.processDefinitionVersion())
        .setProcessDefinitionKey(job.processDefinitionKey())
        .setElementId(job.elementId())
        .setElementInstanceKey(job.elementInstanceKey())
        .setCustomHeaders(job.customHeaders())
        .setWorker(job.worker())
        .setRetries(job.retries())
        .setDeadline(job.deadline())
        .setVariables(Json.toDocument(job.variables()))
        .setTenantId(job.tenantId())
        .setKind(ActivatedJob.JobKind.BPMN_ELEMENT)
        .setListenerEventType(ActivatedJob.ListenerEventType.UNSPECIFIED)
        .build();
  }

  /** A StreamActivatedJobs call as a job stream's sink, with gRPC flow control. */
  static JobStreams.Sink sink(ServerCallStreamObserver<ActivatedJob> call) {
    return new JobStreams.Sink() {
      @Override
      public boolean isReady() {
        return call.isReady();
      }

      @Override
      public boolean isCancelled() {
        return call.isCancelled();
      }

      @Override
      public void send(org.clearance.engine.job.ActivatedJob job) {
        call.onNext(toProto(job));
      }
    };
  }
}
