package org.clearance.api.screening.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.clearance.api.screening.index.CandidateIndex;
import org.clearance.api.screening.lists.ListFormat;
import org.clearance.api.screening.lists.ListReader;

/** The synthetic lists Clearance ships, read by the importer's reader and indexed. */
public final class SyntheticLists {

  private SyntheticLists() {}

  public static List<ListedEntry> entries() {
    List<ListedEntry> entries = new ArrayList<>();
    read("screening/lists/synthetic-csl.csv", ListFormat.CSL_CSV, entries);
    read("screening/lists/synthetic-csl.json", ListFormat.CSL_JSON, entries);
    read("screening/lists/synthetic-opensanctions.ftm.jsonl", ListFormat.FTM_JSONL, entries);
    return entries;
  }

  public static CandidateIndex index() {
    return CandidateIndex.build(new ByteBuffersDirectory(), entries());
  }

  private static void read(String resource, ListFormat format, List<ListedEntry> into) {
    try (InputStream in = SyntheticLists.class.getClassLoader().getResourceAsStream(resource)) {
      ListReader.read(format, in, e -> into.add(e.toListed(into.size() + 1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
