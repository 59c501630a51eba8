package org.clearance.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an embedded PostgreSQL for ./clearance until the process is told to stop.
 *
 * <p>Arguments: data directory, port, comma-separated database names, role name, role password. The
 * data directory is kept across runs, so a second start reuses the data. When the server accepts
 * connections and the databases exist, the line {@code READY} is written to {@code <data
 * directory>.ready} so the launcher can wait for it.
 */
public final class EmbeddedPostgresRunner {

  private EmbeddedPostgresRunner() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println(
          "usage: EmbeddedPostgresRunner <data-dir> <port> <db1,db2,...> <role> <password>");
      System.exit(2);
    }
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    List<String> databases = List.of(args[2].split(","));
    String role = args[3];
    String password = args[4];
    Path readyFile = Path.of(dataDir + ".ready");
    Files.deleteIfExists(readyFile);
    Files.createDirectories(dataDir.getParent());

    // The embedded defaults turn fsync off (they are meant for throw-away test databases); the
    // platform's data must survive a crash, so durability is on unless a test run asks otherwise.
    String durable =
        Boolean.parseBoolean(System.getProperty("clearance.pg.durable", "true")) ? "on" : "off";
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", durable)
            .setServerConfig("synchronous_commit", durable)
            .setServerConfig("full_page_writes", durable)
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setServerConfig("max_connections", "200")
            .setServerConfig("listen_addresses", "localhost")
            .setPGStartupWait(java.time.Duration.ofSeconds(60))
            .start();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Files.deleteIfExists(readyFile);
                    postgres.close();
                  } catch (IOException e) {
                    System.err.println("stopping PostgreSQL failed: " + e.getMessage());
                  } finally {
                    stopped.countDown();
                  }
                },
                "postgres-stop"));

    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      ensureRole(connection, role, password);
      for (String database : databases) {
        ensureDatabase(connection, database, role);
      }
    }
    Files.writeString(readyFile, "READY\n");
    System.out.println(
        "PostgreSQL ready on localhost:"
            + port
            + " (data "
            + dataDir
            + ", databases "
            + databases
            + ")");
    stopped.await();
  }

  private static void ensureRole(Connection connection, String role, String password)
      throws SQLException {
    requireIdentifier(role);
    try (var statement = connection.createStatement()) {
      boolean exists;
      try (ResultSet rs =
          statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
        exists = rs.next();
      }
      String verb = exists ? "ALTER" : "CREATE";
      statement.execute(
          verb + " ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
    }
  }

  private static void ensureDatabase(Connection connection, String database, String owner)
      throws SQLException {
    requireIdentifier(database);
    try (var statement = connection.createStatement()) {
      try (ResultSet rs =
          statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
        if (rs.next()) {
          return;
        }
      }
      statement.execute("CREATE DATABASE " + database + " OWNER " + owner);
    }
  }

  private static void requireIdentifier(String name) {
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain SQL identifier: " + name);
    }
  }
}
