package org.clearance.api.determination.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.clearance.api.determination.domain.CountryGroup;
import org.clearance.api.determination.domain.CountryGroupMembership;
import org.jboss.logging.Logger;

/** The date-effective country-group table: which groups a country belongs to on a given day. */
@ApplicationScoped
public class CountryGroupService {

  private static final Logger LOG = Logger.getLogger(CountryGroupService.class);

  private final EntityManager em;

  CountryGroupService(EntityManager em) {
    this.em = em;
  }

  /**
   * The most restrictive group of any destination on {@code day} ({@code NONE} if in none). One
   * query per country: a case has a handful of destinations, and a single-valued parameter keeps
   * Hibernate's interpreted query cached, which an {@code in :list} parameter would not.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public CountryGroup mostRestrictive(Collection<String> countryCodes, LocalDate day) {
    CountryGroup most = CountryGroup.NONE;
    for (String countryCode : new TreeSet<>(countryCodes)) {
      for (CountryGroupMembership membership :
          em.createQuery(
                  "from CountryGroupMembership m where m.countryCode = :country",
                  CountryGroupMembership.class)
              .setParameter("country", countryCode)
              // Reference data: nothing dirty in this session can change the answer.
              .setFlushMode(FlushModeType.COMMIT)
              .getResultList()) {
        if (membership.isValidOn(day) && membership.group().compareTo(most) > 0) {
          most = membership.group();
        }
      }
    }
    return most;
  }

  /** Memberships in force on {@code day}, optionally of one country, ordered for reading. */
  @Transactional
  public List<CountryGroupMembership> inForce(LocalDate day, String countryCode) {
    return em
        .createQuery(
            "from CountryGroupMembership m where (:country is null or m.countryCode = :country)"
                + " order by m.countryCode, m.groupCode",
            CountryGroupMembership.class)
        .setParameter("country", countryCode)
        .getResultList()
        .stream()
        .filter(m -> m.isValidOn(day))
        .toList();
  }

  /**
   * Sets a country's groups from {@code from} on: memberships in force that day end there, the new
   * ones start there. History stays, so cases filed earlier keep their route.
   */
  @Transactional
  public List<CountryGroupMembership> change(
      String countryCode, Set<CountryGroup> groups, LocalDate from, String changedBy) {
    List<CountryGroupMembership> current =
        em.createQuery(
                "from CountryGroupMembership m where m.countryCode = :country"
                    + " and (m.validTo is null or m.validTo > :from)",
                CountryGroupMembership.class)
            .setParameter("country", countryCode)
            .setParameter("from", from)
            .getResultList();
    for (CountryGroupMembership membership : current) {
      if (membership.validFrom().isBefore(from)) {
        membership.endOn(from);
      } else {
        em.remove(membership); // it had not started yet: the new setting replaces it
      }
    }
    for (CountryGroup group : groups) {
      if (group != CountryGroup.NONE) {
        em.persist(new CountryGroupMembership(countryCode, group, from, changedBy));
      }
    }
    em.flush();
    LOG.infof("country groups of %s from %s set to %s by %s", countryCode, from, groups, changedBy);
    return inForce(from, countryCode);
  }
}
