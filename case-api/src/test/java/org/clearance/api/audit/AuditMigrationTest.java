package org.clearance.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import org.clearance.api.audit.domain.AuditEvent;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;

/**
 * V40 on a chain written under the previous scheme (writers chaining with position = id): the audit
 * migrations are run into a scratch schema inside one transaction that is rolled back, with events
 * written between V5 and V40.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class AuditMigrationTest {

  private static final String SCHEMA = "audit_migration_check";
  private static final String GENESIS = "0".repeat(64);
  private static final Instant START = Instant.parse("2026-01-05T10:15:30.123456Z");

  @Inject AgroalDataSource dataSource;

  @Test
  void shouldKeepEventsChainedBeforeTheMigrationVerifiableAndSealNewOnesAfterThem()
      throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        // given: the audit tables as V3 and V5 made them, three events chained by their writers
        execute(connection, "create schema " + SCHEMA);
        migrate(connection, "V3__create_audit_chain.sql");
        migrate(connection, "V5__forbid_audit_event_changes.sql");
        String last = GENESIS;
        for (long id = 1; id <= 3; id++) {
          last = insertChainedTheOldWay(connection, id, last);
        }
        execute(
            connection,
            "update "
                + SCHEMA
                + ".audit_chain_head set last_position = 3, last_hash = '"
                + last
                + "'");

        // when
        migrate(connection, "V40__seal_audit_events_asynchronously.sql");

        // then: each old event has position = id and its hash still holds, linked as before
        String previous = GENESIS;
        long count = 0;
        try (Statement query = connection.createStatement();
            ResultSet rows =
                query.executeQuery(
                    "select id, position, case_id, occurred_at, actor, action, detail,"
                        + " previous_hash, hash from "
                        + SCHEMA
                        + ".audit_event order by position")) {
          while (rows.next()) {
            count++;
            assertThat(rows.getLong("position")).isEqualTo(rows.getLong("id")).isEqualTo(count);
            assertThat(rows.getString("previous_hash")).isEqualTo(previous);
            AuditEvent event =
                new AuditEvent(
                    rows.getObject("case_id", UUID.class),
                    rows.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    rows.getString("actor"),
                    rows.getString("action"),
                    rows.getString("detail"));
            event.seal(rows.getLong("position"), rows.getString("previous_hash"));
            assertThat(event.hash()).isEqualTo(rows.getString("hash"));
            previous = event.hash();
          }
        }
        assertThat(count).isEqualTo(3);
        assertThat(previous).isEqualTo(last);

        // and: a new event takes the next id, unsealed, and is sealed after the old ones
        long id;
        try (Statement insert = connection.createStatement();
            ResultSet rows =
                insert.executeQuery(
                    "insert into "
                        + SCHEMA
                        + ".audit_event (occurred_at, actor, action, detail)"
                        + " values (now(), 'alice', 'CASE_CREATED', '{}') returning id, hash")) {
          rows.next();
          id = rows.getLong("id");
          assertThat(rows.getString("hash")).isNull();
        }
        assertThat(id).isEqualTo(4);
        try (PreparedStatement seal =
            connection.prepareStatement(
                "update "
                    + SCHEMA
                    + ".audit_event set position = 4, previous_hash = ?, hash = ? where id = 4")) {
          seal.setString(1, last);
          seal.setString(2, "a".repeat(64));
          assertThat(seal.executeUpdate()).isEqualTo(1);
        }
        assertThatThrownBy(
                () ->
                    execute(
                        connection,
                        "insert into "
                            + SCHEMA
                            + ".audit_event (occurred_at, actor, action, detail, hash)"
                            + " values (now(), 'mallory', 'FORGED', '{}', '"
                            + "b".repeat(64)
                            + "')"))
            .hasMessageContaining("audit_event_sealed_whole");
      } finally {
        connection.rollback();
      }
    }
  }

  /** What AuditService.record did before V40: position = id, hashed with the previous hash. */
  private static String insertChainedTheOldWay(Connection connection, long id, String previous)
      throws Exception {
    UUID caseId = UUID.randomUUID();
    Instant occurredAt = START.plusSeconds(id);
    String detail = "{\"reference\":\"EL-2026-00000" + id + "\"}";
    String hash =
        sha256(
            field(Long.toString(id))
                + field(caseId.toString())
                + field(occurredAt.toString())
                + field("alice")
                + field("CASE_CREATED")
                + field(detail)
                + field(previous));
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into "
                + SCHEMA
                + ".audit_event (id, case_id, occurred_at, actor, action, detail, previous_hash,"
                + " hash) values (?, ?, ?, 'alice', 'CASE_CREATED', ?, ?, ?)")) {
      insert.setLong(1, id);
      insert.setObject(2, caseId);
      insert.setObject(3, occurredAt.atOffset(ZoneOffset.UTC));
      insert.setString(4, detail);
      insert.setString(5, previous);
      insert.setString(6, hash);
      insert.executeUpdate();
    }
    return hash;
  }

  private static String field(String value) {
    return value.length() + ":" + value + ";";
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Runs a migration of the cases schema into the scratch schema. */
  private static void migrate(Connection connection, String migration)
      throws SQLException, IOException {
    String sql;
    try (InputStream in =
        AuditMigrationTest.class.getResourceAsStream("/db/migration/" + migration)) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    execute(connection, sql.replace("cases.", SCHEMA + "."));
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
