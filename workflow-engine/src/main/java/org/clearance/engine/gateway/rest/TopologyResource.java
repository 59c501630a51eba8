package org.clearance.engine.gateway.rest;

import io.quarkus.runtime.LaunchMode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.clearance.engine.config.EngineConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** GET /v2/topology: one broker leading every partition, as over gRPC. */
@Path("/v2/topology")
@Produces(MediaType.APPLICATION_JSON)
public class TopologyResource {

  static final String GATEWAY_VERSION = "8.9.0";

  public record PartitionInfo(int partitionId, String role, String health) {}

  public record BrokerInfo(
      int nodeId, String host, int port, List<PartitionInfo> partitions, String version) {}

  public record Topology(
      List<BrokerInfo> brokers,
      String clusterId,
      int clusterSize,
      int partitionsCount,
      int replicationFactor,
      String gatewayVersion,
      String lastCompletedChangeId) {}

  private final EngineConfig config;
  private final int grpcPort;

  TopologyResource(
      EngineConfig config,
      @ConfigProperty(name = "quarkus.grpc.server.port") int port,
      @ConfigProperty(name = "quarkus.grpc.server.test-port") int testPort) {
    this.config = config;
    this.grpcPort = LaunchMode.current() == LaunchMode.TEST ? testPort : port;
  }

  @GET
  public Topology topology() {
    var partitions = new ArrayList<PartitionInfo>();
    for (int id = 1; id <= config.partitionCount(); id++) {
      partitions.add(new PartitionInfo(id, "leader", "healthy"));
    }
    return new Topology(
        List.of(new BrokerInfo(0, config.advertisedHost(), grpcPort, partitions, GATEWAY_VERSION)),
        null,
        config.clusterSize(),
        config.partitionCount(),
        config.replicationFactor(),
        GATEWAY_VERSION,
        "-1");
  }
}
