package org.clearance.api.workflow.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.clearance.api.workflow.service.ModelDeployment;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** case-api takes work only once the engine has its process and decision models. */
@Readiness
@ApplicationScoped
public class ModelDeploymentHealthCheck implements HealthCheck {

  private final ModelDeployment deployment;

  ModelDeploymentHealthCheck(ModelDeployment deployment) {
    this.deployment = deployment;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("workflow-models")
        .withData("state", deployment.state())
        .status(deployment.isDeployed())
        .build();
  }
}
