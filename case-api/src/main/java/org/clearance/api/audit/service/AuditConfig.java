package org.clearance.api.audit.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the audit sealer chains committed events. */
@ConfigMapping(prefix = "clearance.audit")
public interface AuditConfig {

  /**
   * How often the sealer looks for unsealed events without being woken: events committed by other
   * replicas, or left unsealed by a crash.
   */
  @WithDefault("1s")
  Duration sealInterval();

  /** How long the sealer waits after a commit woke it, so that one batch seals several commits. */
  @WithDefault("20ms")
  Duration sealDelay();

  /** The most events one sealing transaction seals. */
  @WithDefault("1000")
  int sealBatch();
}
