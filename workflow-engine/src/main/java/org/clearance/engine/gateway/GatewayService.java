package org.clearance.engine.gateway;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BrokerInfo;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition.PartitionBrokerHealth;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition.PartitionBrokerRole;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.quarkus.runtime.LaunchMode;
import org.clearance.engine.config.EngineConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Zeebe gateway service. Methods not overridden here answer UNIMPLEMENTED, which is what the
 * official client expects from a gateway that lacks a feature.
 */
@GrpcService
public class GatewayService extends GatewayGrpc.GatewayImplBase {

  static final String GATEWAY_VERSION = "8.9.0";

  private final EngineConfig config;
  private final int grpcPort;

  GatewayService(
      EngineConfig config,
      @ConfigProperty(name = "quarkus.grpc.server.port") int port,
      @ConfigProperty(name = "quarkus.grpc.server.test-port") int testPort) {
    this.config = config;
    // In test mode Quarkus serves gRPC on the test port; advertise the port actually bound.
    this.grpcPort = LaunchMode.current() == LaunchMode.TEST ? testPort : port;
  }

  @Override
  public void topology(TopologyRequest request, StreamObserver<TopologyResponse> responseObserver) {
    var broker =
        BrokerInfo.newBuilder()
            .setNodeId(0)
            .setHost(config.advertisedHost())
            .setPort(grpcPort)
            .setVersion(GATEWAY_VERSION);
    for (int partitionId = 1; partitionId <= config.partitionCount(); partitionId++) {
      broker.addPartitions(
          Partition.newBuilder()
              .setPartitionId(partitionId)
              .setRole(PartitionBrokerRole.LEADER)
              .setHealth(PartitionBrokerHealth.HEALTHY));
    }
    responseObserver.onNext(
        TopologyResponse.newBuilder()
            .addBrokers(broker)
            .setClusterSize(config.clusterSize())
            .setPartitionsCount(config.partitionCount())
            .setReplicationFactor(config.replicationFactor())
            .setGatewayVersion(GATEWAY_VERSION)
            .build());
    responseObserver.onCompleted();
  }
}
