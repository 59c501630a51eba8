package org.clearance.api.documents.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** Limits on supporting documents. */
@ConfigMapping(prefix = "clearance.documents")
public interface DocumentConfig {

  /** Largest accepted upload. Keep quarkus.http.limits.max-body-size above it. */
  @WithDefault("20M")
  MemorySize maxSize();

  /** Content types an upload may declare. */
  @WithDefault(
      "application/pdf,image/png,image/jpeg,text/plain,text/csv,application/json,"
          + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
          + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  Set<String> allowedContentTypes();
}
