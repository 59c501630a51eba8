package org.clearance.api.documents.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The bytes of a document, loaded only when someone downloads it. */
@Entity
@Table(name = "case_document_content")
public class DocumentContent {

  @Id
  @Column(name = "document_id")
  private UUID documentId;

  @Column(nullable = false, updatable = false)
  private byte[] content;

  protected DocumentContent() {}

  public DocumentContent(UUID documentId, byte[] content) {
    this.documentId = documentId;
    this.content = content;
  }

  public byte[] bytes() {
    return content;
  }
}
