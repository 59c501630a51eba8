package org.clearance.engine.db;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands out 64-bit keys from engine.key_sequence. The sequence increments by {@link #BLOCK}, so one
 * nextval() reserves a block of keys for this replica. The block is reserved on the caller's
 * connection (nextval is not transactional), so no second pooled connection is needed.
 */
@ApplicationScoped
public class KeyGenerator {

  static final int BLOCK = 100;

  private long next;
  private long limit;

  public synchronized long nextKey(Connection connection) {
    if (next >= limit) {
      reserveBlock(connection);
    }
    return next++;
  }

  private void reserveBlock(Connection connection) {
    try (var statement = connection.createStatement();
        var rs = statement.executeQuery("SELECT nextval('engine.key_sequence')")) {
      rs.next();
      next = rs.getLong(1);
      limit = next + BLOCK;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reserve keys: " + e.getMessage(), e);
    }
  }
}
