package org.clearance.api.workflow.service;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;

/** How case-api reaches the workflow engine (or a Camunda 8 gateway). */
@ConfigMapping(prefix = "clearance.workflow")
public interface WorkflowConfig {

  /** gRPC address of the Zeebe gateway, e.g. {@code http://localhost:26500}. */
  URI grpcAddress();

  /** Default timeout of requests to the gateway. */
  Duration requestTimeout();

  /** How long the readiness check waits for the gateway's topology. */
  Duration readinessTimeout();
}
