package org.clearance.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.PartitionBrokerHealth;
import io.camunda.client.api.response.PartitionBrokerRole;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TopologyTest {

  @ConfigProperty(name = "quarkus.grpc.server.test-port")
  int grpcPort;

  CamundaClient client;

  @BeforeEach
  void connect() {
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://localhost:" + grpcPort))
            .preferRestOverGrpc(false)
            .defaultRequestTimeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void shouldReportOneHealthyLeaderPartitionToTheOfficialClient() {
    // when
    var topology = client.newTopologyRequest().send().join();

    // then
    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getGatewayVersion()).isEqualTo("8.9.0");
    assertThat(topology.getBrokers()).hasSize(1);
    var broker = topology.getBrokers().get(0);
    assertThat(broker.getPort()).isEqualTo(grpcPort);
    assertThat(broker.getPartitions())
        .singleElement()
        .satisfies(
            partition -> {
              assertThat(partition.getPartitionId()).isEqualTo(1);
              assertThat(partition.getRole()).isEqualTo(PartitionBrokerRole.LEADER);
              assertThat(partition.getHealth()).isEqualTo(PartitionBrokerHealth.HEALTHY);
            });
  }

  @Test
  void shouldAnswerUnimplementedForMethodsTheEngineDoesNotServe() {
    // when
    var future = client.newDeleteResourceCommand(1L).send();

    // then
    assertThatThrownBy(future::join)
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.UNIMPLEMENTED));
  }
}
