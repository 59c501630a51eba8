package org.clearance.api.screening.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.clearance.api.screening.lists.ListFormat;
import org.jboss.logging.Logger;

/** Imports the list files named in {@code clearance.screening.startup-lists} at start-up. */
@ApplicationScoped
public class ListStartupImporter {

  private static final Logger LOG = Logger.getLogger(ListStartupImporter.class);

  private final ScreeningConfig config;
  private final ListImportService imports;

  ListStartupImporter(ScreeningConfig config, ListImportService imports) {
    this.config = config;
    this.imports = imports;
  }

  void onStart(@Observes StartupEvent start) {
    for (String spec : config.startupLists().orElse(java.util.List.of())) {
      String[] parts = spec.strip().split(":", 3);
      ListFormat format = parts.length == 3 ? ListFormat.parse(parts[0]) : null;
      if (format == null) {
        throw new IllegalArgumentException(
            "clearance.screening.startup-lists: '" + spec + "' is not format:source:path");
      }
      String source = parts[1];
      String path = parts[2];
      String checksum = checksum(path);
      if (checksum.equals(imports.latestChecksum(source))) {
        LOG.infof("list %s from %s is imported already (sha-256 %s)", source, path, checksum);
        continue;
      }
      try (InputStream in = open(path)) {
        var version = imports.importList(in, format, source, null, null, "startup");
        LOG.infof("list %s imported from %s: %d entries", source, path, version.entryCount());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the list file " + path, e);
      }
    }
  }

  private static String checksum(String path) {
    try (InputStream in = open(path)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (DigestInputStream d = new DigestInputStream(in, sha)) {
        d.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the list file " + path, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream open(String path) throws IOException {
    if (path.startsWith("classpath:")) {
      InputStream in =
          Thread.currentThread()
              .getContextClassLoader()
              .getResourceAsStream(path.substring("classpath:".length()));
      if (in == null) {
        throw new IOException("no resource " + path);
      }
      return in;
    }
    return Files.newInputStream(Path.of(path));
  }
}
