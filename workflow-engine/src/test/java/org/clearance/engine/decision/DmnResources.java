package org.clearance.engine.decision;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test DMN: the files under {@code src/test/resources/dmn/} and small inline models. */
final class DmnResources {

  private DmnResources() {}

  static byte[] file(String name) {
    try (InputStream in = DmnResources.class.getResourceAsStream("/dmn/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource /dmn/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A DMN 1.3 document with the given elements inside {@code definitions}. */
  static byte[] inline(String drgElements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                     id="Definitions_Inline" name="Inline" namespace="https://clearance.example.org/dmn">
        %s
        </definitions>
        """
        .formatted(drgElements)
        .getBytes(UTF_8);
  }

  /** A decision whose logic is one literal expression. */
  static String literalDecision(String id, String expression) {
    return """
        <decision id="%1$s" name="%1$s">
          <literalExpression id="LiteralExpression_%1$s"><text>%2$s</text></literalExpression>
        </decision>
        """
        .formatted(id, expression);
  }
}
