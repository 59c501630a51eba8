package org.clearance.api.licences.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.licences.domain.Licence;
import org.clearance.api.licences.domain.LicenceDocument;
import org.clearance.api.licences.domain.LicenceRepository;
import org.clearance.api.licences.domain.LicenceStatus;
import org.clearance.api.security.service.Caller;

/**
 * The transaction boundary of the licence API: reading a licence, its document, and changing its
 * status, each checked against {@link LicenceAccess} and shown as a view built inside the
 * transaction, so no entity leaves it.
 */
@ApplicationScoped
public class LicenceViews {

  /** How a caller wants a licence shown; gets the status as of today and the document's digest. */
  @FunctionalInterface
  public interface LicenceView<V> {
    V of(Licence licence, LocalDate today, String documentSha256);
  }

  /** The issued document of a licence, as stored. */
  public record IssuedDocument(String licenceNumber, byte[] content, String sha256) {}

  private final LicenceAccess access;
  private final LicenceService service;
  private final LicenceRepository licences;
  private final Caller caller;

  LicenceViews(
      LicenceAccess access, LicenceService service, LicenceRepository licences, Caller caller) {
    this.access = access;
    this.service = service;
    this.licences = licences;
    this.caller = caller;
  }

  /** A licence the caller may read; 404 otherwise. */
  @Transactional
  public <V> V get(String number, LicenceView<V> view) {
    return show(access.readable(number), view);
  }

  /** The licence of a case the caller may read; 404 if the case has none (yet). */
  @Transactional
  public <V> V ofCase(UUID caseId, LicenceView<V> view) {
    return show(access.ofCase(caseId), view);
  }

  /** The document of a licence the caller may read. */
  @Transactional
  public IssuedDocument document(String number) {
    Licence licence = access.readable(number);
    LicenceDocument document = document(licence);
    return new IssuedDocument(licence.number(), document.content(), document.sha256());
  }

  /**
   * Refuses a caller who is not a manager; lets the resource answer 403 before it looks at the
   * request body, as {@link #changeStatus} would after.
   */
  public void requireManager(String action) {
    access.requireManager(action);
  }

  /**
   * Suspends, reinstates or revokes a licence as the caller (managers only; {@code action} names
   * the change in the refusal).
   */
  @Transactional
  public <V> V changeStatus(
      String number, LicenceStatus target, String reason, String action, LicenceView<V> view) {
    access.requireManager(action);
    return show(service.changeStatus(number, target, reason, caller.username()), view);
  }

  private <V> V show(Licence licence, LicenceView<V> view) {
    return view.of(licence, service.today(), document(licence).sha256());
  }

  private LicenceDocument document(Licence licence) {
    return licences
        .document(licence.id())
        .orElseThrow(() -> Rejection.notFound("The document of licence " + licence.number()));
  }
}
