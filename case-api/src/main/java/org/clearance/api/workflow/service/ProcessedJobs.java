package org.clearance.api.workflow.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Remembers which jobs have had their effects committed. The engine may hand a job out again (its
 * timeout ran out, or the completion was lost after our commit); such a job is completed again
 * without applying its effects twice.
 */
@ApplicationScoped
public class ProcessedJobs {

  private final EntityManager em;
  private final Clock clock;

  ProcessedJobs(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /**
   * True the first time a job is seen, in the caller's transaction: a concurrent second attempt
   * waits on the row and then gets false.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstTime(long jobKey, String jobType, UUID caseId) {
    int inserted =
        em.createNativeQuery(
                "insert into cases.processed_job (job_key, job_type, case_id, processed_at)"
                    + " values (?1, ?2, ?3, ?4) on conflict (job_key) do nothing")
            .setParameter(1, jobKey)
            .setParameter(2, jobType)
            .setParameter(3, caseId)
            .setParameter(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
            .executeUpdate();
    return inserted == 1;
  }
}
