package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.clearance.engine.db.Json;

/**
 * A Camunda user task as stored in engine.user_task. Dates are ISO 8601 strings with offset (null
 * when not set); custom headers a JSON object.
 */
public record UserTaskRow(
    long key,
    long elementInstanceKey,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    int processVersion,
    String elementId,
    String name,
    String tenantId,
    String state,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String dueDate,
    String followUpDate,
    int priority,
    String externalFormReference,
    String customHeaders,
    long creationDate) {

  /** The open state; COMPLETED and CANCELED are final. */
  public static final String CREATED = "CREATED";

  public static final String COMPLETED = "COMPLETED";
  public static final String CANCELED = "CANCELED";

  public static final String COLUMNS =
      "key, element_instance_key, process_instance_key, process_definition_key, bpmn_process_id,"
          + " process_version, element_id, name, tenant_id, state, assignee, candidate_groups,"
          + " candidate_users, due_date, follow_up_date, priority, external_form_reference,"
          + " custom_headers::text, creation_date";

  public boolean isOpen() {
    return CREATED.equals(state);
  }

  public static UserTaskRow read(ResultSet rs) throws SQLException {
    return new UserTaskRow(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getInt(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        list(rs.getArray(12)),
        list(rs.getArray(13)),
        date(rs.getTimestamp(14)),
        date(rs.getTimestamp(15)),
        rs.getInt(16),
        rs.getString(17),
        rs.getString(18),
        rs.getTimestamp(19).getTime());
  }

  private static List<String> list(java.sql.Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static String date(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant().toString();
  }

  /** The same task with another assignee (null: unassigned). */
  public UserTaskRow withAssignee(String newAssignee) {
    return new UserTaskRow(
        key,
        elementInstanceKey,
        processInstanceKey,
        processDefinitionKey,
        bpmnProcessId,
        processVersion,
        elementId,
        name,
        tenantId,
        state,
        newAssignee,
        candidateGroups,
        candidateUsers,
        dueDate,
        followUpDate,
        priority,
        externalFormReference,
        customHeaders,
        creationDate);
  }

  /** The same task with changed schedule, candidates and priority. */
  public UserTaskRow withChanges(
      List<String> groups, List<String> users, String due, String followUp, int newPriority) {
    return new UserTaskRow(
        key,
        elementInstanceKey,
        processInstanceKey,
        processDefinitionKey,
        bpmnProcessId,
        processVersion,
        elementId,
        name,
        tenantId,
        state,
        assignee,
        groups,
        users,
        due,
        followUp,
        newPriority,
        externalFormReference,
        customHeaders,
        creationDate);
  }

  /** Writes the task's changeable fields (assignee, candidates, dates, priority). */
  public void update(Connection connection) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "UPDATE engine.user_task SET assignee = ?, candidate_groups = ?, candidate_users = ?,"
                + " due_date = ?::timestamptz, follow_up_date = ?::timestamptz, priority = ?"
                + " WHERE key = ?")) {
      statement.setString(1, assignee);
      statement.setArray(2, connection.createArrayOf("text", candidateGroups.toArray()));
      statement.setArray(3, connection.createArrayOf("text", candidateUsers.toArray()));
      statement.setString(4, dueDate);
      statement.setString(5, followUpDate);
      statement.setInt(6, priority);
      statement.setLong(7, key);
      statement.executeUpdate();
    }
  }

  /** Marks the task finished (COMPLETED or CANCELED) at a time. */
  public static void finish(Connection connection, List<Long> keys, String state, long at)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "UPDATE engine.user_task SET state = ?, completion_date = ? WHERE key = ANY(?)")) {
      statement.setString(1, state);
      statement.setTimestamp(2, new Timestamp(at));
      statement.setArray(3, connection.createArrayOf("bigint", keys.toArray()));
      statement.executeUpdate();
    }
  }

  /** The value of the task's USER_TASK records, as Zeebe names the fields. */
  public ObjectNode recordValue(String action) {
    ObjectNode value = Json.object();
    value.put("userTaskKey", key);
    value.put("elementInstanceKey", elementInstanceKey);
    value.put("processInstanceKey", processInstanceKey);
    value.put("processDefinitionKey", processDefinitionKey);
    value.put("bpmnProcessId", bpmnProcessId);
    value.put("processDefinitionVersion", processVersion);
    value.put("elementId", elementId);
    value.put("tenantId", tenantId);
    value.put("assignee", assignee == null ? "" : assignee);
    candidateGroups.forEach(value.putArray("candidateGroupsList")::add);
    candidateUsers.forEach(value.putArray("candidateUsersList")::add);
    value.put("dueDate", dueDate == null ? "" : dueDate);
    value.put("followUpDate", followUpDate == null ? "" : followUpDate);
    value.put("priority", priority);
    value.put("externalFormReference", externalFormReference == null ? "" : externalFormReference);
    JsonNode headers = Json.read(customHeaders, JsonNode.class);
    value.set("customHeaders", headers);
    value.put("action", action);
    return value;
  }
}
