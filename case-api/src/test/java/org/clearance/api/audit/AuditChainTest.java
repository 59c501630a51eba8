package org.clearance.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.Applications.complete;
import static org.clearance.api.support.Applications.draft;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.clearance.api.audit.service.AuditService;
import org.clearance.api.support.Await;
import org.clearance.api.support.FakeCaseProcess;
import org.clearance.api.support.KeycloakTokens;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class AuditChainTest {

  private static final String FAKE_HASH = "f".repeat(64);

  @Inject AgroalDataSource dataSource;
  @Inject AuditService audit;

  FakeCaseProcess process;

  @BeforeEach
  void installProcess() {
    process = FakeCaseProcess.install();
  }

  @Test
  void shouldRecordWhoChangedACaseWhenAndHow() {
    // given
    String id = draft("alice", "{}");
    as("alice")
        .contentType(ContentType.JSON)
        .body(complete())
        .put("/api/cases/" + id)
        .then()
        .statusCode(200);
    as("alice").post("/api/cases/" + id + "/submit").then().statusCode(200);
    awaitSealed(id);

    // when / then
    as("audrey")
        .when()
        .get("/api/cases/" + id + "/audit")
        .then()
        .statusCode(200)
        .body("action", contains("CASE_CREATED", "CASE_UPDATED", "CASE_SUBMITTED"))
        .body("actor", everyItem(equalTo("alice")))
        .body("caseId", everyItem(equalTo(id)))
        .body("sealed", everyItem(equalTo(true)))
        .body("position", everyItem(notNullValue()))
        .body("hash", everyItem(matchesPattern("[0-9a-f]{64}")))
        .body("previousHash", everyItem(matchesPattern("[0-9a-f]{64}")))
        .body(
            "[1].detail.changed",
            contains("contact", "items", "parties", "destinations", "endUseStatement"))
        .body("[2].detail.from", equalTo("DRAFT"))
        .body("[2].detail.to", equalTo("SUBMITTED"));
  }

  @Test
  void shouldRecordDocumentsWithTheirChecksum() {
    String id = draft("alice");
    String sha256 =
        as("alice")
            .multiPart("file", "terms.txt", "terms".getBytes(), "text/plain")
            .post("/api/cases/" + id + "/documents")
            .then()
            .statusCode(201)
            .extract()
            .path("sha256");

    as("alice")
        .get("/api/cases/" + id + "/audit")
        .then()
        .body("action", contains("CASE_CREATED", "DOCUMENT_ADDED"))
        .body("[1].detail.filename", equalTo("terms.txt"))
        .body("[1].detail.sha256", equalTo(sha256));
  }

  @Test
  void shouldSealEventsSoonAfterCommitWithoutAnyoneVerifying() throws SQLException {
    // given
    String id = draft("alice");

    // when
    awaitSealed(id);

    // then: the event is linked to the one sealed before it
    long position = firstEventPosition(id);
    assertThat(position).isPositive();
    String previousHash = hashAt(position - 1);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select previous_hash from cases.audit_event where position = ?")) {
      query.setLong(1, position);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        assertThat(rows.getString(1)).isEqualTo(previousHash);
      }
    }
  }

  @Test
  void shouldWriteEventsWithoutWaitingForTheChainHeadAndShowThemUnsealedUntilSealed()
      throws Exception {
    String id;
    try (Connection otherSealer = dataSource.getConnection()) {
      // given: another replica's sealer holds the chain head
      otherSealer.setAutoCommit(false);
      lockHead(otherSealer);

      // when
      id = within10Seconds(() -> draft("alice"));

      // then
      as("alice")
          .get("/api/cases/" + id + "/audit")
          .then()
          .statusCode(200)
          .body("action", contains("CASE_CREATED"))
          .body("sealed", contains(false))
          .body("[0].position", nullValue())
          .body("[0].previousHash", nullValue())
          .body("[0].hash", nullValue())
          .body("[0].actor", equalTo("alice"));
      otherSealer.rollback();
    }
    awaitSealed(id);
    as("alice")
        .get("/api/cases/" + id + "/audit")
        .then()
        .body("[0].position", notNullValue())
        .body("[0].hash", matchesPattern("[0-9a-f]{64}"));
  }

  @Test
  void shouldChainAnEventCommittedLateAfterTheEventsCommittedBeforeIt() throws Exception {
    long lateId;
    String id;
    try (Connection late = dataSource.getConnection()) {
      // given: a transaction that wrote an event (taking an id) and has not committed yet
      late.setAutoCommit(false);
      lateId = insertUnsealedEvent(late, "LATE_EVENT");

      // when: a later event commits and is sealed first
      id = draft("alice");
      awaitSealed(id);
      late.commit();
    }
    long latePosition = awaitPositionOf(lateId);

    // then
    assertThat(lateId).isLessThan(firstEventId(id));
    assertThat(latePosition).isGreaterThan(firstEventPosition(id));
    as("max").get("/api/audit/verify").then().body("valid", equalTo(true));
  }

  @Test
  void shouldKeepNoEventOfARejectedChange() {
    String id = draft("alice", "{}");

    as("alice").post("/api/cases/" + id + "/submit").then().statusCode(400);
    process.unavailable();
    as("alice").contentType(ContentType.JSON).body(complete()).put("/api/cases/" + id);
    as("alice").post("/api/cases/" + id + "/submit").then().statusCode(503);

    as("alice")
        .get("/api/cases/" + id + "/audit")
        .then()
        .body("action", contains("CASE_CREATED", "CASE_UPDATED"));
  }

  @Test
  void shouldKeepNoEventOfARolledBackTransactionAndNoGapInTheChain() throws SQLException {
    // given
    String id = draft("alice");
    UUID caseId = UUID.fromString(id);

    // when
    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          audit.record(caseId, "alice", "ROLLED_BACK", Map.of());
                          throw new IllegalStateException("the change fails after its event");
                        }))
        .hasStackTraceContaining("the change fails after its event");
    draft("alice");

    // then
    assertThat(countEvents("select count(*) from cases.audit_event where action = 'ROLLED_BACK'"))
        .isZero();
    as("max")
        .get("/api/audit/verify")
        .then()
        .body("valid", equalTo(true))
        .body("unsealedEvents", equalTo(0));
  }

  @Test
  void shouldVerifyAnIntactChain() {
    draft("alice");

    as("max")
        .when()
        .get("/api/audit/verify")
        .then()
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("unsealedEvents", equalTo(0))
        .body("firstBrokenLink", nullValue());
  }

  @Test
  void shouldRefuseToChangeOrDeleteAnAuditEventInTheDatabase() throws SQLException {
    String id = draft("alice");
    awaitSealed(id);
    long eventId = firstEventId(id);

    try (Connection connection = dataSource.getConnection()) {
      assertThatThrownBy(
              () ->
                  execute(
                      connection,
                      "update cases.audit_event set actor = ? where id = ?",
                      "mallory",
                      eventId))
          .hasMessageContaining("audit events are append-only");
      assertThatThrownBy(
              () ->
                  execute(connection, "delete from cases.audit_event where id = ?", null, eventId))
          .hasMessageContaining("audit events are append-only");
      assertThatThrownBy(
              () -> {
                try (var statement = connection.createStatement()) {
                  statement.execute("truncate cases.audit_event");
                }
              })
          .hasMessageContaining("audit events are append-only");
    }
  }

  @Test
  void shouldRefuseToResealOrUnsealASealedEvent() throws SQLException {
    String id = draft("alice");
    awaitSealed(id);
    long eventId = firstEventId(id);

    try (Connection connection = dataSource.getConnection()) {
      assertThatThrownBy(
              () ->
                  execute(
                      connection,
                      "update cases.audit_event set position = h.last_position + 1,"
                          + " previous_hash = h.last_hash, hash = ? from cases.audit_chain_head h"
                          + " where audit_event.id = ?",
                      FAKE_HASH,
                      eventId))
          .hasMessageContaining("audit events are append-only");
      assertThatThrownBy(
              () ->
                  execute(
                      connection,
                      "update cases.audit_event set position = null, previous_hash = null,"
                          + " hash = null where id = ?",
                      null,
                      eventId))
          .hasMessageContaining("audit events are append-only");
    }
  }

  @Test
  void shouldOnlyLetAnUnsealedEventBeSealedWithItsContentUnchanged() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      // given: an unsealed event (no sealer can take the head while this test holds it)
      connection.setAutoCommit(false);
      long next = lockHead(connection) + 1;
      String id = within10Seconds(() -> draft("alice"));
      long eventId = firstEventId(id);
      String seal = "position = " + next + ", previous_hash = '" + FAKE_HASH + "', hash = ?";

      // when / then
      assertRefused(
          connection, "update cases.audit_event set detail = ? where id = ?", "{}", eventId);
      assertRefused(
          connection,
          "update cases.audit_event set " + seal + ", actor = 'mallory' where id = ?",
          FAKE_HASH,
          eventId);
      assertRefused(
          connection,
          "update cases.audit_event set " + seal + ", occurred_at = now() where id = ?",
          FAKE_HASH,
          eventId);
      assertRefused(
          connection, "update cases.audit_event set hash = ? where id = ?", FAKE_HASH, eventId);
      assertRefused(connection, "delete from cases.audit_event where id = ?", null, eventId);
      // Sealing alone passes the trigger (undone below: this test is no sealer).
      Savepoint sealing = connection.setSavepoint();
      assertThat(
              execute(
                  connection,
                  "update cases.audit_event set " + seal + " where id = ?",
                  FAKE_HASH,
                  eventId))
          .isEqualTo(1);
      connection.rollback(sealing);
      connection.rollback();
    }
    as("max").get("/api/audit/verify").then().body("valid", equalTo(true));
  }

  @Test
  void shouldFindTheEventWhoseContentWasAlteredInTheDatabase() throws SQLException {
    // given
    String id = draft("alice");
    awaitSealed(id);
    long position = firstEventPosition(id);
    String original = detailAt(position);

    try {
      // when
      tamper(
          "update cases.audit_event set detail = ? where position = ?",
          "{\"forged\":true}",
          position);

      // then
      as("adam")
          .get("/api/audit/verify")
          .then()
          .statusCode(200)
          .body("valid", equalTo(false))
          .body("firstBrokenLink.position", equalTo((int) position))
          .body("firstBrokenLink.caseId", equalTo(id))
          .body("firstBrokenLink.reason", containsString("altered"));
    } finally {
      tamper("update cases.audit_event set detail = ? where position = ?", original, position);
    }
    as("adam").get("/api/audit/verify").then().body("valid", equalTo(true));
  }

  @Test
  void shouldFindAnEventThatWasDeleted() throws SQLException {
    // given
    String id = draft("alice");
    draft("alice");
    awaitSealed(id);
    long position = firstEventPosition(id);
    Object[] row = eventRowAt(position);

    try {
      // when
      tamper("delete from cases.audit_event where position = ?", null, position);

      // then
      as("max")
          .get("/api/audit/verify")
          .then()
          .statusCode(200)
          .body("valid", equalTo(false))
          .body("firstBrokenLink.position", equalTo((int) position))
          .body("firstBrokenLink.reason", containsString("missing"));
    } finally {
      insertEventRow(row);
    }
    as("max").get("/api/audit/verify").then().body("valid", equalTo(true));
  }

  @Test
  void shouldKeepTheChainIntactUnderConcurrentWriters() throws Exception {
    // given
    int writers = 16;
    int editsEach = 3;
    List<String> drafts = IntStream.range(0, writers).mapToObj(i -> draft("alice", "{}")).toList();
    String token = KeycloakTokens.accessToken("alice");
    String body = complete();

    // when
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Callable<List<Integer>>> edits = new ArrayList<>();
      for (String id : drafts) {
        edits.add(
            () -> {
              List<Integer> statuses = new ArrayList<>();
              for (int i = 0; i < editsEach; i++) {
                statuses.add(
                    RestAssured.given()
                        .auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .put("/api/cases/" + id)
                        .statusCode());
              }
              return statuses;
            });
      }
      for (Future<List<Integer>> result : pool.invokeAll(edits)) {
        assertThat(result.get()).containsOnly(200);
      }
    } finally {
      pool.shutdown();
    }

    // then
    as("max")
        .get("/api/audit/verify")
        .then()
        .body("valid", equalTo(true))
        .body("unsealedEvents", equalTo(0));
    for (String id : drafts) {
      as("alice")
          .get("/api/cases/" + id + "/audit")
          .then()
          .body("action", contains("CASE_CREATED", "CASE_UPDATED", "CASE_UPDATED", "CASE_UPDATED"))
          .body("sealed", everyItem(equalTo(true)));
    }
    // One snapshot: every sealed event holds its own position, 1..n without gaps, n at the head.
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select count(*), count(distinct position), min(position), max(position),"
                    + " (select last_position from cases.audit_chain_head)"
                    + " from cases.audit_event where position is not null");
        ResultSet rows = query.executeQuery()) {
      rows.next();
      long sealed = rows.getLong(1);
      assertThat(rows.getLong(2)).isEqualTo(sealed);
      assertThat(rows.getLong(3)).isEqualTo(1);
      assertThat(rows.getLong(4)).isEqualTo(sealed);
      assertThat(rows.getLong(5)).isEqualTo(sealed);
    }
  }

  private void awaitSealed(String caseId) {
    Await.until(
        "the audit events of case " + caseId + " sealed",
        () -> as("alice").get("/api/cases/" + caseId + "/audit").<List<Boolean>>path("sealed"),
        flags -> !flags.isEmpty() && flags.stream().allMatch(Boolean.TRUE::equals));
  }

  private long awaitPositionOf(long eventId) {
    return Await.until(
        "audit event " + eventId + " sealed",
        () -> {
          try {
            return positionOf(eventId);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        },
        position -> position != null);
  }

  private static <T> T within10Seconds(Callable<T> action) throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      // A writer that waited for the chain head would time out here.
      return thread.submit(action).get(10, TimeUnit.SECONDS);
    } finally {
      thread.shutdownNow();
    }
  }

  /** Locks the chain head as a sealer does, and answers its last position. */
  private static long lockHead(Connection connection) throws SQLException {
    try (PreparedStatement lock =
            connection.prepareStatement(
                "select last_position from cases.audit_chain_head where id = 1 for update");
        ResultSet rows = lock.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static long insertUnsealedEvent(Connection connection, String action)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into cases.audit_event (occurred_at, actor, action, detail)"
                + " values (now(), 'test', ?, '{}') returning id")) {
      insert.setString(1, action);
      try (ResultSet rows = insert.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static void assertRefused(Connection connection, String sql, String text, long id)
      throws SQLException {
    Savepoint before = connection.setSavepoint();
    assertThatThrownBy(() -> execute(connection, sql, text, id))
        .hasMessageContaining("audit events are append-only");
    connection.rollback(before);
  }

  private long firstEventId(String caseId) throws SQLException {
    return queryLong("select min(id) from cases.audit_event where case_id = ?::uuid", caseId);
  }

  private long firstEventPosition(String caseId) throws SQLException {
    return queryLong(
        "select position from cases.audit_event where case_id = ?::uuid order by id limit 1",
        caseId);
  }

  private long queryLong(String sql, String caseId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, caseId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private Long positionOf(long eventId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("select position from cases.audit_event where id = ?")) {
      query.setLong(1, eventId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getObject(1, Long.class);
      }
    }
  }

  private long countEvents(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql);
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private String hashAt(long position) throws SQLException {
    if (position == 0) {
      return "0".repeat(64);
    }
    return textAt("hash", position);
  }

  private String detailAt(long position) throws SQLException {
    return textAt("detail", position);
  }

  private String textAt(String column, long position) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select " + column + " from cases.audit_event where position = ?")) {
      query.setLong(1, position);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  /** Changes audit rows as a database owner could: with the append-only trigger disabled. */
  private void tamper(String sql, String text, long position) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (var statement = connection.createStatement()) {
        statement.execute("alter table cases.audit_event disable trigger audit_event_append_only");
      }
      execute(connection, sql, text, position);
      try (var statement = connection.createStatement()) {
        statement.execute("alter table cases.audit_event enable trigger audit_event_append_only");
      }
      connection.commit();
    }
  }

  private static int execute(Connection connection, String sql, String text, long key)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      if (text != null) {
        statement.setString(index++, text);
      }
      statement.setLong(index, key);
      return statement.executeUpdate();
    }
  }

  private static final String COLUMNS =
      "id, case_id, occurred_at, actor, action, detail, position, previous_hash, hash";

  private Object[] eventRowAt(long position) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select " + COLUMNS + " from cases.audit_event where position = ?")) {
      query.setLong(1, position);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        Object[] row = new Object[9];
        for (int i = 0; i < row.length; i++) {
          row[i] = i == 2 ? rows.getObject(3, OffsetDateTime.class) : rows.getObject(i + 1);
        }
        return row;
      }
    }
  }

  private void insertEventRow(Object[] row) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into cases.audit_event ("
                    + COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < row.length; i++) {
        insert.setObject(i + 1, row[i]);
      }
      insert.executeUpdate();
    }
  }
}
