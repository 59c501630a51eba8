package org.clearance.engine.conformance;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The DMN files under {@code src/test/resources/dmn/}, with their DRG and decision ids made unique
 * per test (decision versions count per id across the whole engine).
 */
final class DmnModels {

  private DmnModels() {}

  /** The file with each given id (and every reference to it) suffixed. */
  static byte[] withSuffix(String file, String suffix, String... ids) {
    String text = read(file);
    for (String id : ids) {
      text = text.replace(id, id + "_" + suffix);
    }
    return text.getBytes(UTF_8);
  }

  static byte[] licenceRequirement(String suffix) {
    return withSuffix(
        "licence-requirement.dmn", suffix, "Definitions_LicenceRequirement", "licence_requirement");
  }

  static byte[] exportAssessment(String suffix) {
    return withSuffix(
        "export-assessment.dmn",
        suffix,
        "Definitions_ExportAssessment",
        "compute_profile",
        "applicable_controls",
        "export_assessment");
  }

  /** case_route requires screening_route, a UNIQUE table that fails when both hits are true. */
  static byte[] overlappingUnique(String suffix) {
    return withSuffix(
        "overlapping-unique.dmn",
        suffix,
        "Definitions_ScreeningRoute",
        "screening_route",
        "case_route");
  }

  static String read(String file) {
    try (InputStream in = DmnModels.class.getResourceAsStream("/dmn/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource /dmn/" + file);
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
