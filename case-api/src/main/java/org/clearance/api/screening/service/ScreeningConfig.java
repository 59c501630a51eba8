package org.clearance.api.screening.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of restricted-party screening. */
@ConfigMapping(prefix = "clearance.screening")
public interface ScreeningConfig {

  /** A hit from this score on is a potential match a legal reviewer must dispose of. */
  @WithDefault("0.70")
  double matchThreshold();

  /** Hits below this score are not reported at all (the ad-hoc search shows 0.50–0.70 too). */
  @WithDefault("0.50")
  double reportThreshold();

  /**
   * List files imported at start-up, each {@code format:source:path} (path on disk, or {@code
   * classpath:...}); a file whose checksum equals the newest version of its source is skipped.
   */
  java.util.Optional<java.util.List<String>> startupLists();
}
