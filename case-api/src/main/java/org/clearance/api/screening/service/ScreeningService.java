package org.clearance.api.screening.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.clearance.api.audit.service.AuditService;
import org.clearance.api.cases.domain.CaseStatus;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.cases.service.CaseAccess;
import org.clearance.api.common.rest.ProblemException;
import org.clearance.api.parties.domain.CaseParty;
import org.clearance.api.screening.domain.RestrictedParty;
import org.clearance.api.screening.domain.ScreeningMatch;
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

  /** Jaro-Winkler score from which a name is a potential match. */
  static final double THRESHOLD = 0.85;

  private static final Logger LOG = Logger.getLogger(ScreeningService.class);

  private final EntityManager em;
  private final CaseProgress progress;
  private final ProcessedJobs processed;
  private final AuditService audit;
  private final Clock clock;
  private final Caller caller;
  private final CaseAccess access;

  ScreeningService(
      EntityManager em,
      CaseProgress progress,
      ProcessedJobs processed,
      AuditService audit,
      Clock clock,
      Caller caller,
      CaseAccess access) {
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
      List<RestrictedParty> list = listed();
      List<ScreeningMatch> found = match(exportCase, list);
      found.forEach(em::persist);
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("potentialMatches", found.size());
      detail.put("algorithm", NameMatcher.ALGORITHM);
      detail.put(
          "listVersions", new TreeSet<>(list.stream().map(RestrictedParty::listVersion).toList()));
      audit.record(caseId, CaseProgress.WORKFLOW, "PARTIES_SCREENED", detail);
      LOG.infof("case %s screened: %d potential match(es)", exportCase.reference(), found.size());
    }
    return matchesOf(caseId).size();
  }

  /** Matches of a case the caller may read; screening results are for staff only. */
  @Transactional
  public List<ScreeningMatch> matchesForStaff(UUID caseId) {
    if (!caller.isCaseStaff()) {
      throw ProblemException.forbidden(
          "Screening results are for auditors, legal reviewers, approvers and managers.");
    }
    access.readable(caseId);
    return matchesOf(caseId);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public List<ScreeningMatch> matchesOf(UUID caseId) {
    return em.createQuery(
            "from ScreeningMatch m where m.caseId = :caseId order by m.id", ScreeningMatch.class)
        .setParameter("caseId", caseId)
        .getResultList();
  }

  private List<ScreeningMatch> match(ExportCase exportCase, List<RestrictedParty> list) {
    Instant now = clock.instant();
    var matches = new java.util.ArrayList<ScreeningMatch>();
    for (CaseParty party : exportCase.parties()) {
      CaseParty.Content content = party.content();
      if (content.name() == null) {
        continue;
      }
      for (RestrictedParty listed : list) {
        String best = null;
        double bestScore = 0;
        for (String name : listed.allNames()) {
          double score = NameMatcher.score(content.name(), name);
          if (score > bestScore) {
            bestScore = score;
            best = name;
          }
        }
        if (bestScore >= THRESHOLD) {
          matches.add(
              new ScreeningMatch(
                  exportCase.id(),
                  content.name(),
                  content.role().name(),
                  listed,
                  best,
                  BigDecimal.valueOf(bestScore).setScale(4, RoundingMode.HALF_UP),
                  NameMatcher.ALGORITHM,
                  now));
        }
      }
    }
    return matches;
  }

  private List<RestrictedParty> listed() {
    return em.createQuery("from RestrictedParty p order by p.id", RestrictedParty.class)
        // Reference data: nothing this transaction changed can alter the list.
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList();
  }
}
