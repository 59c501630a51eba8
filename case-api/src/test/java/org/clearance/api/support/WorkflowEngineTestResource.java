package org.clearance.api.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real workflow engine (the jar the reactor built just before case-api) as a separate
 * process on the test database, so case-api talks to it over gRPC exactly as in production.
 */
public class WorkflowEngineTestResource implements QuarkusTestResourceLifecycleManager {

  private Process engine;

  @Override
  public Map<String, String> start() {
    Path runner = Path.of(System.getProperty("clearance.engine.runner", "missing"));
    if (!Files.isRegularFile(runner)) {
      throw new IllegalStateException(
          "workflow-engine is not built at " + runner + "; run the tests through ./mvnw verify");
    }
    int grpcPort = freePort();
    int httpPort = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx256m");
    command.add("-Dquarkus.flyway.clean-at-start=true");
    command.add("-Dquarkus.flyway.clean-disabled=false");
    command.add("-jar");
    command.add(runner.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CLEARANCE_ENGINE_GRPC_PORT", String.valueOf(grpcPort));
    builder.environment().put("CLEARANCE_ENGINE_HTTP_PORT", String.valueOf(httpPort));
    builder.redirectErrorStream(true);
    builder.redirectOutput(Path.of("target", "workflow-engine-under-test.log").toFile());
    try {
      engine = builder.start();
      awaitReady(httpPort);
    } catch (IOException e) {
      throw new IllegalStateException("could not start the workflow engine", e);
    }
    return Map.of("clearance.workflow.grpc-address", "http://localhost:" + grpcPort);
  }

  private void awaitReady(int httpPort) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!engine.isAlive()) {
        throw new IllegalStateException(
            "the workflow engine exited with "
                + engine.exitValue()
                + "; see target/workflow-engine-under-test.log");
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("the workflow engine did not become ready within 90s");
  }

  @Override
  public void stop() {
    if (engine != null) {
      engine.destroy();
      try {
        engine.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
