package org.clearance.api.audit.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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

/** Appends to and verifies the hash-chained audit trail. */
@ApplicationScoped
public class AuditService {

  private static final Logger LOG = Logger.getLogger(AuditService.class);
  private static final int VERIFY_BATCH = 500;

  private final EntityManager em;
  private final ObjectMapper json;
  private final Clock clock;

  AuditService(EntityManager em, ObjectMapper json, Clock clock) {
    this.em = em;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Appends an event in the caller's transaction, so the change and its audit event commit or roll
   * back together. The chain head is locked until that transaction ends.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public AuditEvent record(UUID caseId, String actor, String action, Map<String, ?> detail) {
    AuditChainHead head =
        em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
    AuditEvent event =
        new AuditEvent(
            head.lastPosition() + 1,
            caseId,
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            actor,
            action,
            toJson(detail),
            head.lastHash());
    em.persist(event);
    head.advanceTo(event);
    return event;
  }

  @Transactional
  public List<AuditEvent> eventsOfCase(UUID caseId) {
    return em.createQuery(
            "from AuditEvent e where e.caseId = :caseId order by e.id", AuditEvent.class)
        .setParameter("caseId", caseId)
        .getResultList();
  }

  /** Recomputes the whole chain, in batches, and reports the first link that does not hold. */
  @Transactional
  public ChainVerification verify() {
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
                  "from AuditEvent e where e.id >= :from and e.id <= :to order by e.id",
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
        if (event.position() != expectedPosition) {
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
    return new ChainVerification(true, checked, headPosition, null);
  }

  private static ChainVerification broken(
      long checked, long headPosition, long position, UUID caseId, String reason) {
    LOG.warnf("audit chain broken at position %d (case %s): %s", position, caseId, reason);
    return new ChainVerification(
        false, checked, headPosition, new ChainVerification.BrokenLink(position, caseId, reason));
  }

  private String toJson(Map<String, ?> detail) {
    try {
      return json.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit detail must be serialisable", e);
    }
  }
}
