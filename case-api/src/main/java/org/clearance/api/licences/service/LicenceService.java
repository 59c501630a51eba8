package org.clearance.api.licences.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.clearance.api.audit.service.AuditService;
import org.clearance.api.cases.domain.CaseRepository;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.cases.domain.event.CaseDecided;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.items.domain.CaseItem;
import org.clearance.api.licences.domain.Licence;
import org.clearance.api.licences.domain.LicenceDocument;
import org.clearance.api.licences.domain.LicenceItem;
import org.clearance.api.licences.domain.LicenceParty;
import org.clearance.api.licences.domain.LicenceRepository;
import org.clearance.api.licences.domain.LicenceStatus;
import org.clearance.api.licences.domain.event.LicenceStatusChanged;
import org.clearance.api.parties.domain.CaseParty;
import org.clearance.api.parties.domain.PartyRole;
import org.jboss.logging.Logger;

/**
 * Issues licences for approved cases and changes their status. Every change appends an audit event
 * to the licence's case in the same transaction.
 */
@ApplicationScoped
public class LicenceService {

  /** The actor of issues and expiries: the process, not a person. */
  public static final String SYSTEM_ACTOR = "system";

  private static final Logger LOG = Logger.getLogger(LicenceService.class);
  private static final int MAX_CONDITION = 2000;
  private static final int EXPIRY_BATCH = 200;

  /** Cases a licence may be issued for; the last approval steps move to APPROVED on issue. */
  private static final Set<CaseStatus> ISSUABLE =
      EnumSet.of(CaseStatus.AWAITING_APPROVAL, CaseStatus.COUNTERSIGN, CaseStatus.APPROVED);

  private final LicenceRepository licences;
  private final CaseRepository cases;
  private final LicenceDocumentRenderer renderer;
  private final AuditService audit;
  private final LicenceConfig config;
  private final Clock clock;
  private final Event<CaseDecided> caseDecided;
  private final Event<LicenceStatusChanged> statusChanged;

  LicenceService(
      LicenceRepository licences,
      CaseRepository cases,
      LicenceDocumentRenderer renderer,
      AuditService audit,
      LicenceConfig config,
      Clock clock,
      Event<CaseDecided> caseDecided,
      Event<LicenceStatusChanged> statusChanged) {
    this.licences = licences;
    this.cases = cases;
    this.renderer = renderer;
    this.audit = audit;
    this.config = config;
    this.clock = clock;
    this.caseDecided = caseDecided;
    this.statusChanged = statusChanged;
  }

  /**
   * Issues the licence of an approved case in the caller's transaction, and approves the case if it
   * still waits for approval or countersignature. Idempotent: a case that already has a licence
   * gets that licence back, and nothing else happens (a retried job issues nothing twice).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Licence issue(UUID caseId, LicenceTerms terms) {
    // The case row lock serialises concurrent issues of one case (a job retried while running).
    ExportCase exportCase =
        cases.findByIdForUpdate(caseId).orElseThrow(() -> Rejection.notFound("Case " + caseId));
    Optional<Licence> existing = licences.findByCaseId(caseId);
    if (existing.isPresent()) {
      LOG.infof(
          "case %s already has licence %s; not issuing another",
          exportCase.reference(), existing.get().number());
      return existing.get();
    }
    if (!ISSUABLE.contains(exportCase.status())) {
      throw Rejection.conflict(
          "case-not-approvable",
          "No licence can be issued for this case",
          "Case "
              + exportCase.reference()
              + " is "
              + exportCase.status()
              + "; licences are issued for cases awaiting approval, countersigned or approved.");
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, config.zone());
    LocalDate validFrom = terms.validFrom() != null ? terms.validFrom() : today;
    LocalDate validUntil =
        terms.validUntil() != null
            ? terms.validUntil()
            : validFrom.plus(config.defaultValidity()).minusDays(1);
    List<String> conditions = conditions(terms);
    rejectInvalid(validFrom, validUntil, conditions);

    if (exportCase.status() != CaseStatus.APPROVED) {
      CaseStatus from = exportCase.status();
      exportCase.moveTo(CaseStatus.APPROVED, now);
      audit.record(
          caseId,
          SYSTEM_ACTOR,
          "CASE_APPROVED",
          Map.of("from", from.name(), "to", CaseStatus.APPROVED.name()));
    }

    String number = licences.nextNumber(Year.from(today));
    Licence licence =
        Licence.issue(
            number,
            caseId,
            exportCase.reference(),
            new Licence.Holder(
                exportCase.organisation(), exportCase.contactName(), exportCase.contactEmail()),
            validFrom,
            validUntil,
            exportCase.items().stream().map(LicenceService::limits).toList(),
            exportCase.destinations(),
            exportCase.parties().stream().map(LicenceService::named).toList(),
            conditions,
            now,
            SYSTEM_ACTOR);
    licences.persist(licence);
    byte[] pdf = renderer.render(licence, config.issuingAuthority());
    String sha256 = sha256(pdf);
    licences.persistDocument(new LicenceDocument(licence.id(), sha256, pdf));

    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("licenceNumber", number);
    detail.put("validFrom", validFrom.toString());
    detail.put("validUntil", validUntil.toString());
    detail.put("conditions", conditions.size());
    detail.put("documentSha256", sha256);
    audit.record(caseId, SYSTEM_ACTOR, "LICENCE_ISSUED", detail);
    caseDecided.fire(
        new CaseDecided(
            caseId,
            exportCase.reference(),
            exportCase.organisation(),
            CaseStatus.APPROVED.name(),
            "Licence " + number + " issued, valid from " + validFrom + " to " + validUntil + ".",
            now));
    LOG.infof("licence %s issued for case %s", number, exportCase.reference());
    return licence;
  }

  /** Moves a licence to a new status (suspend, reinstate, revoke) for the acting manager. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Licence changeStatus(String number, LicenceStatus target, String reason, String actor) {
    Licence licence =
        licences
            .findByNumberForUpdate(number)
            .orElseThrow(() -> Rejection.notFound("Licence " + number));
    Instant now = clock.instant();
    LicenceStatus effective = licence.statusOn(LocalDate.ofInstant(now, config.zone()));
    if (effective == LicenceStatus.EXPIRED && licence.status() != LicenceStatus.EXPIRED) {
      // Validity ended but the expiry run has not recorded it yet: record it now, then refuse.
      move(
          licence,
          LicenceStatus.EXPIRED,
          "validity ended on " + licence.validUntil(),
          SYSTEM_ACTOR,
          now);
    }
    move(licence, target, reason, actor, now);
    return licence;
  }

  /** Records the expiry of every live licence whose validity ended; returns how many. */
  @Transactional
  public int expireLapsed() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, config.zone());
    List<Licence> lapsed = licences.findLapsedForUpdate(today, EXPIRY_BATCH);
    for (Licence licence : lapsed) {
      move(
          licence,
          LicenceStatus.EXPIRED,
          "validity ended on " + licence.validUntil(),
          SYSTEM_ACTOR,
          now);
    }
    if (!lapsed.isEmpty()) {
      LOG.infof("%d licence(s) expired", lapsed.size());
    }
    return lapsed.size();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), config.zone());
  }

  private void move(
      Licence licence, LicenceStatus target, String reason, String actor, Instant now) {
    LicenceStatus from = licence.status();
    licence.moveTo(target, reason, now);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("licenceNumber", licence.number());
    detail.put("from", from.name());
    detail.put("to", target.name());
    if (reason != null) {
      detail.put("reason", reason);
    }
    audit.record(licence.caseId(), actor, auditAction(from, target), detail);
    statusChanged.fire(
        new LicenceStatusChanged(
            licence.caseId(),
            licence.caseReference(),
            licence.holderOrganisation(),
            licence.number(),
            from.name(),
            target.name(),
            reason,
            now));
    LOG.infof("licence %s moved from %s to %s by %s", licence.number(), from, target, actor);
  }

  /**
   * The audit action of a status change: the target status ({@code LICENCE_SUSPENDED}), except a
   * return from SUSPENDED to ISSUED, which is a reinstatement and not a second issue. Events
   * recorded before this distinction say {@code LICENCE_ISSUED} with {@code from: SUSPENDED}; the
   * audit chain hashes them, so they stay as they are and readers accept both.
   */
  static String auditAction(LicenceStatus from, LicenceStatus to) {
    if (from == LicenceStatus.SUSPENDED && to == LicenceStatus.ISSUED) {
      return "LICENCE_REINSTATED";
    }
    return "LICENCE_" + to.name();
  }

  private List<String> conditions(LicenceTerms terms) {
    List<String> conditions = new ArrayList<>(config.defaultConditions().orElse(List.of()));
    terms.conditions().stream()
        .filter(text -> text != null && !text.isBlank())
        .map(String::strip)
        .forEach(conditions::add);
    return conditions;
  }

  private static void rejectInvalid(
      LocalDate validFrom, LocalDate validUntil, List<String> conditions) {
    List<FieldError> errors = new ArrayList<>();
    if (validUntil.isBefore(validFrom)) {
      errors.add(new FieldError("validUntil", "must not be before validFrom (" + validFrom + ")"));
    }
    for (int i = 0; i < conditions.size(); i++) {
      if (conditions.get(i).length() > MAX_CONDITION) {
        errors.add(
            new FieldError(
                "conditions[" + i + "]",
                "must not be longer than " + MAX_CONDITION + " characters"));
      }
    }
    if (!errors.isEmpty()) {
      throw Rejection.invalid(
          "invalid-licence-terms",
          "The licence terms are invalid",
          errors.size() + " term(s) are invalid; no licence was issued.",
          errors);
    }
  }

  /** The item's requested quantity and total value become the licence's limits. */
  private static LicenceItem limits(CaseItem item) {
    CaseItem.Content content = item.content();
    BigDecimal quantity = content.quantity() == null ? BigDecimal.ZERO : content.quantity();
    BigDecimal unitValue = content.unitValue() == null ? BigDecimal.ZERO : content.unitValue();
    return new LicenceItem(
        orEmpty(content.description()),
        orEmpty(content.eccn()),
        quantity,
        orEmpty(content.unit()),
        quantity.multiply(unitValue).stripTrailingZeros(),
        orEmpty(content.currency()));
  }

  private static LicenceParty named(CaseParty party) {
    CaseParty.Content content = party.content();
    PartyRole role = content.role();
    return new LicenceParty(
        role == null ? "PARTY" : role.name(),
        orEmpty(content.name()),
        content.address(),
        content.country());
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
