package org.clearance.api.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Year;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<ExportCase, UUID> {

  /** Loads a case and locks its row until the transaction ends (one writer per case). */
  public Optional<ExportCase> findByIdForUpdate(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** The next reference, EL-<year>-<6 digits>; the sequence never hands out a number twice. */
  public String nextReference(Year year) {
    Number next =
        (Number)
            getEntityManager()
                .createNativeQuery("select nextval('cases.case_reference_sequence')")
                .getSingleResult();
    return String.format("EL-%d-%06d", year.getValue(), next.longValue());
  }
}
