package org.clearance.engine.record;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.clearance.engine.db.Db;
import org.clearance.engine.db.Json;

/** Reads the record log by position, for audit and analytics readers. */
@Path("/records")
@Produces(MediaType.APPLICATION_JSON)
public class RecordResource {

  public record RecordResponse(
      long position,
      long key,
      String valueType,
      String intent,
      Long processInstanceKey,
      OffsetDateTime timestamp,
      JsonNode value) {}

  private final Db db;

  RecordResource(Db db) {
    this.db = db;
  }

  /**
   * Records after position {@code from}, oldest first. Positions are assigned when a command's
   * records are inserted, just before its commit; two commands committing at the same moment may
   * become visible slightly out of position order, so a reader that must not miss a record should
   * re-read a short window behind its last position. With {@code processInstanceKey}, only that
   * instance's records (a scan of the log: for tests and diagnosis, not for following the log).
   */
  @GET
  public List<RecordResponse> records(
      @QueryParam("from") @DefaultValue("0") long from,
      @QueryParam("limit") @DefaultValue("100") int limit,
      @QueryParam("processInstanceKey") Long processInstanceKey) {
    if (limit < 1 || limit > 10_000) {
      throw new BadRequestException("limit must be between 1 and 10000");
    }
    return db.inTransaction(
        connection -> {
          try (var statement =
              connection.prepareStatement(
                  "SELECT position, key, value_type, intent, process_instance_key, \"timestamp\", value"
                      + " FROM engine.record WHERE position > ?"
                      + (processInstanceKey == null ? "" : " AND process_instance_key = ?")
                      + " ORDER BY position LIMIT ?")) {
            int index = 1;
            statement.setLong(index++, from);
            if (processInstanceKey != null) {
              statement.setLong(index++, processInstanceKey);
            }
            statement.setInt(index, limit);
            var result = new ArrayList<RecordResponse>();
            try (var rs = statement.executeQuery()) {
              while (rs.next()) {
                long instanceKey = rs.getLong(5);
                result.add(
                    new RecordResponse(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.wasNull() ? null : instanceKey,
                        rs.getObject(6, OffsetDateTime.class),
                        read(rs.getString(7))));
              }
            }
            return result;
          }
        });
  }

  private static JsonNode read(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
