package org.clearance.engine.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the engine that are not Quarkus' own. */
@ConfigMapping(prefix = "clearance.engine")
public interface EngineConfig {

  /** Host name this replica advertises in the topology; clients may connect to it. */
  @WithDefault("localhost")
  String advertisedHost();

  /** Partitions reported in the topology. The engine runs one logical partition. */
  @WithDefault("1")
  int partitionCount();

  @WithDefault("1")
  int clusterSize();

  @WithDefault("1")
  int replicationFactor();
}
