package org.clearance.api.audit.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.clearance.api.audit.domain.AuditChainHead;
import org.clearance.api.audit.domain.AuditEvent;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Seals committed audit events into the hash chain, in batches: in one transaction it locks the
 * chain head, gives the unsealed events it can see, in id order, the next positions, their previous
 * hash and their hash, and advances the head. The head lock makes sure that one sealer at a time
 * extends the chain, whichever replica it runs in; writers of events never take it.
 *
 * <p>Runs on its own daemon thread: woken soon after each transaction that recorded an event
 * commits (waiting {@code clearance.audit.seal-delay} so that one batch takes several commits), and
 * every {@code clearance.audit.seal-interval} regardless, for events committed by other replicas or
 * left unsealed by a crash. A round that finds the head locked by another sealer is skipped: that
 * sealer seals what there is.
 */
@ApplicationScoped
public class AuditSealer {

  private static final Logger LOG = Logger.getLogger(AuditSealer.class);
  private static final String WAKE_REGISTERED = AuditSealer.class.getName() + ".wake";
  private static final String LOCK_HEAD =
      "select * from cases.audit_chain_head where id = " + AuditChainHead.ID + " for update";
  private static final int SKIPPED = -1;
  private static final int MAX_STATEMENTS_PER_BATCH = 500;
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final EntityManager em;
  private final TransactionSynchronizationRegistry transactions;
  private final AuditConfig config;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wakeUp = lock.newCondition();
  private boolean woken; // guarded by lock
  private volatile boolean running;
  private Thread thread;

  AuditSealer(
      EntityManager em, TransactionSynchronizationRegistry transactions, AuditConfig config) {
    this.em = em;
    this.transactions = transactions;
    this.config = config;
  }

  void onStart(@Observes StartupEvent start) {
    running = true;
    thread = Thread.ofPlatform().daemon().name("audit-sealer").start(this::run);
  }

  void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
    if (thread == null) {
      return;
    }
    running = false;
    wake();
    if (!thread.join(STOP_TIMEOUT)) {
      LOG.warnf("the audit sealer did not stop within %s", STOP_TIMEOUT);
    }
  }

  /**
   * Wakes the sealer when the current transaction commits. Called by every writer of an event;
   * registers one synchronization per transaction.
   */
  public void sealAfterCommit() {
    if (transactions.getResource(WAKE_REGISTERED) != null) {
      return;
    }
    transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              wake();
            }
          }
        });
  }

  /**
   * Seals every event committed before the call, waiting for the head if another sealer holds it.
   * Returns how many events this call sealed.
   */
  public long sealCommitted() {
    return sealAll(false);
  }

  private void run() {
    LOG.infof(
        "audit sealer started (interval %s, delay %s, batch %d)",
        config.sealInterval(), config.sealDelay(), config.sealBatch());
    // Events left unsealed by a crash, or committed while no sealer ran, are sealed at once.
    sealRound();
    while (running) {
      try {
        if (awaitWakeUpOrInterval()) {
          Thread.sleep(config.sealDelay());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (!running) {
        break;
      }
      clearWakeUp();
      sealRound();
    }
    // Whatever committed last is sealed now rather than at the next start of some replica.
    sealRound();
    LOG.info("audit sealer stopped");
  }

  private void sealRound() {
    try {
      long sealed = sealAll(true);
      if (sealed > 0) {
        LOG.debugf("sealed %d audit events", sealed);
      }
    } catch (RuntimeException e) {
      LOG.errorf(e, "sealing audit events failed; trying again in %s", config.sealInterval());
    }
  }

  private long sealAll(boolean skipIfLocked) {
    long sealed = 0;
    while (true) {
      int batch = QuarkusTransaction.requiringNew().call(() -> sealBatch(skipIfLocked));
      if (batch == SKIPPED) {
        return sealed;
      }
      sealed += batch;
      if (batch < config.sealBatch()) {
        return sealed;
      }
    }
  }

  /** One transaction: lock the head, seal up to a batch of events, advance the head. */
  private int sealBatch(boolean skipIfLocked) {
    Session session = em.unwrap(Session.class);
    // Most rounds of an idle replica end here, without a row lock (and its commit to disk).
    if (session
        .createSelectionQuery("select 1 from AuditEvent e where e.hash is null", Integer.class)
        .setMaxResults(1)
        .getResultList()
        .isEmpty()) {
      return 0;
    }
    List<AuditChainHead> heads =
        session
            .createNativeQuery(
                skipIfLocked ? LOCK_HEAD + " skip locked" : LOCK_HEAD, AuditChainHead.class)
            .getResultList();
    if (heads.isEmpty()) {
      return SKIPPED;
    }
    AuditChainHead head = heads.getFirst();
    // Read after the head is locked, so this sees every event sealed by the sealer before.
    List<AuditEvent> unsealed =
        session
            .createSelectionQuery(
                "from AuditEvent e where e.hash is null order by e.id", AuditEvent.class)
            .setMaxResults(config.sealBatch())
            .getResultList();
    for (AuditEvent event : unsealed) {
      head.append(event);
    }
    session.setJdbcBatchSize(Math.clamp(unsealed.size(), 1, MAX_STATEMENTS_PER_BATCH));
    session.flush();
    return unsealed.size();
  }

  private boolean awaitWakeUpOrInterval() throws InterruptedException {
    lock.lock();
    try {
      long nanos = config.sealInterval().toNanos();
      while (!woken && running && nanos > 0) {
        nanos = wakeUp.awaitNanos(nanos);
      }
      return woken && running;
    } finally {
      lock.unlock();
    }
  }

  private void clearWakeUp() {
    lock.lock();
    try {
      woken = false;
    } finally {
      lock.unlock();
    }
  }

  private void wake() {
    lock.lock();
    try {
      woken = true;
      wakeUp.signal();
    } finally {
      lock.unlock();
    }
  }
}
