package org.clearance.engine.db;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** Runs work in one PostgreSQL transaction, retrying on deadlocks and serialization failures. */
@ApplicationScoped
public class Db {

  private static final Logger LOG = Logger.getLogger(Db.class);
  private static final int ATTEMPTS = 3;

  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  Db(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public <T> T inTransaction(Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try {
          T result = work.run(connection);
          connection.commit();
          return result;
        } catch (RuntimeException | SQLException e) {
          rollbackQuietly(connection);
          throw e;
        }
      } catch (SQLException e) {
        if (isTransient(e) && attempt < ATTEMPTS) {
          LOG.debugf("Retrying transaction after %s", e.getSQLState());
          continue;
        }
        throw new IllegalStateException("Database failure: " + e.getMessage(), e);
      }
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  private static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state);
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is discarded by the pool if it is broken
    }
  }
}
