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
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.clearance.api.support.FakeCaseProcess;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class AuditChainTest {

  @Inject AgroalDataSource dataSource;

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

    // when / then
    as("audrey")
        .when()
        .get("/api/cases/" + id + "/audit")
        .then()
        .statusCode(200)
        .body("action", contains("CASE_CREATED", "CASE_UPDATED", "CASE_SUBMITTED"))
        .body("actor", everyItem(equalTo("alice")))
        .body("caseId", everyItem(equalTo(id)))
        .body("hash", everyItem(matchesPattern("[0-9a-f]{64}")))
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
  void shouldVerifyAnIntactChain() {
    draft("alice");

    as("max")
        .when()
        .get("/api/audit/verify")
        .then()
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("firstBrokenLink", nullValue());
  }

  @Test
  void shouldRefuseToChangeOrDeleteAnAuditEventInTheDatabase() throws SQLException {
    long position = firstEventPosition(draft("alice"));

    try (Connection connection = dataSource.getConnection()) {
      assertThatThrownBy(
              () ->
                  execute(
                      connection,
                      "update cases.audit_event set actor = ? where id = ?",
                      "mallory",
                      position))
          .hasMessageContaining("audit events are append-only");
      assertThatThrownBy(
              () ->
                  execute(connection, "delete from cases.audit_event where id = ?", null, position))
          .hasMessageContaining("audit events are append-only");
    }
  }

  @Test
  void shouldFindTheEventWhoseContentWasAlteredInTheDatabase() throws SQLException {
    // given
    String id = draft("alice");
    long position = firstEventPosition(id);
    String original = detailOf(position);

    try {
      // when
      tamper("update cases.audit_event set detail = ? where id = ?", "{\"forged\":true}", position);

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
      tamper("update cases.audit_event set detail = ? where id = ?", original, position);
    }
    as("adam").get("/api/audit/verify").then().body("valid", equalTo(true));
  }

  @Test
  void shouldFindAnEventThatWasDeleted() throws SQLException {
    // given
    String id = draft("alice");
    draft("alice");
    long position = firstEventPosition(id);
    Object[] row = eventRow(position);

    try {
      // when
      tamper("delete from cases.audit_event where id = ?", null, position);

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
    List<String> drafts = IntStream.range(0, 8).mapToObj(i -> draft("alice", "{}")).toList();
    String token = org.clearance.api.support.KeycloakTokens.accessToken("alice");
    String body = complete();

    // when
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> edits =
          drafts.stream()
              .<Callable<Integer>>map(
                  id ->
                      () ->
                          io.restassured.RestAssured.given()
                              .auth()
                              .oauth2(token)
                              .contentType(ContentType.JSON)
                              .body(body)
                              .put("/api/cases/" + id)
                              .statusCode())
              .toList();
      for (Future<Integer> result : pool.invokeAll(edits)) {
        assertThat(result.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }

    // then
    as("max").get("/api/audit/verify").then().body("valid", equalTo(true));
  }

  private long firstEventPosition(String caseId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select min(id) from cases.audit_event where case_id = ?::uuid")) {
      query.setString(1, caseId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private String detailOf(long position) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("select detail from cases.audit_event where id = ?")) {
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

  private static void execute(Connection connection, String sql, String text, long position)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      if (text != null) {
        statement.setString(index++, text);
      }
      statement.setLong(index, position);
      statement.executeUpdate();
    }
  }

  private static final String COLUMNS =
      "id, case_id, occurred_at, actor, action, detail, previous_hash, hash";

  private Object[] eventRow(long position) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select " + COLUMNS + " from cases.audit_event where id = ?")) {
      query.setLong(1, position);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        Object[] row = new Object[8];
        for (int i = 0; i < row.length; i++) {
          row[i] =
              i == 2 ? rows.getObject(3, java.time.OffsetDateTime.class) : rows.getObject(i + 1);
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
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < row.length; i++) {
        insert.setObject(i + 1, row[i]);
      }
      insert.executeUpdate();
    }
  }
}
