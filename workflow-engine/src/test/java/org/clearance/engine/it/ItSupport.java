package org.clearance.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.grpc.Status;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

/** Helpers shared by the process-level integration tests. */
final class ItSupport {

  private ItSupport() {}

  /** start → one service task per type, in order → end. */
  static BpmnModelInstance tasks(String processId, String... types) {
    AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess(processId).startEvent();
    for (int i = 0; i < types.length; i++) {
      String type = types[i];
      builder = builder.serviceTask("Task_" + (i + 1), t -> t.zeebeJobType(type));
    }
    return builder.endEvent().done();
  }

  static long deploy(CamundaClient client, BpmnModelInstance model, String processId) {
    return client
        .newDeployResourceCommand()
        .addProcessModel(model, processId + ".bpmn")
        .send()
        .join()
        .getProcesses()
        .get(0)
        .getProcessDefinitionKey();
  }

  static Connection database() throws SQLException {
    Connection connection =
        DriverManager.getConnection(
            EngineProcess.DB_URL,
            System.getenv().getOrDefault("CLEARANCE_DB_USER", "clearance"),
            System.getenv().getOrDefault("CLEARANCE_DB_PASSWORD", "clearance"));
    return connection;
  }

  static long queryLong(String sql, Object... parameters) throws SQLException {
    try (var connection = database();
        var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static Status.Code statusOf(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ClientStatusException status) {
        return status.getStatusCode();
      }
      if (cause instanceof io.grpc.StatusRuntimeException status) {
        return status.getStatus().getCode();
      }
    }
    return null;
  }

  static void awaitTrue(long millis, String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (!condition.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("waiting for: " + what).isLessThan(deadline);
      Thread.sleep(25);
    }
  }
}
