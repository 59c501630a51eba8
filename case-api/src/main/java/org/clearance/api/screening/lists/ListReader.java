package org.clearance.api.screening.lists;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clearance.api.screening.matching.PartyType;

/**
 * Reads list files one entry at a time (nothing holds the whole file): the CSL CSV and JSON formats
 * and OpenSanctions FollowTheMoney JSON lines. Every problem names the line (CSV, JSON lines) or
 * the record (CSL JSON) and stops the read; the caller's transaction then keeps nothing.
 */
public final class ListReader {

  /** The CSL CSV columns the reader needs; the published header has more, read by name. */
  static final List<String> CSL_REQUIRED = List.of("_id", "source", "type", "name", "alt_names");

  static final Set<String> FTM_SCHEMATA =
      Set.of("Person", "Organization", "Company", "LegalEntity");

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_NAME = 300;

  private ListReader() {}

  /** Reads every entry, handing each to {@code sink}; returns how many it read. */
  public static long read(ListFormat format, InputStream in, Consumer<ImportedEntry> sink) {
    Reader reader =
        new BufferedReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            1 << 16);
    Set<String> keys = new HashSet<>();
    Consumer<Located> checked =
        located -> {
          if (!keys.add(located.entry.key())) {
            throw new ListFormatException(
                located.where, "entry key '" + located.entry.key() + "' appears twice");
          }
          sink.accept(located.entry);
        };
    try {
      return switch (format) {
        case CSL_CSV -> csv(reader, checked);
        case CSL_JSON -> cslJson(reader, checked);
        case FTM_JSONL -> ftm(reader, checked);
      };
    } catch (CharacterCodingException e) {
      throw new ListFormatException("file", "is not UTF-8 text");
    } catch (IOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new ListFormatException("file", "is not UTF-8 text");
      }
      throw new UncheckedIOException(e);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new ListFormatException("file", "is not UTF-8 text");
      }
      throw e;
    }
  }

  private record Located(String where, ImportedEntry entry) {}

  // ------------------------------------------------------------------ CSL CSV

  private static long csv(Reader reader, Consumer<Located> sink) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    long count = 0;
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = parser.getHeaderNames();
      for (String column : CSL_REQUIRED) {
        if (!header.contains(column)) {
          throw new ListFormatException(
              "line 1", "the header lacks the column '" + column + "' of the CSL CSV format");
        }
      }
      var records = parser.iterator();
      while (true) {
        String where = "line " + (parser.getCurrentLineNumber() + 1);
        CSVRecord r;
        try {
          if (!records.hasNext()) {
            break;
          }
          r = records.next();
        } catch (UncheckedIOException e) {
          throw new ListFormatException(
              where, "is not valid CSV (" + e.getCause().getMessage() + ")");
        }
        where = "line " + lineOf(r);
        if (!r.isConsistent()) {
          throw new ListFormatException(
              where, "has " + r.size() + " fields, the header " + header.size());
        }
        String id = r.get("_id");
        String source = r.get("source");
        String entityNumber = r.isMapped("entity_number") ? r.get("entity_number") : "";
        String key =
            !id.isBlank() ? id : (!entityNumber.isBlank() ? source + ":" + entityNumber : "");
        if (key.isBlank()) {
          throw new ListFormatException(where, "has neither _id nor entity_number");
        }
        List<String> countries = new ArrayList<>();
        countries(split(opt(r, "citizenships")), countries, where);
        countries(split(opt(r, "nationalities")), countries, where);
        for (String address : split(opt(r, "addresses"))) {
          String[] parts = address.split(",");
          String last = parts[parts.length - 1].strip().toUpperCase(Locale.ROOT);
          if (COUNTRY.matcher(last).matches()) {
            countries.add(last);
          }
        }
        sink.accept(
            new Located(
                where,
                entry(
                    where,
                    key,
                    source,
                    r.get("type"),
                    r.get("name"),
                    split(r.get("alt_names")),
                    List.of(),
                    List.of(),
                    countries,
                    dates(split(opt(r, "dates_of_birth")), where),
                    opt(r, "programs"))));
        count++;
      }
    }
    return count;
  }

  private static long lineOf(CSVRecord r) {
    // the parser counts line breaks read so far; a record starts on the line after the previous
    return r.getParser().getCurrentLineNumber();
  }

  private static String opt(CSVRecord r, String column) {
    return r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
  }

  private static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    for (String part : value.split(";")) {
      String s = part.strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ CSL JSON

  private static long cslJson(Reader reader, Consumer<Located> sink) throws IOException {
    long count = 0;
    try (JsonParser p = JSON.getFactory().createParser(reader)) {
      JsonToken first = next(p, "record 0");
      if (first == JsonToken.START_OBJECT) {
        // {"total": n, "results": [...]} as the CSL API answers
        boolean found = false;
        while (next(p, "record 0") == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = next(p, "record 0");
          if ("results".equals(field) && value == JsonToken.START_ARRAY) {
            found = true;
            break;
          }
          p.skipChildren();
        }
        if (!found) {
          throw new ListFormatException("record 0", "the object has no \"results\" array");
        }
      } else if (first != JsonToken.START_ARRAY) {
        throw new ListFormatException(
            "record 0", "expected an array of entries or {\"results\": [...]}");
      }
      while (true) {
        String where = "record " + (count + 1) + " (line " + p.currentLocation().getLineNr() + ")";
        JsonToken t = next(p, where);
        if (t == JsonToken.END_ARRAY) {
          break;
        }
        if (t != JsonToken.START_OBJECT) {
          throw new ListFormatException(where, "is not a JSON object");
        }
        JsonNode r;
        try {
          r = p.readValueAsTree();
        } catch (JsonProcessingException e) {
          throw new ListFormatException(
              where, "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        String id = text(r, "_id");
        String source = text(r, "source");
        String entityNumber = text(r, "entity_number");
        String key =
            !id.isBlank() ? id : (!entityNumber.isBlank() ? source + ":" + entityNumber : "");
        if (key.isBlank()) {
          throw new ListFormatException(where, "has neither _id nor entity_number");
        }
        List<String> countries = new ArrayList<>();
        countries(strings(r.get("citizenships")), countries, where);
        countries(strings(r.get("nationalities")), countries, where);
        JsonNode addresses = r.get("addresses");
        if (addresses != null && addresses.isArray()) {
          for (JsonNode a : addresses) {
            String c = a.isObject() ? text(a, "country").toUpperCase(Locale.ROOT) : "";
            if (COUNTRY.matcher(c).matches()) {
              countries.add(c);
            }
          }
        }
        sink.accept(
            new Located(
                where,
                entry(
                    where,
                    key,
                    source,
                    text(r, "type"),
                    text(r, "name"),
                    strings(r.get("alt_names")),
                    List.of(),
                    List.of(),
                    countries,
                    dates(strings(r.get("dates_of_birth")), where),
                    String.join(";", strings(r.get("programs"))))));
        count++;
      }
    } catch (JsonProcessingException e) {
      throw new ListFormatException(
          "record " + (count + 1) + " (line " + e.getLocation().getLineNr() + ")",
          "is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    return count;
  }

  private static JsonToken next(JsonParser p, String where) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new ListFormatException(where, "the file ends before the JSON does");
    }
    return t;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "" : v.asText("").strip();
  }

  /** A JSON array of strings, a single string, or a ';'-separated string as the CSV has. */
  private static List<String> strings(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isArray()) {
      for (JsonNode e : v) {
        if (e.isTextual() && !e.asText().isBlank()) {
          out.add(e.asText().strip());
        }
      }
      return out;
    }
    return split(v.asText(""));
  }

  // ------------------------------------------------------------------ FtM JSON lines

  private static long ftm(Reader reader, Consumer<Located> sink) throws IOException {
    BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    long count = 0;
    long lineNo = 0;
    String line;
    while ((line = lines.readLine()) != null) {
      lineNo++;
      String where = "line " + lineNo;
      if (line.isBlank()) {
        continue;
      }
      JsonNode r;
      try {
        r = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw new ListFormatException(where, "is not valid JSON (" + e.getOriginalMessage() + ")");
      }
      if (!r.isObject()) {
        throw new ListFormatException(where, "is not a JSON object");
      }
      String schema = text(r, "schema");
      if (schema.isEmpty()) {
        throw new ListFormatException(where, "has no \"schema\"");
      }
      if (!FTM_SCHEMATA.contains(schema)) {
        // sanctions, addresses, ownership … travel in the same files; they name no party
        continue;
      }
      String id = text(r, "id");
      if (id.isEmpty()) {
        throw new ListFormatException(where, "has no \"id\"");
      }
      JsonNode props = r.get("properties");
      if (props == null || !props.isObject()) {
        throw new ListFormatException(where, "has no \"properties\" object");
      }
      List<String> names = strings(props.get("name"));
      if (names.isEmpty()) {
        throw new ListFormatException(where, "entity " + id + " has no name");
      }
      List<String> aliases = new ArrayList<>(names.subList(1, names.size()));
      aliases.addAll(strings(props.get("alias")));
      List<String> countries = new ArrayList<>();
      for (String field : List.of("country", "nationality", "citizenship", "jurisdiction")) {
        countries(strings(props.get(field)), countries, where);
      }
      List<String> datasets = strings(r.get("datasets"));
      sink.accept(
          new Located(
              where,
              entry(
                  where,
                  id,
                  datasets.isEmpty() ? "opensanctions" : datasets.get(0),
                  schema,
                  names.get(0),
                  aliases,
                  strings(props.get("weakAlias")),
                  strings(props.get("previousName")),
                  countries,
                  dates(strings(props.get("birthDate")), where),
                  String.join(";", strings(props.get("program"))))));
      count++;
    }
    return count;
  }

  // ------------------------------------------------------------------ shared checks

  private static ImportedEntry entry(
      String where,
      String key,
      String source,
      String type,
      String name,
      List<String> aliases,
      List<String> weak,
      List<String> previous,
      List<String> countries,
      List<String> birthDates,
      String programs) {
    if (name == null || name.isBlank()) {
      throw new ListFormatException(where, "has no name");
    }
    if (source == null || source.isBlank()) {
      throw new ListFormatException(where, "has no source");
    }
    for (String n : concat(List.of(name), aliases, weak, previous)) {
      if (n.length() > MAX_NAME) {
        throw new ListFormatException(where, "has a name longer than " + MAX_NAME + " characters");
      }
    }
    if (key.length() > 200 || source.length() > 64) {
      throw new ListFormatException(where, "has a key or source that is too long");
    }
    return new ImportedEntry(
        key,
        source.strip(),
        PartyType.parse(type),
        name.strip(),
        aliases,
        weak,
        previous,
        countries,
        birthDates,
        programs);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> out = new ArrayList<>();
    for (List<String> l : lists) {
      out.addAll(l);
    }
    return out;
  }

  /**
   * Keeps ISO 3166-1 alpha-2 codes; other values (historic codes such as "suhh", region names) tie
   * the entry to no country rather than fail a published list.
   */
  private static void countries(List<String> values, List<String> into, String where) {
    for (String v : values) {
      String c = v.strip().toUpperCase(Locale.ROOT);
      if (COUNTRY.matcher(c).matches()) {
        into.add(c);
      }
    }
  }

  private static List<String> dates(List<String> values, String where) {
    for (String v : values) {
      if (!DATE.matcher(v).matches()) {
        throw new ListFormatException(
            where, "date of birth '" + v + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
      }
    }
    return values;
  }
}
