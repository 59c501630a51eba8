package org.clearance.api.licences.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records EXPIRED on licences whose validity has ended. Reads never wait for it: a live licence
 * past its end date already shows as EXPIRED (Licence.statusOn); this run makes it final and
 * audited.
 */
@ApplicationScoped
public class LicenceExpiryJob {

  private final LicenceService licences;

  LicenceExpiryJob(LicenceService licences) {
    this.licences = licences;
  }

  @Scheduled(
      identity = "licence-expiry",
      every = "${clearance.licences.expiry-interval:1h}",
      delayed = "${clearance.licences.expiry-delay:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void expireLapsedLicences() {
    licences.expireLapsed();
  }
}
