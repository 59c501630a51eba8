package org.clearance.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;

/**
 * V42 on the two user caches as V11 (staff_member) and V21 (directory_user) made them, in a scratch
 * schema inside one transaction that is rolled back.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class UserDirectoryMigrationTest {

  private static final String SCHEMA = "user_directory_migration_check";

  @Inject AgroalDataSource dataSource;

  @Test
  void shouldKeepEveryStaffMemberInTheDirectoryAndDropTheirTable() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        // given: leo only in staff_member, audrey in both (the directory's entry is newer)
        execute(connection, "create schema " + SCHEMA);
        execute(
            connection,
            "create table "
                + SCHEMA
                + ".staff_member (username varchar(100) primary key,"
                + " roles varchar(300) not null, last_seen_at timestamptz not null)");
        execute(
            connection,
            "create table "
                + SCHEMA
                + ".directory_user (username varchar(100) primary key,"
                + " display_name varchar(200), email varchar(320), organisation varchar(100),"
                + " roles text[] not null, last_seen_at timestamptz not null)");
        execute(
            connection,
            "insert into "
                + SCHEMA
                + ".staff_member values ('leo', 'legal,offline_access,approver',"
                + " '2026-03-01T09:00:00Z'), ('audrey', 'auditor', '2026-03-01T09:00:00Z')");
        execute(
            connection,
            "insert into "
                + SCHEMA
                + ".directory_user values ('audrey', 'Audrey Auditor', 'audrey@example.com',"
                + " null, '{auditor,approver}', '2026-03-02T09:00:00Z')");

        // when
        migrate(connection, "V42__merge_staff_members_into_user_directory.sql");

        // then
        assertThat(directory(connection))
            .containsExactly(
                Map.entry("audrey", "{approver,auditor}|Audrey Auditor"),
                Map.entry("leo", "{approver,legal}|null"));
        assertThatThrownBy(() -> execute(connection, "select 1 from " + SCHEMA + ".staff_member"))
            .hasMessageContaining("does not exist");
      } finally {
        connection.rollback();
      }
    }
  }

  private static Map<String, String> directory(Connection connection) throws SQLException {
    Map<String, String> rows = new LinkedHashMap<>();
    try (Statement query = connection.createStatement();
        ResultSet result =
            query.executeQuery(
                "select username, array(select unnest(roles) order by 1)::text, display_name from "
                    + SCHEMA
                    + ".directory_user order by username")) {
      while (result.next()) {
        rows.put(result.getString(1), result.getString(2) + "|" + result.getString(3));
      }
    }
    return rows;
  }

  private static void migrate(Connection connection, String migration)
      throws SQLException, IOException {
    String sql;
    try (InputStream in =
        UserDirectoryMigrationTest.class.getResourceAsStream("/db/migration/" + migration)) {
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
