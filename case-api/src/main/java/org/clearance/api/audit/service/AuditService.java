package org.clearance.api.audit.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.api.audit.domain.AuditChainHead;
import org.clearance.api.audit.domain.AuditEvent;
import org.clearance.api.audit.domain.AuditHash;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

/**
 * Appends to and verifies the hash-chained audit trail. Writers only insert events; {@link
 * AuditSealer} chains them after commit.
 */
@ApplicationScoped
public class AuditService {

  private static final Logger LOG = Logger.getLogger(AuditService.class);
  private static final int VERIFY_BATCH = 500;

  private final EntityManager em;
  private final ObjectMapper json;
  private final Clock clock;
  private final AuditSealer sealer;

  AuditService(EntityManager em, ObjectMapper json, Clock clock, AuditSealer sealer) {
    this.em = em;
    this.json = json;
    this.clock = clock;
    this.sealer = sealer;
  }

  /**
   * Appends an unsealed event in the caller's transaction, so the change and its audit event commit
   * or roll back together. The event is chained (sealed) by {@link AuditSealer} soon after the
   * commit; until then it has no position and no hashes, and the append-only trigger protects it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public AuditEvent record(UUID caseId, String actor, String action, Map<String, ?> detail) {
    AuditEvent event =
        new AuditEvent(
            caseId, clock.instant().truncatedTo(ChronoUnit.MICROS), actor, action, toJson(detail));
    em.persist(event);
    sealer.sealAfterCommit();
    return event;
  }

  @Transactional
  public List<AuditEvent> eventsOfCase(UUID caseId) {
    return em.createQuery(
            "from AuditEvent e where e.caseId = :caseId order by e.id", AuditEvent.class)
        .setParameter("caseId", caseId)
        .getResultList();
  }

  /**
   * Seals what is committed, then recomputes the whole chain by position, in batches, and reports
   * the first link that does not hold.
   */
  public ChainVerification verify() {
    sealer.sealCommitted();
    return QuarkusTransaction.requiringNew().call(this::walkChain);
  }

  private ChainVerification walkChain() {
    AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
    long headPosition = head.lastPosition();
    String headHash = head.lastHash();
    em.detach(head);

    long expectedPosition = 1;
    String previousHash = AuditHash.GENESIS;
    long checked = 0;
    while (expectedPosition <= headPosition) {
      List<AuditEvent> batch =
          em.createQuery(
                  "from AuditEvent e where e.position >= :from and e.position <= :to"
                      + " order by e.position",
                  AuditEvent.class)
              .setParameter("from", expectedPosition)
              .setParameter("to", headPosition)
              .setMaxResults(VERIFY_BATCH)
              .setHint(HibernateHints.HINT_READ_ONLY, true)
              .getResultList();
      if (batch.isEmpty()) {
        return broken(checked, headPosition, expectedPosition, null, "events are missing");
      }
      for (AuditEvent event : batch) {
        if (event.position().longValue() != expectedPosition) {
          return broken(
              checked,
              headPosition,
              expectedPosition,
              null,
              "events are missing: the chain jumps from position "
                  + (expectedPosition - 1)
                  + " to "
                  + event.position());
        }
        if (!event.previousHash().equals(previousHash)) {
          return broken(
              checked,
              headPosition,
              event.position(),
              event.caseId(),
              "its previous hash does not match the hash of the event before it");
        }
        if (!AuditHash.of(event).equals(event.hash())) {
          return broken(
              checked,
              headPosition,
              event.position(),
              event.caseId(),
              "its content does not match its hash: the event was altered");
        }
        previousHash = event.hash();
        expectedPosition++;
        checked++;
      }
      em.clear();
    }
    if (!previousHash.equals(headHash)) {
      return broken(
          checked,
          headPosition,
          headPosition,
          null,
          "the chain head does not match the last event");
    }
    return new ChainVerification(true, checked, headPosition, unsealed(), null);
  }

  private ChainVerification broken(
      long checked, long headPosition, long position, UUID caseId, String reason) {
    LOG.warnf("audit chain broken at position %d (case %s): %s", position, caseId, reason);
    return new ChainVerification(
        false,
        checked,
        headPosition,
        unsealed(),
        new ChainVerification.BrokenLink(position, caseId, reason));
  }

  private long unsealed() {
    return em.createQuery("select count(e) from AuditEvent e where e.hash is null", Long.class)
        .getSingleResult();
  }

  private String toJson(Map<String, ?> detail) {
    try {
      return json.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit detail must be serialisable", e);
    }
  }
}
