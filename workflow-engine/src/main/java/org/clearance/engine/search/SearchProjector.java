package org.clearance.engine.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.clearance.engine.config.EngineConfig;
import org.clearance.engine.db.Db;
import org.clearance.engine.db.Json;
import org.jboss.logging.Logger;

/**
 * Copies committed records into the read tables behind the REST searches and statistics ({@code
 * engine.search_*}), off the command path: commands write their records as before and this
 * projector follows the log on its own thread.
 *
 * <p>It reads by transaction id, not by position: positions are taken before commit, so a later
 * position can become visible before an earlier one, but every transaction whose id is below the
 * oldest still-running one ({@code pg_snapshot_xmin}) has finished, so the records of the txid
 * range {@code [next_txid, xmin)} are complete and final. One replica projects at a time (an
 * advisory transaction lock); the others skip the round.
 */
@ApplicationScoped
public class SearchProjector {

  private static final Logger LOG = Logger.getLogger(SearchProjector.class);
  private static final long LOCK = 0x5EA4C4L;

  /** At most this many transactions per round, so a backlog is worked off in bounded steps. */
  private static final long TXIDS_PER_ROUND = 20_000;

  private final Db db;
  private final long interval;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("engine-search-projector").factory());

  SearchProjector(Db db, EngineConfig config) {
    this.db = db;
    this.interval = config.searchProjectionInterval();
  }

  void start(@Observes StartupEvent event) {
    if (interval > 0) {
      thread.scheduleWithFixedDelay(this::runSafely, interval, interval, TimeUnit.MILLISECONDS);
    }
  }

  void stop(@Observes ShutdownEvent event) {
    thread.shutdownNow();
  }

  private void runSafely() {
    try {
      while (projectOnce() == TXIDS_PER_ROUND) {
        // a backlog: keep going
      }
    } catch (RuntimeException e) {
      LOG.warnf("Search projection failed, retrying next round: %s", e.getMessage());
    }
  }

  /**
   * Projects the records of finished transactions not projected yet.
   *
   * @return how many transaction ids the round covered
   */
  long projectOnce() {
    return db.inTransaction(
        connection -> {
          try (var lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            try (var rs = lock.executeQuery()) {
              rs.next();
              if (!rs.getBoolean(1)) {
                return 0L;
              }
            }
          }
          long next;
          long horizon;
          try (var statement =
                  connection.prepareStatement(
                      "SELECT next_txid::text::bigint,"
                          + " pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
                          + " FROM engine.search_projection WHERE id = 1 FOR UPDATE");
              var rs = statement.executeQuery()) {
            rs.next();
            next = rs.getLong(1);
            horizon = rs.getLong(2);
          }
          long upTo = Math.min(horizon, next + TXIDS_PER_ROUND);
          if (upTo <= next) {
            return 0L;
          }
          int projected = project(connection, next, upTo);
          try (var statement =
              connection.prepareStatement(
                  "UPDATE engine.search_projection SET next_txid = ?::text::xid8, updated_at = now()"
                      + " WHERE id = 1")) {
            statement.setLong(1, upTo);
            statement.executeUpdate();
          }
          if (projected > 0) {
            LOG.tracef("Projected %d records of txids [%d, %d)", projected, next, upTo);
          }
          return upTo - next;
        });
  }

  private int project(Connection connection, long from, long upTo) throws SQLException {
    var batch = new Batch(connection);
    int count = 0;
    try (var statement =
        connection.prepareStatement(
            "SELECT key, value_type, intent, value::text, \"timestamp\" FROM engine.record"
                + " WHERE txid::text::bigint >= ? AND txid::text::bigint < ?"
                + " AND value_type IN ('PROCESS_INSTANCE', 'VARIABLE', 'INCIDENT')"
                + " ORDER BY position")) {
      statement.setLong(1, from);
      statement.setLong(2, upTo);
      statement.setFetchSize(2000);
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          batch.apply(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              Json.MAPPER.readTree(rs.getString(4)),
              rs.getTimestamp(5));
          count++;
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("Unreadable record value", e);
      }
    }
    batch.execute();
    return count;
  }

  /** The writes of one round, as JDBC batches run in an order that respects the record order. */
  private static final class Batch {
    private final PreparedStatement activate;
    private final PreparedStatement end;
    private final PreparedStatement variable;
    private final PreparedStatement incident;
    private final PreparedStatement resolve;
    private final PreparedStatement elementIncident;

    private record VariableId(long scopeKey, String name) {}

    private record VariableRow(long key, String value, long processInstanceKey) {}

    private final java.util.Map<VariableId, VariableRow> variables =
        new java.util.LinkedHashMap<>();

    /** An element instance activated in this round; state and end date change until execute. */
    private static final class ElementRow {
      final long key;
      final long processInstanceKey;
      final long processDefinitionKey;
      final String bpmnProcessId;
      final int version;
      final String elementId;
      final String elementType;
      final long flowScopeKey;
      final JsonNode parentProcessInstanceKey;
      final JsonNode parentElementInstanceKey;
      final Timestamp startDate;
      String state = "ACTIVE";
      Timestamp endDate;

      ElementRow(
          long key,
          long processInstanceKey,
          long processDefinitionKey,
          String bpmnProcessId,
          int version,
          String elementId,
          String elementType,
          long flowScopeKey,
          JsonNode parentProcessInstanceKey,
          JsonNode parentElementInstanceKey,
          Timestamp startDate) {
        this.key = key;
        this.processInstanceKey = processInstanceKey;
        this.processDefinitionKey = processDefinitionKey;
        this.bpmnProcessId = bpmnProcessId;
        this.version = version;
        this.elementId = elementId;
        this.elementType = elementType;
        this.flowScopeKey = flowScopeKey;
        this.parentProcessInstanceKey = parentProcessInstanceKey;
        this.parentElementInstanceKey = parentElementInstanceKey;
        this.startDate = startDate;
      }
    }

    private final java.util.Map<Long, ElementRow> activations = new java.util.LinkedHashMap<>();

    Batch(Connection connection) throws SQLException {
      activate =
          connection.prepareStatement(
              "INSERT INTO engine.search_element_instance (key, process_instance_key,"
                  + " process_definition_key, bpmn_process_id, process_version, element_id,"
                  + " element_type, flow_scope_key, parent_process_instance_key,"
                  + " parent_element_instance_key, state, start_date, end_date)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
      end =
          connection.prepareStatement(
              "UPDATE engine.search_element_instance SET state = ?, end_date = ?, incident_key = NULL"
                  + " WHERE key = ?");
      variable =
          connection.prepareStatement(
              "INSERT INTO engine.search_variable (key, name, value, scope_key, process_instance_key)"
                  + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (scope_key, name)"
                  + " DO UPDATE SET value = EXCLUDED.value");
      incident =
          connection.prepareStatement(
              "INSERT INTO engine.search_incident (key, process_instance_key, process_definition_key,"
                  + " bpmn_process_id, element_id, element_instance_key, job_key, error_type,"
                  + " error_message, state, creation_time)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?) ON CONFLICT DO NOTHING");
      resolve =
          connection.prepareStatement(
              "UPDATE engine.search_incident SET state = 'RESOLVED' WHERE key = ?");
      elementIncident =
          connection.prepareStatement(
              "UPDATE engine.search_element_instance SET incident_key = CASE"
                  + " WHEN ?::boolean THEN ?::bigint"
                  + " WHEN incident_key = ?::bigint THEN NULL ELSE incident_key END"
                  + " WHERE key = ?");
    }

    void apply(long key, String valueType, String intent, JsonNode value, Timestamp at)
        throws SQLException {
      switch (valueType) {
        case "PROCESS_INSTANCE" -> element(key, intent, value, at);
        case "VARIABLE" -> {
          // one upsert per variable and round: the driver folds batched inserts into one
          // statement, and ON CONFLICT DO UPDATE cannot touch a row twice in one statement
          var id = new VariableId(value.path("scopeKey").asLong(), value.path("name").asText());
          var previous = variables.get(id);
          variables.put(
              id,
              new VariableRow(
                  previous == null ? key : previous.key(),
                  value.path("value").asText(),
                  value.path("processInstanceKey").asLong()));
        }
        case "INCIDENT" -> incident(key, intent, value, at);
        default -> {}
      }
    }

    private void element(long key, String intent, JsonNode value, Timestamp at)
        throws SQLException {
      switch (intent) {
        case "ELEMENT_ACTIVATING" ->
            activations.put(
                key,
                new ElementRow(
                    key,
                    value.path("processInstanceKey").asLong(),
                    value.path("processDefinitionKey").asLong(),
                    value.path("bpmnProcessId").asText(),
                    value.path("version").asInt(),
                    value.path("elementId").asText(),
                    value.path("bpmnElementType").asText("UNSPECIFIED"),
                    value.path("flowScopeKey").asLong(),
                    value.path("parentProcessInstanceKey"),
                    value.path("parentElementInstanceKey"),
                    at));
        case "ELEMENT_COMPLETED", "ELEMENT_TERMINATED" -> {
          String state = intent.equals("ELEMENT_COMPLETED") ? "COMPLETED" : "TERMINATED";
          ElementRow activated = activations.get(key);
          if (activated != null) {
            // activated and ended in this round (start and end events, gateways, short tasks):
            // one insert with the final state instead of an insert and an update
            activated.state = state;
            activated.endDate = at;
          } else {
            end.setString(1, state);
            end.setTimestamp(2, at);
            end.setLong(3, key);
            end.addBatch();
          }
        }
        default -> {}
      }
    }

    private void incident(long key, String intent, JsonNode value, Timestamp at)
        throws SQLException {
      long elementInstanceKey = value.path("elementInstanceKey").asLong();
      if (intent.equals("CREATED")) {
        incident.setLong(1, key);
        incident.setLong(2, value.path("processInstanceKey").asLong());
        incident.setLong(3, value.path("processDefinitionKey").asLong());
        incident.setString(4, value.path("bpmnProcessId").asText());
        incident.setString(5, value.path("elementId").asText());
        incident.setLong(6, elementInstanceKey);
        setNullableLong(incident, 7, value.path("jobKey"));
        incident.setString(8, value.path("errorType").asText());
        incident.setString(9, value.path("errorMessage").asText());
        incident.setTimestamp(10, at);
        incident.addBatch();
      } else if (intent.equals("RESOLVED")) {
        resolve.setLong(1, key);
        resolve.addBatch();
      } else {
        return;
      }
      elementIncident.setBoolean(1, intent.equals("CREATED"));
      elementIncident.setLong(2, key);
      elementIncident.setLong(3, key);
      elementIncident.setLong(4, elementInstanceKey);
      elementIncident.addBatch();
    }

    private static void setNullableLong(PreparedStatement statement, int index, JsonNode node)
        throws SQLException {
      if (node.isMissingNode() || node.isNull()) {
        statement.setNull(index, Types.BIGINT);
      } else {
        statement.setLong(index, node.asLong());
      }
    }

    /** Inserts before updates, incidents after the elements they mark. */
    void execute() throws SQLException {
      for (ElementRow row : activations.values()) {
        activate.setLong(1, row.key);
        activate.setLong(2, row.processInstanceKey);
        activate.setLong(3, row.processDefinitionKey);
        activate.setString(4, row.bpmnProcessId);
        activate.setInt(5, row.version);
        activate.setString(6, row.elementId);
        activate.setString(7, row.elementType);
        activate.setLong(8, row.flowScopeKey);
        setNullableLong(activate, 9, row.parentProcessInstanceKey);
        setNullableLong(activate, 10, row.parentElementInstanceKey);
        activate.setString(11, row.state);
        activate.setTimestamp(12, row.startDate);
        activate.setTimestamp(13, row.endDate);
        activate.addBatch();
      }
      for (var entry : variables.entrySet()) {
        variable.setLong(1, entry.getValue().key());
        variable.setString(2, entry.getKey().name());
        variable.setString(3, entry.getValue().value());
        variable.setLong(4, entry.getKey().scopeKey());
        variable.setLong(5, entry.getValue().processInstanceKey());
        variable.addBatch();
      }
      for (PreparedStatement statement :
          new PreparedStatement[] {activate, end, variable, incident, resolve, elementIncident}) {
        statement.executeBatch();
        statement.close();
      }
    }
  }
}
