package org.clearance.api.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.clearance.api.audit.service.AuditService;
import org.clearance.api.cases.domain.CaseContent;
import org.clearance.api.cases.domain.CaseRepository;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.cases.domain.event.CaseDecided;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.determination.service.RoutingFacts;
import org.clearance.api.documents.domain.DocumentRepository;
import org.clearance.api.security.service.Caller;
import org.clearance.api.sla.service.SlaPlanner;
import org.clearance.api.workflow.service.CaseProcessService;
import org.jboss.logging.Logger;

/** The transaction boundary for applications: draft, edit, submit, withdraw. */
@ApplicationScoped
public class CaseService {

  private static final Logger LOG = Logger.getLogger(CaseService.class);
  private static final long NOT_STARTED = -1;
  private static final int MAX_REASON = 2000;

  private final CaseRepository cases;
  private final CaseAccess access;
  private final ApplicationRules rules;
  private final AuditService audit;
  private final CaseProcessService process;
  private final Caller caller;
  private final Clock clock;
  private final TransactionSynchronizationRegistry transactions;
  private final RoutingFacts routingFacts;
  private final SlaPlanner slaPlanner;
  private final Event<CaseDecided> decided;
  private final DocumentRepository documents;

  CaseService(
      CaseRepository cases,
      CaseAccess access,
      ApplicationRules rules,
      AuditService audit,
      CaseProcessService process,
      Caller caller,
      Clock clock,
      TransactionSynchronizationRegistry transactions,
      RoutingFacts routingFacts,
      SlaPlanner slaPlanner,
      Event<CaseDecided> decided,
      DocumentRepository documents) {
    this.documents = documents;
    this.routingFacts = routingFacts;
    this.slaPlanner = slaPlanner;
    this.decided = decided;
    this.cases = cases;
    this.access = access;
    this.rules = rules;
    this.audit = audit;
    this.process = process;
    this.caller = caller;
    this.clock = clock;
    this.transactions = transactions;
  }

  /** {@link #createDraft(DraftInput)}, shown as {@code view} inside the transaction. */
  @Transactional
  public <V> V createDraft(DraftInput input, CaseView<V> view) {
    return show(createDraft(input), view);
  }

  /** {@link #copyAsDraft(UUID)}, shown as {@code view} inside the transaction. */
  @Transactional
  public <V> V copyAsDraft(UUID sourceId, CaseView<V> view) {
    return show(copyAsDraft(sourceId), view);
  }

  /** {@link #get(UUID)}, shown as {@code view} inside the transaction. */
  @Transactional
  public <V> V get(UUID id, CaseView<V> view) {
    return show(get(id), view);
  }

  /** {@link #updateDraft(UUID, DraftInput)}, shown as {@code view} inside the transaction. */
  @Transactional
  public <V> V updateDraft(UUID id, DraftInput input, CaseView<V> view) {
    return show(updateDraft(id, input), view);
  }

  /** {@link #submit(UUID)}, shown as {@code view} inside the transaction. */
  @Transactional
  public <V> V submit(UUID id, CaseView<V> view) {
    return show(submit(id), view);
  }

  /** {@link #withdraw(UUID, String)}, shown as {@code view} inside the transaction. */
  @Transactional
  public <V> V withdraw(UUID id, String reason, CaseView<V> view) {
    return show(withdraw(id, reason), view);
  }

  private <V> V show(ExportCase exportCase, CaseView<V> view) {
    return view.of(exportCase, documents.ofCase(exportCase.id()));
  }

  @Transactional
  public ExportCase createDraft(DraftInput input) {
    caller.requireApplicant("create applications");
    rejectMalformed(input);
    Instant now = clock.instant();
    String reference = cases.nextReference(Year.from(now.atZone(ZoneOffset.UTC)));
    ExportCase exportCase =
        ExportCase.draft(reference, caller.organisation(), caller.username(), now);
    input.content().applyTo(exportCase);
    cases.persist(exportCase);
    audit.record(
        exportCase.id(),
        caller.username(),
        "CASE_CREATED",
        Map.of("reference", reference, "organisation", exportCase.organisation()));
    LOG.infof("case %s drafted by %s", reference, caller.username());
    return exportCase;
  }

  /**
   * Starts a new draft with the content of an earlier application of the caller's organisation (any
   * status): contact, items, parties, destinations and end use. Documents, the review and the
   * decision stay with the original; the copy is audited on both cases.
   */
  @Transactional
  public ExportCase copyAsDraft(UUID sourceId) {
    caller.requireApplicant("copy applications");
    ExportCase source = access.readable(sourceId);
    Instant now = clock.instant();
    String reference = cases.nextReference(Year.from(now.atZone(ZoneOffset.UTC)));
    ExportCase copy = ExportCase.draft(reference, caller.organisation(), caller.username(), now);
    CaseContent.of(source).applyTo(copy);
    cases.persist(copy);
    audit.record(
        copy.id(),
        caller.username(),
        "CASE_CREATED",
        Map.of(
            "reference",
            reference,
            "organisation",
            copy.organisation(),
            "copiedFrom",
            source.reference()));
    audit.record(
        source.id(), caller.username(), "CASE_COPIED", Map.of("copiedTo", copy.reference()));
    LOG.infof("case %s copied from %s by %s", reference, source.reference(), caller.username());
    return copy;
  }

  @Transactional
  public ExportCase get(UUID id) {
    return access.readable(id);
  }

  @Transactional
  public ExportCase updateDraft(UUID id, DraftInput input) {
    ExportCase exportCase = access.draftForUpdate(id, "edit applications");
    rejectMalformed(input);
    List<String> changed = changedSections(CaseContent.of(exportCase), input.content());
    input.content().applyTo(exportCase);
    exportCase.touch(clock.instant());
    audit.record(exportCase.id(), caller.username(), "CASE_UPDATED", Map.of("changed", changed));
    // Flushed now so that the response carries the new version.
    cases.flush();
    return exportCase;
  }

  /**
   * Submits a complete draft and starts its review process. If the engine refuses, nothing changes:
   * the case stays a draft and no audit event is kept.
   */
  @Transactional
  public ExportCase submit(UUID id) {
    ExportCase exportCase = access.ownedForUpdate(id, "submit applications");
    CaseStatus from = exportCase.status();
    exportCase.moveTo(CaseStatus.SUBMITTED, clock.instant());
    CaseContent content = CaseContent.of(exportCase);
    List<FieldError> errors = new ArrayList<>(rules.formatErrors(content));
    errors.addAll(rules.completenessErrors(content));
    if (!errors.isEmpty()) {
      throw Rejection.invalid(
          "application-incomplete",
          "The application is not complete",
          errors.size() + " field(s) are missing or invalid; the case stays a draft.",
          errors);
    }
    routingFacts.fix(exportCase);
    exportCase.planSla(slaPlanner.plan(exportCase.submittedAt()));
    AtomicLong started = cancelIfRolledBack(exportCase);
    long processInstanceKey = process.startProcess(exportCase);
    started.set(processInstanceKey);
    exportCase.recordProcessInstance(processInstanceKey);
    audit.record(
        exportCase.id(),
        caller.username(),
        "CASE_SUBMITTED",
        transition(from, exportCase.status(), Map.of("processInstanceKey", processInstanceKey)));
    LOG.infof(
        "case %s submitted by %s, process instance %d",
        exportCase.reference(), caller.username(), processInstanceKey);
    cases.flush();
    return exportCase;
  }

  @Transactional
  public ExportCase withdraw(UUID id, String reason) {
    ExportCase exportCase = access.ownedForUpdate(id, "withdraw applications");
    if (reason != null && reason.length() > MAX_REASON) {
      throw Rejection.invalid(
          "validation-failed",
          "The withdrawal has invalid fields",
          "The reason is too long.",
          List.of(
              new FieldError("reason", "must not be longer than " + MAX_REASON + " characters")));
    }
    CaseStatus from = exportCase.status();
    exportCase.moveTo(CaseStatus.WITHDRAWN, clock.instant());
    Map<String, Object> detail = new LinkedHashMap<>();
    if (reason != null && !reason.isBlank()) {
      detail.put("reason", reason.strip());
    }
    audit.record(
        exportCase.id(),
        caller.username(),
        "CASE_WITHDRAWN",
        transition(from, exportCase.status(), detail));
    decided.fire(
        new CaseDecided(
            exportCase.id(),
            exportCase.reference(),
            exportCase.organisation(),
            CaseStatus.WITHDRAWN.name(),
            "The application was withdrawn by " + caller.username() + ".",
            exportCase.updatedAt()));
    // Every write is flushed before the engine is asked, so that what can still fail after the
    // process is cancelled is the commit alone. An engine that refuses rolls all of it back.
    cases.flush();
    process.cancelProcess(exportCase);
    LOG.infof("case %s withdrawn by %s", exportCase.reference(), caller.username());
    return exportCase;
  }

  /**
   * The process starts before the case commits. Should the commit fail afterwards, the instance
   * would run for a case that is still a draft, so it is cancelled again. Registered before the
   * engine is called (a transaction marked for rollback takes no more registrations); the returned
   * holder receives the instance key once the process has started.
   */
  private AtomicLong cancelIfRolledBack(ExportCase exportCase) {
    String reference = exportCase.reference();
    AtomicLong started = new AtomicLong(NOT_STARTED);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            long processInstanceKey = started.get();
            if (status != Status.STATUS_COMMITTED && processInstanceKey != NOT_STARTED) {
              LOG.warnf(
                  "submission of case %s rolled back; cancelling process instance %d",
                  reference, processInstanceKey);
              process.cancelOrphan(processInstanceKey, reference);
            }
          }
        });
    return started;
  }

  private void rejectMalformed(DraftInput input) {
    List<FieldError> errors = new ArrayList<>(input.unreadableFields());
    errors.addAll(rules.formatErrors(input.content()));
    if (!errors.isEmpty()) {
      throw Rejection.invalid(
          "validation-failed",
          "The application has invalid fields",
          errors.size() + " field(s) are invalid; nothing was saved.",
          errors);
    }
  }

  private static Map<String, Object> transition(
      CaseStatus from, CaseStatus to, Map<String, ?> more) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("from", from.name());
    detail.put("to", to.name());
    detail.putAll(more);
    return detail;
  }

  /** Names the parts of a draft that an edit changed, for the audit trail. */
  static List<String> changedSections(CaseContent before, CaseContent after) {
    List<String> changed = new ArrayList<>();
    if (!Objects.equals(before.contactName(), after.contactName())
        || !Objects.equals(before.contactEmail(), after.contactEmail())
        || !Objects.equals(before.contactPhone(), after.contactPhone())) {
      changed.add("contact");
    }
    if (!before.items().equals(after.items())) {
      changed.add("items");
    }
    if (!before.parties().equals(after.parties())) {
      changed.add("parties");
    }
    if (!before.destinations().equals(after.destinations())) {
      changed.add("destinations");
    }
    if (!Objects.equals(before.endUseStatement(), after.endUseStatement())) {
      changed.add("endUseStatement");
    }
    return changed;
  }
}
