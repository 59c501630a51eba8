package org.clearance.api.workflow.health;

import io.camunda.client.CamundaClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.clearance.api.workflow.service.WorkflowConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** case-api is ready only when the workflow engine answers a topology request. */
@Readiness
@ApplicationScoped
public class WorkflowEngineHealthCheck implements HealthCheck {

  private final CamundaClient client;
  private final WorkflowConfig config;

  WorkflowEngineHealthCheck(CamundaClient client, WorkflowConfig config) {
    this.client = client;
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    var response =
        HealthCheckResponse.named("workflow-engine")
            .withData("address", config.grpcAddress().toString());
    try {
      var topology =
          client.newTopologyRequest().requestTimeout(config.readinessTimeout()).send().join();
      long healthyPartitions =
          topology.getBrokers().stream()
              .flatMap(broker -> broker.getPartitions().stream())
              .filter(partition -> partition.isLeader())
              .count();
      return response
          .withData("gatewayVersion", topology.getGatewayVersion())
          .withData("partitions", topology.getPartitionsCount())
          .withData("leaderPartitions", healthyPartitions)
          .status(healthyPartitions >= topology.getPartitionsCount() && healthyPartitions > 0)
          .build();
    } catch (RuntimeException e) {
      return response.withData("error", String.valueOf(e.getMessage())).down().build();
    }
  }
}
