package org.clearance.api.documents.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A supporting document of a case: what it is and its SHA-256; the bytes live apart. */
@Entity
@Table(name = "case_document")
public class CaseDocument {

  @Id private UUID id;

  @Column(name = "case_id", nullable = false, updatable = false)
  private UUID caseId;

  @Column(nullable = false, updatable = false)
  private String filename;

  @Column(name = "content_type", nullable = false, updatable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long size;

  @Column(nullable = false, updatable = false)
  private String sha256;

  @Column(name = "uploaded_by", nullable = false, updatable = false)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  protected CaseDocument() {}

  public CaseDocument(
      UUID caseId,
      String filename,
      String contentType,
      long size,
      String sha256,
      String uploadedBy,
      Instant uploadedAt) {
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.filename = filename;
    this.contentType = contentType;
    this.size = size;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  public UUID id() {
    return id;
  }

  public UUID caseId() {
    return caseId;
  }

  public String filename() {
    return filename;
  }

  public String contentType() {
    return contentType;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public String uploadedBy() {
    return uploadedBy;
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }
}
