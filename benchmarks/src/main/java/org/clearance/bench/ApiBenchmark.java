package org.clearance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Load on case-api with real Keycloak tokens: seeds the cases schema to a given size with SQL, then
 * measures case detail, task inbox and dashboard latency under concurrent readers, and submissions
 * per second end to end (draft, submit, until screening is done).
 */
public final class ApiBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WATCH_INTERVAL_MS = 5;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  private final String api;
  private final String keycloak;
  private final Duration warmup;
  private final Duration measure;
  private final int concurrency;
  private final Duration submitWarmup;
  private final String dbUrl;
  private final String dbUser;
  private final String dbPassword;
  private final List<String> report = new ArrayList<>();

  private ApiBenchmark(Map<String, String> options) {
    this.api = options.getOrDefault("api", "http://localhost:8080");
    this.keycloak = options.getOrDefault("keycloak", "http://localhost:8180");
    this.warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
    this.measure = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "20")));
    this.concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
    // Submissions run through code paths of two services that the reads never touched. On two
    // saturated cores the JIT takes about 90 s of them before the rate is steady (the progress
    // lines show the climb).
    this.submitWarmup =
        Duration.ofSeconds(Long.parseLong(options.getOrDefault("submit-warmup", "90")));
    this.dbUrl = options.getOrDefault("db-url", "jdbc:postgresql://localhost:15432/clearance");
    this.dbUser = options.getOrDefault("db-user", "clearance");
    this.dbPassword = options.getOrDefault("db-password", "clearance");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException(
            "arguments are --name=value (api, keycloak, db-url, db-user, db-password, cases,"
                + " warmup, submit-warmup, duration, concurrency, only): "
                + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    ApiBenchmark bench = new ApiBenchmark(options);
    int cases = Integer.parseInt(options.getOrDefault("cases", "100000"));
    List<String> caseIds = seed(bench.dbUrl, bench.dbUser, bench.dbPassword, cases);
    System.out.printf(
        "case-api at %s; %d case ids sampled for detail reads; %d concurrent clients; %d cores%n",
        bench.api, caseIds.size(), bench.concurrency, Runtime.getRuntime().availableProcessors());

    Set<String> only =
        Set.of(options.getOrDefault("only", "detail,inbox,dashboard,submit").split(","));
    String auditor = bench.token("audrey");
    String manager = bench.token("max");
    String applicant = bench.token("alice");
    if (only.contains("detail")) {
      bench.reads(
          "case detail (auditor)",
          () -> "/api/cases/" + caseIds.get(ThreadLocalRandom.current().nextInt(caseIds.size())),
          auditor);
    }
    if (only.contains("inbox")) {
      bench.reads("task inbox (auditor)", () -> "/api/tasks?size=20", auditor);
    }
    if (only.contains("dashboard")) {
      bench.reads("dashboard (manager)", () -> "/api/dashboard/summary", manager);
    }
    if (only.contains("submit")) {
      bench.submissions(applicant);
    }
    System.out.println();
    System.out.println("== results ==");
    bench.report.forEach(System.out::println);
  }

  /**
   * Tops the cases schema up to {@code target} cases (see {@link BenchmarkSeed} for what it writes)
   * and samples up to 20,000 submitted case ids for the detail reads.
   */
  static List<String> seed(String url, String user, String password, int target) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement sql = connection.createStatement()) {
      BenchmarkSeed.topUp(connection, target);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs =
          sql.executeQuery(
              "SELECT id FROM cases.export_case WHERE status <> 'DRAFT' ORDER BY random() LIMIT"
                  + " 20000")) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  private String token(String username) throws Exception {
    String form =
        "grant_type=password&client_id=clearance-api&client_secret=clearance-api-dev-secret"
            + "&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password=demo";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/clearance/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("no token for " + username + ": " + response.body());
    }
    return JSON.readTree(response.body()).get("access_token").asText();
  }

  /** Concurrent GETs of one kind; latency of successful answers, errors counted apart. */
  private void reads(String name, Supplier<String> path, String token) throws Exception {
    HttpResponse<Void> probe = get(path.get(), token);
    if (probe.statusCode() != 200) {
      String line =
          String.format(
              Locale.ROOT, "%-24s not measured: the API answered %d", name, probe.statusCode());
      System.out.println(line);
      report.add(line);
      return;
    }
    ConcurrentHistogram latency = new ConcurrentHistogram(3);
    AtomicLong errors = new AtomicLong();
    long measureFrom = System.nanoTime() + warmup.toNanos();
    long end = measureFrom + measure.toNanos();
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      clients.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (System.nanoTime() < end) {
                      long start = System.nanoTime();
                      try {
                        HttpResponse<Void> response = get(path.get(), token);
                        if (response.statusCode() != 200) {
                          errors.incrementAndGet();
                          continue;
                        }
                      } catch (Exception e) {
                        errors.incrementAndGet();
                        continue;
                      }
                      if (start >= measureFrom) {
                        latency.recordValue(System.nanoTime() - start);
                      }
                    }
                  }));
    }
    for (Thread client : clients) {
      client.join();
    }
    String line =
        String.format(
            Locale.ROOT,
            "%-24s %8.1f req/s; p50 %s ms, p99 %s ms; errors %d",
            name,
            latency.getTotalCount() / (double) measure.toSeconds(),
            ms(latency, 50),
            ms(latency, 99),
            errors.get());
    System.out.println(line);
    report.add(line);
  }

  /**
   * Applicants draft and submit; a submission counts once screening is behind it. Each client has
   * one submission in flight at a time. Completion is watched by one thread that asks PostgreSQL
   * every few milliseconds which in-flight cases have left SUBMITTED/SCREENING, so watching puts no
   * load on the API under test (a GET per case per poll would cost the API more than screening).
   */
  private void submissions(String token) throws Exception {
    ConcurrentHistogram endToEnd = new ConcurrentHistogram(3);
    AtomicLong done = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long measureFrom = System.nanoTime() + submitWarmup.toNanos();
    long end = measureFrom + measure.toNanos();
    AtomicLong completed = new AtomicLong();
    Map<String, CompletableFuture<Long>> inFlight = new ConcurrentHashMap<>();
    long begun = System.nanoTime();
    Thread progress =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  // The rate per 10 s shows when the services have warmed up (JIT, plans).
                  long last = 0;
                  try {
                    while (true) {
                      Thread.sleep(10_000);
                      long now = completed.get();
                      System.out.printf(
                          Locale.ROOT,
                          "  submissions %3d s: %5.1f/s%s%n",
                          (System.nanoTime() - begun) / 1_000_000_000L,
                          (now - last) / 10.0,
                          System.nanoTime() < measureFrom ? " (warm-up)" : "");
                      last = now;
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    Thread watcher = Thread.ofPlatform().daemon().start(() -> watch(inFlight));
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      clients.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (System.nanoTime() < end) {
                      long start = System.nanoTime();
                      long finished;
                      try {
                        String id = submitOne(token);
                        if (id == null) {
                          errors.incrementAndGet();
                          continue;
                        }
                        CompletableFuture<Long> screened = new CompletableFuture<>();
                        inFlight.put(id, screened);
                        finished = screened.get(30, TimeUnit.SECONDS);
                      } catch (Exception e) {
                        errors.incrementAndGet();
                        continue;
                      }
                      completed.incrementAndGet();
                      if (start >= measureFrom && finished <= end) {
                        done.incrementAndGet();
                        endToEnd.recordValue(finished - start);
                      }
                    }
                  }));
    }
    // The tables submissions fill (jobs, tasks, audit events, status history) were empty when the
    // seed was analysed; until autovacuum's first round (a minute or two) the planner scans them
    // sequentially. A system that has run for a while has statistics, so the benchmark analyses
    // 15 s into the warm-up rather than measure the first minutes of a database.
    Thread.sleep(Math.min(15_000, Math.max(0, (measureFrom - System.nanoTime()) / 2_000_000)));
    analyse();
    for (Thread client : clients) {
      client.join();
    }
    watcher.interrupt();
    progress.interrupt();
    String line =
        String.format(
            Locale.ROOT,
            "%-24s %8.1f submissions/s through screening; end to end p50 %s ms, p99 %s ms; errors %d",
            "submit (applicant)",
            done.get() / (double) measure.toSeconds(),
            ms(endToEnd, 50),
            ms(endToEnd, 99),
            errors.get());
    System.out.println(line);
    report.add(line);
  }

  private void analyse() throws Exception {
    try (Connection connection = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
        Statement sql = connection.createStatement()) {
      long started = System.nanoTime();
      sql.execute("ANALYZE");
      System.out.printf(
          "analysed the database during the warm-up in %.1f s%n",
          (System.nanoTime() - started) / 1e9);
    }
  }

  /** Completes the future of every in-flight case that has left SUBMITTED and SCREENING. */
  private void watch(Map<String, CompletableFuture<Long>> inFlight) {
    try (Connection connection = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT id::text FROM cases.export_case WHERE id = ANY(?::uuid[])"
                    + " AND status NOT IN ('SUBMITTED', 'SCREENING')")) {
      while (!Thread.currentThread().isInterrupted()) {
        if (!inFlight.isEmpty()) {
          query.setArray(1, connection.createArrayOf("text", inFlight.keySet().toArray()));
          try (ResultSet rs = query.executeQuery()) {
            long now = System.nanoTime();
            while (rs.next()) {
              CompletableFuture<Long> screened = inFlight.remove(rs.getString(1));
              if (screened != null) {
                screened.complete(now);
              }
            }
          }
        }
        Thread.sleep(WATCH_INTERVAL_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      inFlight.values().forEach(screened -> screened.completeExceptionally(e));
      throw new IllegalStateException("the submission watcher failed", e);
    }
  }

  /** Drafts and submits one application; its id, or null if the API refused. */
  private String submitOne(String token) throws Exception {
    HttpResponse<Void> created =
        http.send(
            HttpRequest.newBuilder(URI.create(api + "/api/cases"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(APPLICATION))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    String location = created.headers().firstValue("Location").orElse(null);
    if (created.statusCode() != 201 || location == null) {
      return null;
    }
    String id = location.substring(location.lastIndexOf('/') + 1);
    HttpResponse<Void> submitted =
        http.send(
            HttpRequest.newBuilder(URI.create(api + "/api/cases/" + id + "/submit"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    return submitted.statusCode() == 200 ? id : null;
  }

  private HttpResponse<Void> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(api + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static String ms(Histogram histogram, double percentile) {
    if (histogram.getTotalCount() == 0) {
      return "n/a";
    }
    return String.format(
        Locale.ROOT, "%.1f", histogram.getValueAtPercentile(percentile) / 1_000_000.0);
  }

  private static final String APPLICATION =
      """
      {
        "contact": {"name": "Alice Adeyemi", "email": "alice@acme-ai.example.com", "phone": "+44 20 7946 0000"},
        "items": [{
          "kind": "AI_MODEL",
          "description": "Frontier model weights, 400B parameters",
          "eccn": "4E091",
          "quantity": 1,
          "unit": "model",
          "unitValue": 2500000.50,
          "currency": "USD",
          "aiModel": {
            "parameterCount": 400000000000,
            "trainingComputeOperations": 3.1E25,
            "weights": "CLOSED",
            "hostingControls": "Weights stay in an ISO 27001 enclave; no export of raw weights"
          }
        }],
        "parties": [
          {"role": "CONSIGNEE", "name": "Kumo Research KK", "address": "1-1 Marunouchi, Tokyo", "country": "JP"},
          {"role": "END_USER", "name": "Kumo Research KK", "address": "1-1 Marunouchi, Tokyo", "country": "JP"}
        ],
        "destinations": ["JP"],
        "endUseStatement": "Fine-tuning for Japanese medical triage; no military end use."
      }
      """;
}
