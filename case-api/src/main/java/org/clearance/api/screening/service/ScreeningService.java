package org.clearance.api.screening.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.api.audit.service.AuditService;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.cases.service.CaseAccess;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.parties.domain.CaseParty;
import org.clearance.api.screening.domain.RestrictedParty;
import org.clearance.api.screening.domain.ScreeningMatch;
import org.clearance.api.screening.index.CandidateIndex;
import org.clearance.api.screening.matching.Hit;
import org.clearance.api.screening.matching.MatchingSettings;
import org.clearance.api.screening.matching.NameNormaliser;
import org.clearance.api.screening.matching.NameScorer;
import org.clearance.api.screening.matching.PartyType;
import org.clearance.api.screening.matching.ScreeningQuery;
import org.clearance.api.security.service.Caller;
import org.clearance.api.workflow.service.CaseProgress;
import org.clearance.api.workflow.service.ProcessedJobs;
import org.jboss.logging.Logger;

/**
 * Screens every party of a case against the restricted-party list and keeps each potential match
 * (score, list version, algorithm) for a legal reviewer to dispose of.
 */
@ApplicationScoped
public class ScreeningService {

  public static final String JOB_TYPE = "clearance.screening.parties";

  private static final Logger LOG = Logger.getLogger(ScreeningService.class);

  private final EntityManager em;
  private final CaseProgress progress;
  private final ProcessedJobs processed;
  private final AuditService audit;
  private final Clock clock;
  private final Caller caller;
  private final CaseAccess access;
  private final ScreeningIndex index;
  private final ScreeningConfig config;
  private final ObjectMapper json;

  ScreeningService(
      EntityManager em,
      CaseProgress progress,
      ProcessedJobs processed,
      AuditService audit,
      Clock clock,
      Caller caller,
      CaseAccess access,
      ScreeningIndex index,
      ScreeningConfig config,
      ObjectMapper json) {
    this.index = index;
    this.config = config;
    this.json = json;
    this.caller = caller;
    this.access = access;
    this.em = em;
    this.progress = progress;
    this.processed = processed;
    this.audit = audit;
    this.clock = clock;
  }

  /** Screens the case once (a repeated job reuses the stored result); returns the match count. */
  @Transactional
  public int screen(UUID caseId, long jobKey) {
    ExportCase exportCase = progress.lock(caseId);
    if (processed.firstTime(jobKey, JOB_TYPE, caseId) && !exportCase.status().isTerminal()) {
      progress.move(
          exportCase, CaseStatus.SCREENING, CaseProgress.WORKFLOW, "SCREENING_STARTED", Map.of());
      CandidateIndex index = this.index.get();
      List<String> suppressed = new java.util.ArrayList<>();
      List<ScreeningMatch> found = match(exportCase, index, suppressed);
      found.forEach(em::persist);
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("potentialMatches", found.size());
      if (!suppressed.isEmpty()) {
        detail.put("notRaisedAgain", suppressed);
      }
      detail.put("algorithm", NameScorer.ALGORITHM);
      detail.put("listVersions", listVersions());
      audit.record(caseId, CaseProgress.WORKFLOW, "PARTIES_SCREENED", detail);
      LOG.infof("case %s screened: %d potential match(es)", exportCase.reference(), found.size());
    }
    return matchesOf(caseId).size();
  }

  /**
   * Screens a (locked) case again against the lists in force and stores only the hits it has not
   * had before: no earlier match of the same party with the same entry as it now reads, and no
   * remembered false match. Returns them.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<ScreeningMatch> newHits(ExportCase exportCase) {
    List<ScreeningMatch> fresh = new java.util.ArrayList<>();
    for (ScreeningMatch m : match(exportCase, index.get())) {
      boolean known =
          !em.createNativeQuery(
                  "SELECT 1 FROM cases.screening_match WHERE case_id = ?1 AND party_name = ?2 AND"
                      + " entry_key = ?3 AND entry_content_hash = ?4")
              .setParameter(1, m.caseId())
              .setParameter(2, m.partyName())
              .setParameter(3, m.entryKey())
              .setParameter(4, m.entryContentHash())
              .getResultList()
              .isEmpty();
      if (!known) {
        em.persist(m);
        fresh.add(m);
      }
    }
    return fresh;
  }

  /** Matches of a case the caller may read; screening results are for staff only. */
  @Transactional
  public List<ScreeningMatch> matchesForStaff(UUID caseId) {
    if (!caller.isCaseStaff()) {
      throw Rejection.forbidden(
          "Screening results are for auditors, legal reviewers, approvers and managers.");
    }
    access.readable(caseId);
    return matchesOf(caseId);
  }

  /** The labels of the list versions in force, one per source. */
  @SuppressWarnings("unchecked")
  private List<String> listVersions() {
    return em.createNativeQuery(
            "SELECT label FROM cases.list_version WHERE id IN"
                + " (SELECT max(id) FROM cases.list_version GROUP BY source) ORDER BY label")
        .getResultList();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public List<ScreeningMatch> matchesOf(UUID caseId) {
    return em.createQuery(
            "from ScreeningMatch m where m.caseId = :caseId order by m.id", ScreeningMatch.class)
        .setParameter("caseId", caseId)
        .getResultList();
  }

  /** The party name as remembered decisions key it: normalised, legal forms kept. */
  static String nameKey(ScreeningQuery query) {
    String key = query.normalised().text();
    return key.length() > 300 ? key.substring(0, 300) : key;
  }

  private boolean rememberedFalse(String nameKey, String country, RestrictedParty listed) {
    return !em.createNativeQuery(
            "SELECT 1 FROM cases.screening_false_match WHERE party_name_key = ?1 AND"
                + " party_country = ?2 AND entry_key = ?3 AND entry_content_hash = ?4")
        .setParameter(1, nameKey)
        .setParameter(2, country)
        .setParameter(3, listed.entryKey())
        .setParameter(4, listed.contentHash())
        .getResultList()
        .isEmpty();
  }

  /**
   * Remembers the false-match decisions among these disposed matches (party name + country + entry
   * as it read), so that later screenings do not raise them again; called in the adjudication's
   * transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void rememberDecisions(List<ScreeningMatch> disposed) {
    for (ScreeningMatch m : disposed) {
      if (m.disposition() != ScreeningMatch.Disposition.FALSE_MATCH
          || m.partyNameKey() == null
          || m.entryKey() == null
          || m.entryContentHash() == null) {
        continue;
      }
      em.createNativeQuery(
              "INSERT INTO cases.screening_false_match (party_name_key, party_country, entry_key,"
                  + " entry_content_hash, match_id, reason, decided_by, decided_at) VALUES (?1,"
                  + " ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT ON CONSTRAINT"
                  + " screening_false_match_unique DO NOTHING")
          .setParameter(1, m.partyNameKey())
          .setParameter(2, m.partyCountry() == null ? "" : m.partyCountry())
          .setParameter(3, m.entryKey())
          .setParameter(4, m.entryContentHash())
          .setParameter(5, m.id())
          .setParameter(6, m.dispositionReason())
          .setParameter(7, m.disposedBy())
          .setParameter(8, clock.instant())
          .executeUpdate();
    }
  }

  private List<ScreeningMatch> match(ExportCase exportCase, CandidateIndex index) {
    return match(exportCase, index, new java.util.ArrayList<>());
  }

  private List<ScreeningMatch> match(
      ExportCase exportCase, CandidateIndex index, List<String> suppressed) {
    Instant now = clock.instant();
    NameScorer scorer = scorer();
    var matches = new java.util.ArrayList<ScreeningMatch>();
    for (CaseParty party : exportCase.parties()) {
      CaseParty.Content content = party.content();
      if (content.name() == null) {
        continue;
      }
      ScreeningQuery query =
          ScreeningQuery.of(content.name(), PartyType.UNKNOWN, content.country(), null);
      String nameKey = nameKey(query);
      String country = query.country() == null ? "" : query.country();
      for (Hit hit : index.screen(query, scorer, config.matchThreshold())) {
        RestrictedParty listed = em.find(RestrictedParty.class, hit.entry().id());
        if (rememberedFalse(nameKey, country, listed)) {
          suppressed.add(content.name() + " ~ " + hit.matchedName().original());
          continue;
        }
        matches.add(
            new ScreeningMatch(
                    exportCase.id(),
                    content.name(),
                    content.role().name(),
                    listed,
                    hit.matchedName().original(),
                    hit.matchedName().kind().name(),
                    BigDecimal.valueOf(hit.score()).setScale(4, RoundingMode.HALF_UP),
                    NameScorer.ALGORITHM,
                    json(hit.explanation()),
                    now)
                .withParty(query.country(), nameKey));
      }
    }
    return matches;
  }

  /** The ranked, explained hits for one name, for staff and admins (the ad-hoc search). */
  public record SearchResult(
      String algorithm,
      List<String> listVersions,
      double matchThreshold,
      int limit,
      boolean more,
      List<Hit> hits) {}

  /** Hits a search returns unless it asks for another number. */
  public static final int SEARCH_LIMIT = 50;

  static final int SEARCH_LIMIT_MAX = 500;

  @Transactional
  public SearchResult search(
      String name, String type, String country, String birthDate, Integer limit) {
    if (!caller.isCaseStaff() && !caller.hasRole(Caller.ADMIN)) {
      throw Rejection.forbidden(
          "Screening a name is for legal reviewers, auditors, approvers, managers and admins.");
    }
    List<FieldError> errors = new java.util.ArrayList<>();
    if (name == null || name.isBlank()) {
      errors.add(new FieldError("name", "is required"));
    } else if (name.length() > 300) {
      errors.add(new FieldError("name", "must not be longer than 300 characters"));
    } else if (NameNormaliser.normalise(name).isEmpty()) {
      errors.add(new FieldError("name", "has no letters or digits to compare"));
    }
    if (country != null && !country.isBlank() && !country.strip().matches("[A-Za-z]{2}")) {
      errors.add(new FieldError("country", "must be an ISO 3166-1 alpha-2 code"));
    }
    PartyType partyType = PartyType.parse(type);
    if (type != null
        && !type.isBlank()
        && partyType != PartyType.PERSON
        && partyType != PartyType.ORGANISATION) {
      errors.add(new FieldError("type", "must be PERSON or ORGANISATION"));
    }
    if (birthDate != null && !birthDate.isBlank() && !validDate(birthDate.strip())) {
      errors.add(new FieldError("birthDate", "must be YYYY or YYYY-MM-DD"));
    }
    if (limit != null && (limit < 1 || limit > SEARCH_LIMIT_MAX)) {
      errors.add(new FieldError("limit", "must be between 1 and " + SEARCH_LIMIT_MAX));
    }
    if (!errors.isEmpty()) {
      throw Rejection.invalid(
          "validation-failed",
          "The screening request has invalid fields",
          errors.size() + " field(s) are invalid.",
          errors);
    }
    ScreeningQuery query = ScreeningQuery.of(name.strip(), partyType, country, birthDate);
    int wanted = limit == null ? SEARCH_LIMIT : limit;
    CandidateIndex.Ranked ranked = index.get().top(query, scorer(), wanted);
    return new SearchResult(
        NameScorer.ALGORITHM,
        listVersions(),
        config.matchThreshold(),
        wanted,
        ranked.more(),
        ranked.hits());
  }

  private static boolean validDate(String value) {
    if (value.matches("\\d{4}")) {
      return true;
    }
    try {
      java.time.LocalDate.parse(value);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /** The scorer with the configured thresholds. */
  public NameScorer scorer() {
    return new NameScorer(
        MatchingSettings.DEFAULTS.withThresholds(
            config.matchThreshold(), config.reportThreshold()));
  }

  private String json(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an explanation could not be written as JSON", e);
    }
  }
}
