package org.clearance.api.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over an event's content and the previous event's hash. Each field is length-prefixed, so
 * no two different events can encode to the same bytes.
 */
public final class AuditHash {

  public static final String GENESIS = "0".repeat(64);

  private AuditHash() {}

  public static String of(AuditEvent event) {
    StringBuilder canonical = new StringBuilder();
    field(canonical, Long.toString(event.position()));
    field(canonical, event.caseId() == null ? "" : event.caseId().toString());
    // Microseconds: what PostgreSQL keeps, so a re-read event hashes the same.
    field(canonical, event.occurredAt().toString());
    field(canonical, event.actor());
    field(canonical, event.action());
    field(canonical, event.detail());
    field(canonical, event.previousHash());
    return sha256(canonical.toString());
  }

  private static void field(StringBuilder canonical, String value) {
    canonical.append(value.length()).append(':').append(value).append(';');
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
