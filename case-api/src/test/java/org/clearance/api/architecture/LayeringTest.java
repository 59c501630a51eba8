package org.clearance.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of case-api, checked on the sources: HTTP types stay in the REST layer,
 * services are the transaction boundary and the only users of repositories. Plain JUnit, no
 * Quarkus: it reads {@code src/main/java} of the module the tests run in.
 */
class LayeringTest {

  private static final Path SOURCES = Path.of("src/main/java/org/clearance/api");

  private static final Pattern REST_IMPORT =
      Pattern.compile(
          "^import\\s+(static\\s+)?org\\.clearance\\.api\\.common\\.rest\\.", Pattern.MULTILINE);
  private static final Pattern TRANSACTIONAL =
      Pattern.compile("@(jakarta\\.transaction\\.)?Transactional\\b|QuarkusTransaction\\.");
  private static final Pattern REPOSITORY = Pattern.compile("\\b[A-Z][A-Za-z0-9]*Repository\\b");

  @Test
  void shouldKeepCommonRestOutOfServicesWorkersAndDomain() {
    // given
    List<Path> outsideRest = sources().filter(file -> !inRestLayer(file)).toList();

    // when
    List<String> offenders =
        outsideRest.stream()
            .filter(file -> REST_IMPORT.matcher(read(file)).find())
            .map(this::name)
            .toList();

    // then
    assertThat(outsideRest).hasSizeGreaterThan(50);
    assertThat(offenders)
        .as("files outside */rest/ that import org.clearance.api.common.rest")
        .isEmpty();
  }

  @Test
  void shouldLeaveTransactionsToServices() {
    // given
    List<Path> resources = resources();

    // when
    List<String> offenders =
        resources.stream()
            .filter(file -> TRANSACTIONAL.matcher(code(read(file))).find())
            .map(this::name)
            .toList();

    // then
    assertThat(resources).hasSizeGreaterThan(10);
    assertThat(offenders).as("resources that open transactions").isEmpty();
  }

  @Test
  void shouldLeaveRepositoriesToServices() {
    // given
    List<Path> resources = resources();

    // when
    List<String> offenders =
        resources.stream()
            .filter(file -> REPOSITORY.matcher(code(read(file))).find())
            .map(this::name)
            .toList();

    // then
    assertThat(offenders).as("resources that use a *Repository").isEmpty();
  }

  @Test
  void shouldRecogniseTheRulesItChecks() {
    // A guard against patterns that match nothing: each rule catches its offence.
    assertThat(REST_IMPORT.matcher("import org.clearance.api.common.rest.Problem;").find())
        .isTrue();
    assertThat(TRANSACTIONAL.matcher(code("  @Transactional\n  public void x() {}")).find())
        .isTrue();
    assertThat(TRANSACTIONAL.matcher(code("  // not @Transactional: services are\n")).find())
        .isFalse();
    assertThat(REPOSITORY.matcher(code("  private final CaseRepository cases;")).find()).isTrue();
  }

  private static Stream<Path> sources() {
    assertThat(SOURCES).as("run from the case-api module directory").isDirectory();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> resources() {
    return sources()
        .filter(LayeringTest::inRestLayer)
        .filter(file -> file.getFileName().toString().endsWith("Resource.java"))
        .toList();
  }

  private static boolean inRestLayer(Path file) {
    Path relative = SOURCES.relativize(file);
    for (Path part : relative) {
      if (part.toString().equals("rest")) {
        return true;
      }
    }
    return false;
  }

  /** The source without comments, so that prose about a rule does not break it. */
  private static String code(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String name(Path file) {
    return SOURCES.relativize(file).toString();
  }
}
