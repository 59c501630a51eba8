package org.clearance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's dependencies run one way, from the gateways down (see the README's "Inside the
 * engine"). Checked on the sources, so a wrong import fails the build with the file that has it.
 */
class EngineLayeringTest {

  private static final Path SOURCES = Path.of("src/main/java/org/clearance/engine");
  private static final Pattern IMPORT =
      Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);

  private record Source(String pkg, Path file, List<String> imports) {}

  private static List<Source> sources() throws IOException {
    var sources = new ArrayList<Source>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        var imports = new ArrayList<String>();
        var matcher = IMPORT.matcher(text);
        while (matcher.find()) {
          imports.add(matcher.group(2));
        }
        // fully qualified uses in code count as imports too
        var qualified =
            Pattern.compile("\\b(org\\.clearance\\.engine\\.\\w+|io\\.grpc)\\.").matcher(text);
        while (qualified.find()) {
          imports.add(qualified.group(1) + ".");
        }
        String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
        sources.add(new Source(pkg, file, imports));
      }
    }
    return sources;
  }

  private static List<String> violations(java.util.function.Predicate<Source> in, Pattern banned)
      throws IOException {
    var found = new ArrayList<String>();
    for (Source source : sources()) {
      if (!in.test(source)) {
        continue;
      }
      for (String imported : source.imports()) {
        if (banned.matcher(imported).lookingAt()) {
          found.add(source.file() + " imports " + imported);
        }
      }
    }
    return found;
  }

  @Test
  void shouldKeepProtocolsInTheGateway() throws IOException {
    assertThat(
            violations(
                s -> !s.pkg().equals("gateway"),
                Pattern.compile(
                    "org\\.clearance\\.engine\\.gateway\\.|io\\.grpc\\.|io\\.camunda\\.zeebe\\.gateway\\.")))
        .isEmpty();
  }

  @Test
  void shouldKeepTheCommandPackageAtTheGround() throws IOException {
    assertThat(
            violations(
                s -> s.pkg().equals("command"),
                Pattern.compile("org\\.clearance\\.engine\\.(?!command\\.|config\\.)")))
        .isEmpty();
  }

  @Test
  void shouldKeepTheRecordLogBelowWhatItRecords() throws IOException {
    assertThat(
            violations(
                s -> s.pkg().equals("record"),
                Pattern.compile(
                    "org\\.clearance\\.engine\\.(runtime|deployment|job|message|timer|incident)\\.")))
        .isEmpty();
  }

  @Test
  void shouldNotHoldBeansTogetherWithLazyLookups() throws IOException {
    assertThat(
            violations(s -> true, Pattern.compile("jakarta\\.enterprise\\.inject\\.Instance\\b")))
        .isEmpty();
  }

  @Test
  void shouldLetOnlyRuntimeRunTheBpmnProcessorInternals() throws IOException {
    // behaviours are package-private: a handler outside runtime sees only the processor's commands
    var behaviours = new ArrayList<String>();
    try (Stream<Path> files = Files.list(SOURCES.resolve("runtime"))) {
      for (Path file : files.filter(f -> f.toString().endsWith("Behavior.java")).toList()) {
        if (Files.readString(file).contains("\npublic ")) {
          behaviours.add(file.toString());
        }
      }
    }
    assertThat(behaviours).isEmpty();
  }
}
