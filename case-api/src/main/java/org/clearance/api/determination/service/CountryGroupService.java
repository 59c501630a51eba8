package org.clearance.api.determination.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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

  /** The most restrictive group of any destination on {@code day} ({@code NONE} if in none). */
  @Transactional(Transactional.TxType.MANDATORY)
  public CountryGroup mostRestrictive(Collection<String> countryCodes, LocalDate day) {
    if (countryCodes.isEmpty()) {
      return CountryGroup.NONE;
    }
    return em
        .createQuery(
            "from CountryGroupMembership m where m.countryCode in :countries",
            CountryGroupMembership.class)
        .setParameter("countries", countryCodes)
        .getResultList()
        .stream()
        .filter(m -> m.isValidOn(day))
        .map(CountryGroupMembership::group)
        .max(Comparator.naturalOrder())
        .orElse(CountryGroup.NONE);
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
