package org.clearance.api.licences.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LicenceRepository implements PanacheRepositoryBase<Licence, UUID> {

  public Optional<Licence> findByNumber(String number) {
    return find("number", number).firstResultOptional();
  }

  /** Locks the licence row until the transaction ends (one status change at a time). */
  public Optional<Licence> findByNumberForUpdate(String number) {
    return find("number", number).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
  }

  public Optional<Licence> findByCaseId(UUID caseId) {
    return find("caseId", caseId).firstResultOptional();
  }

  /** Live licences whose validity ended before {@code today}, locked for the expiry run. */
  public List<Licence> findLapsedForUpdate(LocalDate today, int limit) {
    return find(
            "status in ?1 and validUntil < ?2 order by validUntil",
            List.of(LicenceStatus.ISSUED, LicenceStatus.SUSPENDED),
            today)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .page(0, limit)
        .list();
  }

  /** The next licence number, LIC-<year>-<6 digits>; the sequence never hands out one twice. */
  public String nextNumber(Year year) {
    Number next =
        (Number)
            getEntityManager()
                .createNativeQuery("select nextval('cases.licence_number_sequence')")
                .getSingleResult();
    return String.format("LIC-%d-%06d", year.getValue(), next.longValue());
  }

  public Optional<LicenceDocument> document(UUID licenceId) {
    return Optional.ofNullable(getEntityManager().find(LicenceDocument.class, licenceId));
  }

  public void persistDocument(LicenceDocument document) {
    getEntityManager().persist(document);
  }
}
