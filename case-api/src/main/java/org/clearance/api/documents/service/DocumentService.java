package org.clearance.api.documents.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.clearance.api.audit.service.AuditService;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.cases.service.CaseAccess;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.error.Rejection;
import org.clearance.api.documents.domain.CaseDocument;
import org.clearance.api.documents.domain.DocumentRepository;
import org.clearance.api.security.service.Caller;

/** Supporting documents: stored with their SHA-256, served back byte for byte. */
@ApplicationScoped
public class DocumentService {

  /** A document and its bytes, for a download. */
  public record Download(CaseDocument document, byte[] bytes) {}

  /** What arrived in an upload (spooled to a temporary file), before any check. */
  public record Upload(String filename, String contentType, long size, Path file) {}

  private final DocumentRepository documents;
  private final CaseAccess access;
  private final AuditService audit;
  private final DocumentConfig config;
  private final Caller caller;
  private final Clock clock;

  DocumentService(
      DocumentRepository documents,
      CaseAccess access,
      AuditService audit,
      DocumentConfig config,
      Caller caller,
      Clock clock) {
    this.documents = documents;
    this.access = access;
    this.audit = audit;
    this.config = config;
    this.caller = caller;
    this.clock = clock;
  }

  @Transactional
  public List<CaseDocument> list(UUID caseId) {
    access.readable(caseId);
    return documents.ofCase(caseId);
  }

  private void checkLimits(String contentType, long size) {
    long max = config.maxSize().asLongValue();
    if (size > max) {
      throw Rejection.tooLarge(
          "document-too-large",
          "The document is too large",
          "A document may have at most " + max + " bytes; this one has " + size + ".");
    }
    if (size == 0) {
      throw Rejection.invalid(
          "validation-failed",
          "The document is empty",
          "An empty file is not a supporting document.",
          List.of(new FieldError("file", "must not be empty")));
    }
    if (!config.allowedContentTypes().contains(baseType(contentType))) {
      throw Rejection.unsupportedType(
          "unsupported-document-type",
          "The document type is not accepted",
          "Accepted types are " + config.allowedContentTypes().stream().sorted().toList() + ".");
    }
  }

  @Transactional
  public CaseDocument upload(UUID caseId, Upload upload) {
    ExportCase exportCase = access.acceptingDocuments(caseId, "add supporting documents");
    checkLimits(upload.contentType(), upload.size());
    byte[] bytes = read(upload.file());
    var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    CaseDocument document =
        new CaseDocument(
            caseId,
            safeFilename(upload.filename()),
            baseType(upload.contentType()),
            bytes.length,
            sha256(bytes),
            caller.username(),
            now);
    documents.store(document, bytes);
    exportCase.touch(now);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("documentId", document.id().toString());
    detail.put("filename", document.filename());
    detail.put("size", document.size());
    detail.put("sha256", document.sha256());
    audit.record(caseId, caller.username(), "DOCUMENT_ADDED", detail);
    return document;
  }

  @Transactional
  public Download download(UUID caseId, UUID documentId) {
    access.readable(caseId);
    CaseDocument document = find(caseId, documentId);
    return new Download(document, documents.bytesOf(document));
  }

  @Transactional
  public void remove(UUID caseId, UUID documentId) {
    ExportCase exportCase = access.draftForUpdate(caseId, "remove supporting documents");
    CaseDocument document = find(caseId, documentId);
    documents.remove(document);
    exportCase.touch(clock.instant());
    audit.record(
        caseId,
        caller.username(),
        "DOCUMENT_REMOVED",
        Map.of(
            "documentId", document.id().toString(),
            "filename", document.filename(),
            "sha256", document.sha256()));
  }

  private CaseDocument find(UUID caseId, UUID documentId) {
    return documents
        .ofCase(caseId, documentId)
        .orElseThrow(() -> Rejection.notFound("Document " + documentId));
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the uploaded file", e);
    }
  }

  static String baseType(String contentType) {
    if (contentType == null) {
      return "application/octet-stream";
    }
    int semicolon = contentType.indexOf(';');
    String base = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return base.strip().toLowerCase(Locale.ROOT);
  }

  /** Keeps the last path segment only, without control characters, at most 255 characters. */
  static String safeFilename(String filename) {
    if (filename == null || filename.isBlank()) {
      return "document";
    }
    String name = filename.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
    if (name.isEmpty()) {
      return "document";
    }
    return name.length() > 255 ? name.substring(name.length() - 255) : name;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
