package org.clearance.api.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearance.api.support.Applications;
import org.clearance.api.support.KeycloakTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged case-api replicas on one PostgreSQL and one packaged workflow engine, with the test
 * Keycloak: 200 submissions of the demo applicants spread over both, one replica killed with
 * SIGKILL in the middle of the run and started again. What the API acknowledged must have happened
 * exactly once, and nothing may be left behind in a state the process has left.
 */
class ReplicasKillIT {

  /** 200 by default; {@code -Dclearance.it.submissions=N} for a shorter run on a loaded machine. */
  private static final int SUBMISSIONS = Integer.getInteger("clearance.it.submissions", 200);

  private static final int KILL_AFTER = SUBMISSIONS * 35 / 100;
  private static final int RESTART_AFTER = SUBMISSIONS * 55 / 100;
  private static final String[] APPLICANTS = {"alice", "bob"};

  private static final String DB_URL =
      System.getenv()
          .getOrDefault("CLEARANCE_DB_URL", "jdbc:postgresql://localhost:15432/clearance");
  private static final String DB_USER =
      System.getenv().getOrDefault("CLEARANCE_DB_USER", "clearance");
  private static final String DB_PASSWORD =
      System.getenv().getOrDefault("CLEARANCE_DB_PASSWORD", "clearance");

  private static ChildJvm engine;
  private static final ChildJvm[] replicas = new ChildJvm[2];
  private static final int[] ports = new int[2];
  private static final boolean[] up = new boolean[2];

  @BeforeAll
  static void startPlatform() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    int engineGrpc = ChildJvm.freePort();
    int engineHttp = ChildJvm.freePort();
    engine =
        new ChildJvm(
            "workflow-engine",
            root.resolve("workflow-engine/target/quarkus-app/quarkus-run.jar"),
            engineHttp,
            List.of("quarkus.log.file.enable=false"),
            Map.of(
                "CLEARANCE_ENGINE_GRPC_PORT", String.valueOf(engineGrpc),
                "CLEARANCE_ENGINE_HTTP_PORT", String.valueOf(engineHttp)));
    engine.start("quarkus.flyway.clean-at-start=true", "quarkus.flyway.clean-disabled=false");
    for (int i = 0; i < 2; i++) {
      ports[i] = ChildJvm.freePort();
      replicas[i] =
          new ChildJvm(
              "case-api-" + (char) ('a' + i),
              root.resolve("case-api/target/quarkus-app/quarkus-run.jar"),
              ports[i],
              List.of("quarkus.log.file.enable=false"),
              Map.of(
                  "CLEARANCE_HTTP_PORT",
                  String.valueOf(ports[i]),
                  "CLEARANCE_ENGINE_GRPC_ADDRESS",
                  "http://localhost:" + engineGrpc));
      if (i == 0) {
        // The surefire tests left their data in the shared test database.
        replicas[i].start(
            "quarkus.flyway.clean-at-start=true", "quarkus.flyway.clean-disabled=false");
      } else {
        replicas[i].start();
      }
      up[i] = true;
    }
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    for (ChildJvm replica : replicas) {
      if (replica != null) {
        replica.close();
      }
    }
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void acknowledgedSubmissionsHappenOnceAcrossAKilledReplica() throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Set<String> drafted = ConcurrentHashMap.newKeySet();
    AtomicInteger refused = new AtomicInteger();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int n = 0; n < SUBMISSIONS; n++) {
        int i = n;
        futures.add(
            pool.submit(
                () -> {
                  submitOne(i, drafted, acknowledged, refused);
                  return null;
                }));
      }
      // SIGKILL replica a while submissions are in flight, and start it again later.
      awaitCount(acknowledged, KILL_AFTER);
      up[0] = false;
      replicas[0].kill();
      long killedAt = System.nanoTime();
      awaitCount(acknowledged, RESTART_AFTER);
      replicas[0].start();
      up[0] = true;
      System.out.printf(
          "ReplicasKillIT: replica a down %.1f s (restart included)%n",
          (System.nanoTime() - killedAt) / 1e9);
      for (Future<?> future : futures) {
        future.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    double submitSeconds = (System.nanoTime() - t0) / 1e9;

    // every submission was either acknowledged or, cut off by the kill, found submitted on retry
    assertThat(acknowledged.size() + CUT_OFF.size()).isEqualTo(SUBMISSIONS);
    assertThat(refused.get()).as("requests that met the killed replica").isPositive();
    Set<String> submitted = new java.util.HashSet<>(acknowledged);
    submitted.addAll(CUT_OFF);
    // Every case that got past DRAFT (acknowledged or not) leaves SUBMITTED and SCREENING.
    awaitQuiet(drafted);
    System.out.printf(
        "ReplicasKillIT: %d submissions acknowledged, %d cut off and found submitted on retry,"
            + " %d requests refused by the killed replica, in %.1f s; settled after %.1f s%n",
        acknowledged.size(),
        CUT_OFF.size(),
        refused.get(),
        submitSeconds,
        (System.nanoTime() - t0) / 1e9);

    try (Connection db = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD)) {
      for (String id : submitted) {
        // the status history: submitted once, screened once
        assertThat(
                count(
                    db,
                    "SELECT count(*) FROM cases.case_status_history WHERE case_id = ?::uuid AND status = 'SUBMITTED'",
                    id))
            .as("SUBMITTED entries of %s", id)
            .isEqualTo(1);
        assertThat(
                count(
                    db,
                    "SELECT count(*) FROM cases.case_status_history WHERE case_id = ?::uuid AND status = 'SCREENING'",
                    id))
            .as("SCREENING entries of %s", id)
            .isEqualTo(1);
        // one process instance per case
        assertThat(
                count(
                    db,
                    "SELECT count(*) FROM cases.export_case WHERE id = ?::uuid AND process_instance_key IS NOT NULL",
                    id))
            .as("process instance of %s", id)
            .isEqualTo(1);
      }
      // one task per user-task job (review_task.job_key is unique; no task was completed, so a
      // second task of one type would be a job handed out twice), no case waits without its task
      assertThat(
              count(
                  db,
                  "SELECT count(*) FROM (SELECT case_id, task_type FROM cases.review_task GROUP BY case_id, task_type HAVING count(*) > 1) d"))
          .as("cases with two tasks of one type (no task was completed)")
          .isZero();
      assertThat(
              count(
                  db,
                  "SELECT count(*) FROM cases.export_case c WHERE c.status IN ('UNDER_REVIEW', 'AWAITING_APPROVAL', 'COUNTERSIGN') AND (SELECT count(*) FROM cases.review_task t WHERE t.case_id = c.id AND t.status = 'OPEN') = 0"))
          .as("cases in review or approval without an open task")
          .isZero();
      assertThat(
              count(
                  db,
                  "SELECT count(*) FROM cases.export_case WHERE status IN ('SUBMITTED', 'SCREENING')"))
          .as("cases left in a state the process has left")
          .isZero();
      assertThat(count(db, "SELECT count(*) FROM cases.review_task WHERE status = 'OPEN'"))
          .as("open tasks")
          .isGreaterThanOrEqualTo(1);
      // no notification twice
      assertThat(
              count(
                  db,
                  "SELECT count(*) FROM (SELECT 1 FROM cases.notification GROUP BY type, case_id, recipient_kind, recipient, subject HAVING count(*) > 1) d"))
          .as("notifications sent twice")
          .isZero();
    }

    // the API agrees, on both replicas
    for (String id : submitted) {
      String status =
          given()
              .baseUri("http://localhost:" + ports[id.hashCode() & 1])
              .auth()
              .oauth2(KeycloakTokens.accessToken(ownerOf(id)))
              .when()
              .get("/api/cases/" + id)
              .then()
              .statusCode(200)
              .extract()
              .path("status");
      assertThat(status).isNotIn("DRAFT", "SUBMITTED", "SCREENING");
    }
    // the audit chain verifies
    for (int port : ports) {
      given()
          .baseUri("http://localhost:" + port)
          .auth()
          .oauth2(KeycloakTokens.accessToken("max"))
          .when()
          .get("/api/audit/verify")
          .then()
          .statusCode(200)
          .body("valid", org.hamcrest.Matchers.is(true))
          .body("firstBrokenLink", org.hamcrest.Matchers.nullValue());
    }
  }

  private static final Map<String, String> OWNERS = new ConcurrentHashMap<>();
  private static final Set<String> CUT_OFF = ConcurrentHashMap.newKeySet();

  private static String ownerOf(String id) {
    return OWNERS.get(id);
  }

  /**
   * Drafts and submits one application through the replica of its turn; while that replica is down
   * (connection refused or cut), the client goes to the other one, as a load balancer would.
   */
  private static void submitOne(
      int n, Set<String> drafted, Set<String> acknowledged, AtomicInteger refused) {
    String applicant = APPLICANTS[n % 2];
    int replica = (n / 2) % 2;
    String id = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      int target = up[replica] ? replica : 1 - replica;
      try {
        if (id == null) {
          id =
              given()
                  .baseUri("http://localhost:" + ports[target])
                  .auth()
                  .oauth2(KeycloakTokens.accessToken(applicant))
                  .contentType(ContentType.JSON)
                  .body(Applications.complete())
                  .when()
                  .post("/api/cases")
                  .then()
                  .statusCode(201)
                  .extract()
                  .path("id");
          OWNERS.put(id, applicant);
          drafted.add(id);
        }
        int status =
            given()
                .baseUri("http://localhost:" + ports[target])
                .auth()
                .oauth2(KeycloakTokens.accessToken(applicant))
                .when()
                .post("/api/cases/" + id + "/submit")
                .then()
                .extract()
                .statusCode();
        if (status == 200) {
          acknowledged.add(id);
          return;
        }
        if (status == 409 && attempt > 0) {
          // a submit cut off by the kill had committed: the case is submitted, unacknowledged
          CUT_OFF.add(id);
          return;
        }
        throw new AssertionError("submit of " + id + " answered " + status);
      } catch (Exception e) {
        if (!isConnectionFailure(e)) {
          throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        refused.incrementAndGet();
        replica = 1 - target;
        sleep(100);
      }
    }
    throw new AssertionError("submission " + n + " found no replica");
  }

  private static boolean isConnectionFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException
          || cause instanceof java.net.SocketException
          || cause instanceof org.apache.http.NoHttpResponseException) {
        return true;
      }
    }
    return false;
  }

  private static void awaitCount(Set<String> set, int n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 180_000;
    while (set.size() < n) {
      assertThat(System.currentTimeMillis()).as("%d acknowledged", n).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static void awaitQuiet(Set<String> drafted) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000;
    try (Connection db = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD)) {
      while (count(
                  db,
                  "SELECT count(*) FROM cases.export_case WHERE status IN ('SUBMITTED', 'SCREENING')")
              > 0
          || count(
                  db,
                  "SELECT count(*) FROM cases.export_case c WHERE c.status = 'UNDER_REVIEW' AND NOT EXISTS (SELECT 1 FROM cases.review_task t WHERE t.case_id = c.id AND t.status = 'OPEN')")
              > 0) {
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError(
              "cases still waiting after 180 s: "
                  + count(
                      db,
                      "SELECT count(*) FROM cases.export_case WHERE status IN ('SUBMITTED', 'SCREENING')"));
        }
        Thread.sleep(250);
      }
    }
  }

  private static long count(Connection db, String sql, Object... parameters) throws SQLException {
    try (var statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
