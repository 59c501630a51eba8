package org.clearance.api.workflow.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** How case-api reaches the workflow engine (or a Camunda 8 gateway). */
@ConfigMapping(prefix = "clearance.workflow")
public interface WorkflowConfig {

  /** gRPC address of the Zeebe gateway, e.g. {@code http://localhost:26500}. */
  URI grpcAddress();

  /**
   * How case-api proves who it is to the gateway: {@code oidc} (an OAuth 2 client-credentials token
   * of the realm on every call, as a Camunda 8 gateway expects) or {@code none} (a gateway without
   * authentication).
   */
  @WithDefault("oidc")
  EngineAuth auth();

  /** The confidential client case-api uses against the gateway when {@code auth=oidc}. */
  OAuth oauth();

  /** Kinds of gateway authentication. */
  enum EngineAuth {
    OIDC,
    NONE
  }

  /** Client-credentials settings of the Camunda client's OAuth credentials provider. */
  interface OAuth {
    String clientId();

    String clientSecret();

    /** The audience the gateway requires (the engine's client in the realm). */
    String audience();

    /** The realm's token endpoint. */
    URI tokenUrl();
  }

  /**
   * The tenant case-api's models are deployed into, its instances started and messages published
   * in, and the only tenant its job workers activate: other applications on the same engine keep
   * their own jobs (user tasks included).
   */
  @WithDefault("clearance")
  String tenantId();

  /** Default timeout of requests to the gateway. */
  Duration requestTimeout();

  /** How long the readiness check waits for the gateway's topology. */
  Duration readinessTimeout();

  /** Classpath resources deployed together at start-up (BPMN and DMN in one deployment). */
  @WithDefault("bpmn/export-licence.bpmn,dmn/licence-requirement.dmn")
  List<String> models();

  /** Pause between deployment attempts while the engine does not accept the models. */
  @WithDefault("PT2S")
  Duration deployRetryInterval();

  /** Whether case-api opens its job workers (off for a read-only replica). */
  @WithDefault("true")
  boolean workersEnabled();

  /**
   * Timeout of an activated user-task job: long, because a person works on it; extended while the
   * task is open.
   */
  @WithDefault("P7D")
  Duration userTaskTimeout();

  /**
   * Timeout a user-task job is activated with, until its task is mirrored (then it is extended to
   * {@link #userTaskTimeout()}): a replica that dies between taking the job and committing the task
   * hands it back to the other replicas after this, not after days.
   */
  @WithDefault("PT1M")
  Duration userTaskActivationTimeout();

  /** Timeout of service-task jobs (the handler's work is one transaction). */
  @WithDefault("PT1M")
  Duration serviceTaskTimeout();

  /**
   * Whether job workers receive jobs pushed on a stream (StreamActivatedJobs) as soon as they are
   * created, instead of asking for them with long-polling ActivateJobs requests. Polling stays on
   * as the fallback either way.
   */
  @WithDefault("true")
  boolean streamJobs();
}
