package org.clearance.api.it;

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
import java.util.concurrent.ThreadLocalRandom;

/**
 * A packaged Quarkus application ({@code quarkus-run.jar}) as a child process with ports of its
 * own; {@link #kill()} is SIGKILL (no shutdown hook runs, in-flight transactions are cut off).
 */
final class ChildJvm implements AutoCloseable {

  private final String name;
  private final Path jar;
  private final List<String> properties;
  private final Map<String, String> environment;
  private final int readyPort;
  private final Path log;
  private Process process;

  ChildJvm(
      String name,
      Path jar,
      int readyPort,
      List<String> properties,
      Map<String, String> environment)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no " + jar + ": the IT runs after package (mvn verify)");
    }
    this.name = name;
    this.jar = jar;
    this.readyPort = readyPort;
    this.properties = properties;
    this.environment = environment;
    this.log = Path.of("target", "it-replicas", name + ".log");
    Files.createDirectories(log.getParent());
  }

  void start(String... extraProperties) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    properties.forEach(p -> command.add("-D" + p));
    for (String p : extraProperties) {
      command.add("-D" + p);
    }
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = builder.start();
    Process started = process;
    // A test JVM stopped early takes its children with it.
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    awaitReady(Duration.ofSeconds(180));
  }

  /** SIGKILL, and wait until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  private void awaitReady(Duration max) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + readyPort + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "%s exited with %d; see %s".formatted(name, process.exitValue(), log));
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("%s not ready within %s; see %s".formatted(name, max, log));
  }

  /** A free port in 27000–27999 (the range of this IT, apart from other test runs). */
  static int freePort() {
    int start = ThreadLocalRandom.current().nextInt(1000);
    for (int i = 0; i < 1000; i++) {
      int port = 27000 + (start + i) % 1000;
      try (var socket = new ServerSocket(port)) {
        socket.setReuseAddress(true);
        return port;
      } catch (IOException e) {
        // taken
      }
    }
    throw new IllegalStateException("no free port in 27000-27999");
  }
}
