package org.clearance.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.grpc.Status;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives a Zeebe gateway (our workflow-engine, or any Camunda 8 gateway) with the official client
 * and prints figures. Scenarios:
 *
 * <ul>
 *   <li>one-task saturation: start → one service task → end, a closed loop that keeps a fixed
 *       number of instances in flight; completed instances per second;
 *   <li>one-task at a fixed rate (100/s): job activation latency and instance duration;
 *   <li>ten-task saturation: ten sequential service tasks; completed instances per second;
 *   <li>overload: starts offered well above capacity without waiting for completions; how much
 *       still completes, and how much the engine refuses (RESOURCE_EXHAUSTED).
 * </ul>
 *
 * <p>Job pickup is measured from the moment the client sends the create-instance request (the job
 * is created inside that command), so it over-states the engine's own pickup time by the create
 * command's round trip and durable commit; the fixed-rate scenario also reports pickup from the
 * moment the create was acknowledged (0 when the job reached the worker first), which is closer to
 * "job committed → job in the worker's hands".
 *
 * <p>{@code --stream=true} opens the workers with StreamActivatedJobs (job push). {@code
 * --protocol=rest} drives the engine over the Orchestration Cluster REST API (the client's default
 * since 8.9; {@code --rest-address}) instead of gRPC: creations, activations and completions then
 * all travel as HTTP/JSON. {@code --token-url=...} (with {@code --client-id}, {@code
 * --client-secret}) authenticates every call with a client-credentials token, against an engine
 * with {@code auth=oidc}.
 */
public final class EngineBenchmark {

  private final CamundaClient client;
  private final Duration warmup;
  private final Duration measure;
  private final List<String> report = new ArrayList<>();
  private static final long REFUSAL_BACKOFF_MS = 100;
  private static final ScheduledExecutorService BACKOFF =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());

  /** Runs an action after the refusal back-off. */
  private static void later(Runnable action) {
    BACKOFF.schedule(action, REFUSAL_BACKOFF_MS, TimeUnit.MILLISECONDS);
  }

  private final boolean stream;

  private EngineBenchmark(CamundaClient client, Duration warmup, Duration measure, boolean stream) {
    this.client = client;
    this.stream = stream;
    this.warmup = warmup;
    this.measure = measure;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    URI address = URI.create(options.getOrDefault("address", "http://localhost:26500"));
    Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
    Duration measure = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30")));
    String scenario = options.getOrDefault("scenario", "all");
    int rate = Integer.parseInt(options.getOrDefault("rate", "100"));
    System.setProperty(
        "clearance.bench.poll-interval-ms", options.getOrDefault("poll-interval", "100"));
    boolean stream = Boolean.parseBoolean(options.getOrDefault("stream", "false"));
    String protocol = options.getOrDefault("protocol", "grpc");
    if (!protocol.equals("grpc") && !protocol.equals("rest")) {
      throw new IllegalArgumentException("--protocol is grpc or rest, not " + protocol);
    }
    if (stream && protocol.equals("rest")) {
      throw new IllegalArgumentException("job streaming (--stream=true) exists only over gRPC");
    }
    URI restAddress = URI.create(options.getOrDefault("rest-address", "http://localhost:8081"));

    var builder =
        CamundaClient.newClientBuilder()
            .grpcAddress(address)
            .restAddress(restAddress)
            .preferRestOverGrpc(protocol.equals("rest"))
            // HTTP/1.1 holds one connection per request in flight (gRPC multiplexes one): room
            // for the 256 creations in flight plus the workers' polls and completions
            .maxHttpConnections(1024)
            .numJobWorkerExecutionThreads(4)
            .defaultRequestTimeout(Duration.ofSeconds(30));
    String tokenUrl = options.get("token-url");
    if (tokenUrl != null) {
      // an engine with auth=oidc: the client's OAuth provider, as an application would use it
      String clientId = options.getOrDefault("client-id", "other-application");
      builder.credentialsProvider(
          CredentialsProvider.newCredentialsProviderBuilder()
              .applyEnvironmentOverrides(false)
              .clientId(clientId)
              .clientSecret(options.getOrDefault("client-secret", clientId + "-dev-secret"))
              .audience(options.getOrDefault("audience", "clearance-engine"))
              .authorizationServerUrl(tokenUrl)
              .credentialsCachePath(
                  Files.createTempDirectory("bench-credentials").resolve("credentials").toString())
              .build());
      System.out.println("authenticating with client-credentials tokens of " + clientId);
    }
    try (CamundaClient client = builder.build()) {
      var topology = client.newTopologyRequest().send().join();
      System.out.printf(
          "engine at %s over %s: gateway %s, %d partition(s); %d cores, warm-up %ds, measured %ds per scenario%n",
          protocol.equals("rest") ? restAddress : address,
          protocol,
          topology.getGatewayVersion(),
          topology.getPartitionsCount(),
          Runtime.getRuntime().availableProcessors(),
          warmup.toSeconds(),
          measure.toSeconds());
      EngineBenchmark bench = new EngineBenchmark(client, warmup, measure, stream);
      if (stream) {
        System.out.println("job workers use StreamActivatedJobs (push), polling as fallback");
      }
      if (scenario.equals("all") || scenario.equals("one-task")) {
        bench.saturation("bench-one-task", 1, 256);
      }
      if (scenario.equals("all") || scenario.equals("latency")) {
        bench.fixedRate("bench-latency", rate);
      }
      if (scenario.equals("all") || scenario.equals("ten-task")) {
        bench.saturation("bench-ten-task", 10, 256);
      }
      if (scenario.equals("all") || scenario.equals("overload")) {
        bench.overload("bench-overload");
      }
      System.out.println();
      System.out.println("== results ==");
      bench.report.forEach(System.out::println);
    }
  }

  // --- scenarios ---------------------------------------------------------------------------------

  /** Keeps {@code inFlight} instances running; every completion starts the next one. */
  private void saturation(String processId, int tasks, int inFlight) throws Exception {
    deploy(processId, tasks);
    Run run = new Run();
    Semaphore slots = new Semaphore(inFlight);
    run.onInstanceCompleted = slots::release;
    try (var workers = run.openWorkers(processId, tasks)) {
      long end = System.nanoTime() + warmup.plus(measure).toNanos();
      Thread starter =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (System.nanoTime() < end) {
                      try {
                        if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                          continue;
                        }
                      } catch (InterruptedException e) {
                        return;
                      }
                      // a refused start frees its slot after a back-off, as in the overload
                      run.start(processId, () -> later(slots::release));
                    }
                  });
      double perSecond = run.measureCompletions(warmup, measure);
      starter.join();
      String line =
          String.format(
              Locale.ROOT,
              "%-16s %d task(s), %d in flight: %8.1f completed instances/s; job pickup p50 %s ms, p99 %s ms; refused %d",
              processId,
              tasks,
              inFlight,
              perSecond,
              ms(run.activation, 50),
              ms(run.activation, 99),
              run.refused.get());
      System.out.println(line);
      report.add(line);
      run.drain(Duration.ofSeconds(30));
    }
  }

  /** Starts instances at a fixed rate and measures latency, not throughput. */
  private void fixedRate(String processId, int perSecond) throws Exception {
    deploy(processId, 1);
    Run run = new Run();
    try (var workers = run.openWorkers(processId, 1)) {
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
      long periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
      ticker.scheduleAtFixedRate(
          () -> run.start(processId, () -> {}), 0, periodNanos, TimeUnit.NANOSECONDS);
      double completed = run.measureCompletions(warmup, measure);
      ticker.shutdownNow();
      String line =
          String.format(
              Locale.ROOT,
              "%-16s offered %d/s: %8.1f completed/s; job pickup p50 %s ms, p99 %s ms (after the create was acknowledged: p50 %s ms, p99 %s ms); instance duration p50 %s ms, p99 %s ms",
              processId,
              perSecond,
              completed,
              ms(run.activation, 50),
              ms(run.activation, 99),
              ms(run.afterAck, 50),
              ms(run.afterAck, 99),
              ms(run.duration, 50),
              ms(run.duration, 99));
      System.out.println(line);
      report.add(line);
      run.drain(Duration.ofSeconds(30));
    }
  }

  /**
   * Offers starts without waiting for completions (512 starters, each with one create request
   * outstanding, retrying a refused start after 100 ms): the engine must keep completing close to
   * its peak and refuse the excess rather than collapse.
   */
  private void overload(String processId) throws Exception {
    deploy(processId, 1);
    Run run = new Run();
    Semaphore outstandingRequests = new Semaphore(512);
    try (var workers = run.openWorkers(processId, 1)) {
      long end = System.nanoTime() + warmup.plus(measure).toNanos();
      AtomicLong offered = new AtomicLong();
      Thread starter =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (System.nanoTime() < end) {
                      try {
                        if (!outstandingRequests.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                          continue;
                        }
                      } catch (InterruptedException e) {
                        return;
                      }
                      offered.incrementAndGet();
                      // a refused start is retried after a back-off, as Zeebe recommends
                      // (and as any real client would); other answers free the slot at once
                      run.start(
                          processId,
                          () -> later(outstandingRequests::release),
                          () -> {},
                          outstandingRequests::release,
                          outstandingRequests::release);
                    }
                  });
      double perSecond = run.measureCompletions(warmup, measure);
      starter.join();
      String line =
          String.format(
              Locale.ROOT,
              "%-16s offered %d starts in %ds: %8.1f completed instances/s while overloaded; accepted %d, refused %d (RESOURCE_EXHAUSTED), failed otherwise %d",
              processId,
              offered.get(),
              warmup.plus(measure).toSeconds(),
              perSecond,
              run.accepted.get(),
              run.refused.get(),
              run.failed.get());
      System.out.println(line);
      report.add(line);
      run.drain(Duration.ofSeconds(60));
    }
  }

  // --- plumbing ----------------------------------------------------------------------------------

  private void deploy(String processId, int tasks) {
    AbstractFlowNodeBuilder<?, ?> builder =
        Bpmn.createExecutableProcess(processId).startEvent("StartEvent_Bench");
    for (int i = 1; i <= tasks; i++) {
      String type = i == tasks ? processId + "-last" : processId + "-step";
      builder = builder.serviceTask("Task_" + i, task -> task.zeebeJobType(type));
    }
    BpmnModelInstance model = builder.endEvent("EndEvent_Bench").done();
    client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
  }

  private static String ms(Histogram histogram, double percentile) {
    if (histogram.getTotalCount() == 0) {
      return "n/a";
    }
    return String.format(
        Locale.ROOT, "%.1f", histogram.getValueAtPercentile(percentile) / 1_000_000.0);
  }

  private static Map<String, String> parse(String[] args) {
    var options = new java.util.HashMap<String, String>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException(
            "arguments are --name=value (address, rest-address, protocol, warmup, duration, scenario, rate, stream, token-url, client-id, client-secret, audience): "
                + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return options;
  }

  /** One scenario's counters; latency histograms record only measured (post warm-up) work. */
  private final class Run {
    final ConcurrentHistogram activation = new ConcurrentHistogram(3);
    final ConcurrentHistogram duration = new ConcurrentHistogram(3);

    /** Pickup measured from the create acknowledgement (0 when the job arrived before it). */
    final ConcurrentHistogram afterAck = new ConcurrentHistogram(3);

    final java.util.concurrent.ConcurrentHashMap<Long, Long> ackedAt =
        new java.util.concurrent.ConcurrentHashMap<>();
    final java.util.Set<Long> pickedBeforeAck = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final AtomicLong started = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong completed = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    volatile boolean recording;
    Runnable onInstanceCompleted = () -> {};

    void start(String processId, Runnable onRejected) {
      start(processId, onRejected, () -> {});
    }

    /** Sends a create request; {@code onAnswered} runs when the gateway has answered. */
    void start(String processId, Runnable onRejected, Runnable onAnswered) {
      start(processId, onRejected, onAnswered, () -> {}, onRejected);
    }

    /**
     * {@code onRejected} runs on RESOURCE_EXHAUSTED; {@code onFailed} on any other error; {@code
     * onAccepted} when the instance was created.
     */
    void start(
        String processId,
        Runnable onRejected,
        Runnable onAnswered,
        Runnable onAccepted,
        Runnable onFailed) {
      started.incrementAndGet();
      client
          .newCreateInstanceCommand()
          .bpmnProcessId(processId)
          .latestVersion()
          .variables(Map.of("t0", System.nanoTime()))
          .send()
          .whenComplete(
              (created, error) -> {
                long answered = System.nanoTime();
                onAnswered.run();
                if (error == null) {
                  accepted.incrementAndGet();
                  onAccepted.run();
                  if (recording) {
                    long key = created.getProcessInstanceKey();
                    if (pickedBeforeAck.remove(key)) {
                      afterAck.recordValue(0);
                    } else {
                      ackedAt.put(key, answered);
                    }
                  }
                  return;
                }
                if (isResourceExhausted(error)) {
                  refused.incrementAndGet();
                  onRejected.run();
                } else {
                  failed.incrementAndGet();
                  onFailed.run();
                }
              });
    }

    Workers openWorkers(String processId, int tasks) {
      List<JobWorker> workers = new ArrayList<>();
      if (tasks > 1) {
        workers.add(worker(processId + "-step", false));
      }
      workers.add(worker(processId + "-last", true));
      return new Workers(workers);
    }

    /**
     * The client waits this long before polling again when a poll ended with no job in hand; it
     * also does so when a handler finished before the client had counted the jobs of the poll that
     * brought it, which with fast handlers happens often. Long polling already holds an empty
     * request open at the gateway, so a short interval costs nothing.
     */
    private final Duration pollInterval =
        Duration.ofMillis(Long.getLong("clearance.bench.poll-interval-ms", 100));

    private JobWorker worker(String type, boolean last) {
      return client
          .newWorker()
          .jobType(type)
          .handler((jobClient, job) -> handle(jobClient, job, last))
          .name("bench")
          .maxJobsActive(512)
          .timeout(Duration.ofMinutes(2))
          .pollInterval(pollInterval)
          .requestTimeout(Duration.ofSeconds(10))
          .fetchVariables("t0")
          .streamEnabled(stream)
          .open();
    }

    private void handle(JobClient jobClient, ActivatedJob job, boolean last) {
      long received = System.nanoTime();
      long t0 = ((Number) job.getVariablesAsMap().get("t0")).longValue();
      if (recording && job.getElementId().equals("Task_1")) {
        activation.recordValue(Math.max(0, received - t0));
        Long acked = ackedAt.remove(job.getProcessInstanceKey());
        if (acked != null) {
          afterAck.recordValue(Math.max(0, received - acked));
        } else {
          pickedBeforeAck.add(job.getProcessInstanceKey());
        }
      }
      jobClient
          .newCompleteCommand(job.getKey())
          .send()
          .whenComplete(
              (ok, error) -> {
                if (error != null || !last) {
                  if (error != null) {
                    failed.incrementAndGet();
                  }
                  return;
                }
                completed.incrementAndGet();
                if (recording) {
                  duration.recordValue(Math.max(0, System.nanoTime() - t0));
                }
                onInstanceCompleted.run();
              });
    }

    /** Waits out the warm-up, then counts completions over the measured window. */
    double measureCompletions(Duration warmup, Duration measure) throws InterruptedException {
      Thread.sleep(warmup.toMillis());
      activation.reset();
      duration.reset();
      afterAck.reset();
      recording = true;
      long before = completed.get();
      long from = System.nanoTime();
      Thread.sleep(measure.toMillis());
      long count = completed.get() - before;
      double seconds = (System.nanoTime() - from) / 1e9;
      recording = false;
      return count / seconds;
    }

    void drain(Duration max) throws InterruptedException {
      long deadline = System.nanoTime() + max.toNanos();
      while (completed.get() < accepted.get() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }
  }

  private record Workers(List<JobWorker> workers) implements AutoCloseable {
    @Override
    public void close() {
      workers.forEach(JobWorker::close);
    }
  }

  private static boolean isResourceExhausted(Throwable error) {
    Throwable cause = error;
    while (cause != null) {
      if (cause instanceof ClientStatusException status
          && status.getStatusCode() == Status.Code.RESOURCE_EXHAUSTED) {
        return true;
      }
      if (cause instanceof io.camunda.client.api.command.ProblemException problem
          && problem.code() == 503) {
        return true;
      }
      if (cause instanceof io.grpc.StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED) {
        return true;
      }
      cause = cause.getCause();
    }
    return false;
  }
}
