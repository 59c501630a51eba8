package org.clearance.api.sla.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearance.api.sla.domain.SlaStage;

/**
 * SLA targets per stage and the working calendar they count in. Defaults follow US practice (15 CFR
 * 750.4): 9 days for the licensing officer, 30 for reviewing agencies, 90 calendar days in all,
 * applicant waiting time excluded.
 */
@ConfigMapping(prefix = "clearance.sla")
public interface SlaConfig {

  /** Target per stage: "N working days", "N calendar days" or an ISO-8601 duration. */
  Map<SlaStage, String> targets();

  /** A stage is "at risk" once this share of its target has elapsed. */
  @WithDefault("0.75")
  double atRiskFraction();

  /** Time zone in which working days begin and end. */
  @WithDefault("Europe/London")
  ZoneId zone();

  /** Public holidays (not working days), besides Saturdays and Sundays. */
  Optional<List<LocalDate>> holidays();

  /** How long a request for information may stay unanswered before the case is returned. */
  @WithDefault("10 calendar days")
  String requestForInformationTimeout();
}
