package org.clearance.engine.it;

import io.camunda.client.CamundaClient;
import java.io.File;
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
 * The packaged engine ({@code target/quarkus-app/quarkus-run.jar}) as a child process on the test
 * database, with ports of its own. {@link #kill()} is SIGKILL: no shutdown hook runs, in-flight
 * transactions are cut off as in a crash.
 */
final class EngineProcess implements AutoCloseable {

  static final String DB_URL =
      System.getenv()
          .getOrDefault("CLEARANCE_DB_URL", "jdbc:postgresql://localhost:15432/clearance");

  private final String name;
  private final Map<String, String> settings;
  private final int grpcPort;
  private final int httpPort;
  private final Path log;
  private Process process;
  private boolean cleanSchema;

  private EngineProcess(String name, Map<String, String> settings) throws IOException {
    this.name = name;
    this.settings = settings;
    this.grpcPort = freePort();
    this.httpPort = freePort();
    this.log = Path.of("target", "it-engines", name + ".log");
    Files.createDirectories(log.getParent());
  }

  /** Starts an engine on an empty schema (the first engine of a test). */
  static EngineProcess startClean(String name, Map<String, String> settings) throws Exception {
    var engine = new EngineProcess(name, settings);
    engine.cleanSchema = true;
    engine.start();
    engine.cleanSchema = false;
    return engine;
  }

  /** Starts an engine on whatever the database holds. */
  static EngineProcess start(String name, Map<String, String> settings) throws Exception {
    var engine = new EngineProcess(name, settings);
    engine.start();
    return engine;
  }

  void start() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.add("-Dquarkus.grpc.server.port=" + grpcPort);
    command.add("-Dquarkus.http.port=" + httpPort);
    command.add("-Dquarkus.datasource.jdbc.url=" + DB_URL);
    command.add("-Dquarkus.log.file.enable=false");
    // The durability tests are about the engine, not its gateways' authentication.
    command.add("-Dclearance.engine.auth=none");
    if (cleanSchema) {
      command.add("-Dquarkus.flyway.clean-at-start=true");
      command.add("-Dquarkus.flyway.clean-disabled=false");
    }
    settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(jar().toString());
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    awaitReady(Duration.ofSeconds(90));
  }

  /** SIGKILL, and wait until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Kills the process and starts it again on the same ports. */
  void killAndRestart() throws Exception {
    kill();
    start();
  }

  CamundaClient client() {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://localhost:" + grpcPort))
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofSeconds(15))
        .numJobWorkerExecutionThreads(4)
        .build();
  }

  int httpPort() {
    return httpPort;
  }

  int grpcPort() {
    return grpcPort;
  }

  String name() {
    return name;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private void awaitReady(Duration max) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "engine %s exited with %d; see %s".formatted(name, process.exitValue(), log));
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "engine %s not ready within %s; see %s".formatted(name, max, log));
  }

  private static Path jar() {
    Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
    if (!jar.toFile().isFile()) {
      throw new IllegalStateException(
          "no " + jar + ": integration tests run after package (mvn verify)");
    }
    return jar.toAbsolutePath();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  static File logDirectory() {
    return Path.of("target", "it-engines").toFile();
  }
}
