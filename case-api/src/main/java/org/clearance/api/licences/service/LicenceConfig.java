package org.clearance.api.licences.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Defaults for issuing licences and how they expire. */
@ConfigMapping(prefix = "clearance.licences")
public interface LicenceConfig {

  /** How long a licence is valid when the approval names no end date. */
  @WithDefault("P24M")
  Period defaultValidity();

  /** Conditions printed on every licence, before those of the approval. */
  Optional<List<String>> defaultConditions();

  /** The issuing authority line of the licence document. */
  @WithDefault("Issued by the Clearance export licensing authority")
  String issuingAuthority();

  /** The zone whose calendar dates validity (valid from / valid until, inclusive). */
  @WithDefault("UTC")
  ZoneId zone();

  /** Whether the {@code clearance.licence.issue} job worker runs in this instance. */
  @WithDefault("true")
  boolean workerEnabled();

  /** How often lapsed licences are marked EXPIRED (read by LicenceExpiryJob's schedule). */
  @WithDefault("1h")
  String expiryInterval();
}
