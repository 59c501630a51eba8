package org.clearance.api.tasks.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One finding of a technical audit: its severity and what the auditor found. */
@Embeddable
public class AuditFinding {

  /** Longest text of one finding (the column is varchar(2000)). */
  public static final int MAX_TEXT = 2000;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private FindingSeverity severity;

  @Column(nullable = false, length = MAX_TEXT)
  private String text;

  protected AuditFinding() {}

  public AuditFinding(FindingSeverity severity, String text) {
    this.severity = severity;
    this.text = text;
  }

  public FindingSeverity severity() {
    return severity;
  }

  public String text() {
    return text;
  }
}
