package org.clearance.api.licences.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The licence PDF as rendered at issue; kept so that every download is the same document. */
@Entity
@Table(name = "licence_document")
public class LicenceDocument {

  @Id
  @Column(name = "licence_id")
  private UUID licenceId;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(nullable = false)
  private byte[] content;

  protected LicenceDocument() {}

  public LicenceDocument(UUID licenceId, String sha256, byte[] content) {
    this.licenceId = licenceId;
    this.sha256 = sha256;
    this.content = content;
  }

  public UUID licenceId() {
    return licenceId;
  }

  public String sha256() {
    return sha256;
  }

  public byte[] content() {
    return content;
  }
}
