package org.clearance.engine.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A job as stored in engine.job / engine.failed_job. */
public record JobRow(
    long key,
    String type,
    int state,
    long dueAt,
    long createdAt,
    int retries,
    String worker,
    String errorMessage,
    long processInstanceKey,
    long elementInstanceKey,
    String elementId,
    long processDefinitionKey,
    String bpmnProcessId,
    int processVersion,
    String customHeaders,
    String tenantId) {

  public static final int ACTIVATABLE = 0;
  public static final int ACTIVATED = 1;

  /** In failed_job only: the worker threw an error nobody caught. */
  public static final int ERROR_THROWN = 2;

  /** In failed_job only: no retries left. */
  public static final int FAILED = 3;

  public static final String COLUMNS =
      "key, type, state, due_at, created_at, retries, worker, error_message, process_instance_key,"
          + " element_instance_key, element_id, process_definition_key, bpmn_process_id,"
          + " process_version, custom_headers, tenant_id";

  public static JobRow read(ResultSet rs) throws SQLException {
    return new JobRow(
        rs.getLong(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getLong(4),
        rs.getLong(5),
        rs.getInt(6),
        rs.getString(7),
        rs.getString(8),
        rs.getLong(9),
        rs.getLong(10),
        rs.getString(11),
        rs.getLong(12),
        rs.getString(13),
        rs.getInt(14),
        rs.getString(15),
        rs.getString(16));
  }

  public JobRow with(
      int newState, long newDueAt, int newRetries, String newWorker, String message) {
    return new JobRow(
        key,
        type,
        newState,
        newDueAt,
        createdAt,
        newRetries,
        newWorker,
        message,
        processInstanceKey,
        elementInstanceKey,
        elementId,
        processDefinitionKey,
        bpmnProcessId,
        processVersion,
        customHeaders,
        tenantId);
  }
}
