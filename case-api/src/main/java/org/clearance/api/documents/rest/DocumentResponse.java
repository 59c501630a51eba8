package org.clearance.api.documents.rest;

import java.time.Instant;
import java.util.UUID;
import org.clearance.api.documents.domain.CaseDocument;

/** A supporting document's metadata; download the bytes from {@code href}. */
public record DocumentResponse(
    UUID id,
    String filename,
    String contentType,
    long size,
    String sha256,
    String uploadedBy,
    Instant uploadedAt,
    String href) {

  public static DocumentResponse of(CaseDocument document) {
    return new DocumentResponse(
        document.id(),
        document.filename(),
        document.contentType(),
        document.size(),
        document.sha256(),
        document.uploadedBy(),
        document.uploadedAt(),
        "/api/cases/" + document.caseId() + "/documents/" + document.id());
  }
}
