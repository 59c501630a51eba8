package org.clearance.api.rfi.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A reviewer's request for information to the applicant; the case waits for the answer. */
@Entity
@Table(name = "information_request")
public class InformationRequest {

  /** OPEN until answered, EXPIRED when the wait ran out, CLOSED when the case ended otherwise. */
  public enum Status {
    OPEN,
    ANSWERED,
    EXPIRED,
    CLOSED
  }

  @Id private UUID id;

  @Column(name = "case_id", nullable = false, updatable = false)
  private UUID caseId;

  @Column(nullable = false, updatable = false)
  private String stage;

  @Column(nullable = false, updatable = false)
  private String question;

  @Column(name = "asked_by", nullable = false, updatable = false)
  private String askedBy;

  @Column(name = "asked_at", nullable = false, updatable = false)
  private Instant askedAt;

  @Column(name = "answer_by", nullable = false, updatable = false)
  private Instant answerBy;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  private String answer;

  @Column(name = "document_ids")
  private String documentIds;

  @Column(name = "answered_by")
  private String answeredBy;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "job_key", nullable = false, updatable = false)
  private long jobKey;

  protected InformationRequest() {}

  public InformationRequest(
      UUID caseId,
      String stage,
      String question,
      String askedBy,
      Instant askedAt,
      Instant answerBy,
      long jobKey) {
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.stage = stage;
    this.question = question;
    this.askedBy = askedBy;
    this.askedAt = askedAt;
    this.answerBy = answerBy;
    this.jobKey = jobKey;
    this.status = Status.OPEN;
  }

  public void answer(String text, List<UUID> documents, String by, Instant at) {
    this.status = Status.ANSWERED;
    this.answer = text;
    this.documentIds = String.join(",", documents.stream().map(UUID::toString).toList());
    this.answeredBy = by;
    this.answeredAt = at;
  }

  public void end(Status status) {
    this.status = status;
  }

  public UUID id() {
    return id;
  }

  public UUID caseId() {
    return caseId;
  }

  public String stage() {
    return stage;
  }

  public String question() {
    return question;
  }

  public String askedBy() {
    return askedBy;
  }

  public Instant askedAt() {
    return askedAt;
  }

  public Instant answerBy() {
    return answerBy;
  }

  public Status status() {
    return status;
  }

  public String answer() {
    return answer;
  }

  public List<UUID> documentIds() {
    return documentIds == null || documentIds.isEmpty()
        ? List.of()
        : Arrays.stream(documentIds.split(",")).map(UUID::fromString).toList();
  }

  public String answeredBy() {
    return answeredBy;
  }

  public Instant answeredAt() {
    return answeredAt;
  }
}
