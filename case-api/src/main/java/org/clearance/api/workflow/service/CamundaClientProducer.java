package org.clearance.api.workflow.service;

import io.camunda.client.CamundaClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one Zeebe client of the application, always on gRPC. */
@ApplicationScoped
public class CamundaClientProducer {

  @Produces
  @Singleton
  CamundaClient camundaClient(WorkflowConfig config) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(config.grpcAddress())
        // 8.9 prefers REST by default; our engine speaks the gateway's gRPC protocol only.
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(config.requestTimeout())
        .numJobWorkerExecutionThreads(4)
        .build();
  }

  void close(@Disposes CamundaClient client) {
    client.close();
  }
}
