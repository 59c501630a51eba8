package org.clearance.api.determination.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of case decisions. */
@ConfigMapping(prefix = "clearance.decisions")
public interface DecisionConfig {

  /** Calendar days an applicant has to appeal a denial. */
  @WithDefault("45")
  int appealPeriodDays();
}
