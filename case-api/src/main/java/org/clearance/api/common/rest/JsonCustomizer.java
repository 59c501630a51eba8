package org.clearance.api.common.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Strict JSON for every request body of the API, whichever endpoint reads it: a duplicate key, a
 * value of the wrong JSON type (a boolean or number for a text, a fraction or text for a whole
 * number, text for a decimal) and text with a control character or a lone surrogate are rejected
 * with the offending field named (see {@link ProblemMappers#unreadableJson}), instead of being
 * coerced and stored. Decimal amounts are written as plain numbers (1000, not 1E+3).
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

  /** Applied after Quarkus' own customizers, so that these deserializers take precedence. */
  @Override
  public int priority() {
    return MINIMUM_PRIORITY;
  }

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    // Text only from JSON strings; numbers only from JSON numbers; booleans only from true/false.
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
      mapper
          .coercionConfigFor(number)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.DateTime)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    // Registered after Quarkus' JavaTimeModule, so it takes LocalDate over.
    mapper.registerModule(
        new SimpleModule("clearance-text")
            .addDeserializer(String.class, TEXT)
            .addDeserializer(LocalDate.class, new StrictLocalDateDeserializer()));
  }

  /**
   * Jackson's LocalDate reader trims the text first, and trimming drops control characters too:
   * "\\u00012031-01-01" would be read as a date. Dates are ISO strings, nothing else.
   */
  static final class StrictLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {

    StrictLocalDateDeserializer() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
      }
      String text = parser.getText();
      String problem = InputText.problemInLine(text);
      if (problem != null) {
        throw InvalidTextException.of(parser, text, problem);
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw InvalidFormatException.from(
            parser, "must be a date like 2026-12-01", text, LocalDate.class);
      }
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.DateTime;
    }
  }

  private static final StrictTextDeserializer TEXT = new StrictTextDeserializer();

  /** Reads a JSON string (only a string) and refuses characters no stored text may hold. */
  static final class StrictTextDeserializer extends StdScalarDeserializer<String> {

    StrictTextDeserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (String) context.handleUnexpectedToken(String.class, parser);
      }
      String text = parser.getText();
      String problem = InputText.problem(text);
      if (problem != null) {
        throw InvalidTextException.of(parser, text, problem);
      }
      return text;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }

    @Override
    public boolean isCachable() {
      return true;
    }
  }

  /** A JSON string holding a character the API refuses; the message says which. */
  public static final class InvalidTextException extends InvalidFormatException {

    private final String reason;

    private InvalidTextException(JsonParser parser, String text, String reason) {
      super(parser, reason, text, String.class);
      this.reason = reason;
    }

    static InvalidTextException of(JsonParser parser, String text, String reason) {
      return new InvalidTextException(parser, text, reason);
    }

    public String reason() {
      return reason;
    }
  }
}
