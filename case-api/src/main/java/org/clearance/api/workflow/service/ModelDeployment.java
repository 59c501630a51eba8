package org.clearance.api.workflow.service;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Deploys the BPMN and DMN models through the Zeebe API at start-up, as one deployment, and keeps
 * trying in the background until the engine accepts them (readiness stays DOWN until then).
 */
@ApplicationScoped
public class ModelDeployment {

  private static final Logger LOG = Logger.getLogger(ModelDeployment.class);

  private final CamundaClient client;
  private final WorkflowConfig config;
  private final AtomicReference<String> state = new AtomicReference<>("not deployed yet");
  private volatile boolean deployed;
  private ScheduledExecutorService retries;

  ModelDeployment(CamundaClient client, WorkflowConfig config) {
    this.client = client;
    this.config = config;
  }

  void onStart(@Observes StartupEvent start) {
    retries =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().daemon().name("model-deployment").unstarted(runnable));
    retries.execute(this::attempt);
  }

  void onStop(@Observes ShutdownEvent stop) {
    if (retries != null) {
      retries.shutdownNow();
    }
  }

  public boolean isDeployed() {
    return deployed;
  }

  /** What happened to the last attempt, for the readiness check. */
  public String state() {
    return state.get();
  }

  private void attempt() {
    try {
      deploy(config.models());
      deployed = true;
      state.set("deployed " + config.models());
    } catch (RuntimeException e) {
      state.set("not deployed: " + e.getMessage());
      LOG.warnf(
          "the workflow engine did not accept %s (%s); trying again in %s",
          config.models(), e.getMessage(), config.deployRetryInterval());
      retries.schedule(
          this::attempt, config.deployRetryInterval().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void deploy(List<String> resources) {
    DeployResourceCommandStep1.DeployResourceCommandStep2 command = null;
    for (String resource : resources) {
      byte[] bytes = read(resource);
      command =
          command == null
              ? client.newDeployResourceCommand().addResourceBytes(bytes, resource)
              : command.addResourceBytes(bytes, resource);
    }
    if (command == null) {
      return;
    }
    var deployment = command.send().join();
    LOG.infof(
        "deployed %s: processes %s, decisions %s",
        resources,
        deployment.getProcesses().stream()
            .map(p -> p.getBpmnProcessId() + " v" + p.getVersion())
            .toList(),
        deployment.getDecisions().stream()
            .map(d -> d.getDmnDecisionId() + " v" + d.getVersion())
            .toList());
  }

  private static byte[] read(String resource) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("model " + resource + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read model " + resource, e);
    }
  }
}
