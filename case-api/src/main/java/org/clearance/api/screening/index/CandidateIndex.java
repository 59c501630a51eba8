package org.clearance.api.screening.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.clearance.api.screening.matching.Hit;
import org.clearance.api.screening.matching.ListedEntry;
import org.clearance.api.screening.matching.NameKind;
import org.clearance.api.screening.matching.NameScorer;
import org.clearance.api.screening.matching.NormalisedName;
import org.clearance.api.screening.matching.PartyType;
import org.clearance.api.screening.matching.ScreeningQuery;
import org.clearance.api.screening.matching.TokenWeights;

/**
 * The candidate step of screening, on Apache Lucene: one document per listed entry with every token
 * of all its names ({@code tok}), every pair of adjacent tokens joined ({@code pair}, for "Blue
 * Harbour" ~ "Blueharbour") and the Double Metaphone key of every token ({@code phon}). A party's
 * tokens become a disjunction of exact, fuzzy (one or two edits) and phonetic term queries (BM25,
 * so rare tokens rank first); the full {@link NameScorer} then runs only on the top candidates. The
 * entry itself is stored in the document, so scoring needs no database read.
 */
public final class CandidateIndex implements Closeable, TokenWeights.Frequencies {

  static final String TOK = "tok";
  static final String PAIR = "pair";
  static final String PHON = "phon";
  static final String ENTRY = "entry";

  /** Terms one fuzzy clause may expand to; dense vocabularies have many one-edit neighbours. */
  static final int MAX_EXPANSIONS = 200;

  /** How many entries the candidate step hands to the scorer. */
  public static final int DEFAULT_CANDIDATES = 100;

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final int candidates;

  private CandidateIndex(Directory directory, int candidates) throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.candidates = candidates;
  }

  /** Indexes the entries into the (empty) directory and opens it for searching. */
  public static CandidateIndex build(
      Directory directory, Iterable<ListedEntry> entries, int candidates) {
    IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(64);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (ListedEntry entry : entries) {
        writer.addDocument(document(entry));
      }
      writer.forceMerge(1);
      writer.commit();
      return new CandidateIndex(directory, candidates);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Document document(ListedEntry entry) {
    Document doc = new Document();
    Set<String> tokens = new LinkedHashSet<>();
    Set<String> pairs = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    for (ListedEntry.ListedName name : entry.names()) {
      List<NormalisedName.Token> list = name.normalised().tokens();
      for (int i = 0; i < list.size(); i++) {
        String t = list.get(i).text();
        tokens.add(t);
        String key = NameScorer.phoneticKey(t);
        if (key != null) {
          keys.add(key);
        }
        if (i + 1 < list.size()) {
          pairs.add(t + list.get(i + 1).text());
        }
      }
    }
    tokens.forEach(t -> doc.add(new StringField(TOK, t, Field.Store.NO)));
    pairs.forEach(p -> doc.add(new StringField(PAIR, p, Field.Store.NO)));
    keys.forEach(k -> doc.add(new StringField(PHON, k, Field.Store.NO)));
    doc.add(new StoredField(ENTRY, EntryCodec.encode(entry)));
    return doc;
  }

  /** Entries whose names may resemble the party's, best first (at most the configured number). */
  public List<ListedEntry> candidates(ScreeningQuery query) {
    Query q = query(query);
    if (q == null) {
      return List.of();
    }
    try {
      TopDocs top = searcher.search(q, candidates);
      StoredFields stored = searcher.storedFields();
      List<ListedEntry> result = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        result.add(EntryCodec.decode(stored.document(sd.doc).get(ENTRY)));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Candidates scored by the full scorer: the hits at or above the report threshold, best first.
   */
  public List<Hit> screen(ScreeningQuery query, NameScorer scorer) {
    TokenWeights weights = new TokenWeights(this);
    List<Hit> hits = new ArrayList<>();
    for (ListedEntry entry : candidates(query)) {
      scorer.score(query, entry, weights).ifPresent(hits::add);
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed());
    return hits;
  }

  static Query query(ScreeningQuery query) {
    List<NormalisedName.Token> tokens = query.normalised().tokens();
    if (tokens.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      NormalisedName.Token token = tokens.get(i);
      String t = token.text();
      if (!seen.add(t)) {
        continue;
      }
      float boost = token.companyWord() ? 0.2f : 1f;
      should(b, new TermQuery(new Term(TOK, t)), 2f * boost);
      should(b, new TermQuery(new Term(PAIR, t)), 2f * boost);
      if (t.length() >= 3 && !token.companyWord()) {
        // as many edits as the scorer's floor lets a token pair have (1 − edits/length ≥ 0.75)
        int edits = t.length() >= 8 ? 2 : 1;
        should(b, new FuzzyQuery(new Term(TOK, t), edits, 1, MAX_EXPANSIONS, true), 1f);
      }
      String key = NameScorer.phoneticKey(t);
      if (key != null && !token.companyWord()) {
        should(b, new TermQuery(new Term(PHON, key)), 0.8f);
      }
      if (i + 1 < tokens.size()) {
        should(b, new TermQuery(new Term(TOK, t + tokens.get(i + 1).text())), 2f);
      }
    }
    return b.build();
  }

  private static void should(BooleanQuery.Builder b, Query q, float boost) {
    b.add(new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
  }

  @Override
  public long documentFrequency(String token) {
    try {
      return reader.docFreq(new Term(TOK, token));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long names() {
    return reader.numDocs();
  }

  public int size() {
    return reader.numDocs();
  }

  /** Every entry, for the benchmark's full scan. */
  public List<ListedEntry> all() {
    try {
      StoredFields stored = searcher.storedFields();
      List<ListedEntry> all = new ArrayList<>(reader.maxDoc());
      for (int d = 0; d < reader.maxDoc(); d++) {
        all.add(EntryCodec.decode(stored.document(d).get(ENTRY)));
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored form of an entry: fields split by U+001F, names by U+001E, name parts U+001D. */
  static final class EntryCodec {
    private static final String F = "\u001f";
    private static final String N = "\u001e";
    private static final String P = "\u001d";

    static String encode(ListedEntry e) {
      StringBuilder sb = new StringBuilder();
      sb.append(e.id()).append(F).append(e.key()).append(F).append(e.type().name()).append(F);
      sb.append(String.join(",", e.countries())).append(F);
      sb.append(String.join(",", e.birthDates())).append(F);
      boolean first = true;
      for (ListedEntry.ListedName n : e.names()) {
        if (!first) {
          sb.append(N);
        }
        first = false;
        sb.append(n.kind().ordinal()).append(P).append(clean(n.original())).append(P);
        sb.append(n.normalised().encode());
      }
      return sb.toString();
    }

    static ListedEntry decode(String s) {
      String[] f = s.split(F, -1);
      List<ListedEntry.ListedName> names = new ArrayList<>();
      for (String n : f[5].split(N)) {
        String[] p = n.split(P, -1);
        names.add(
            new ListedEntry.ListedName(
                p[1], NormalisedName.decode(p[2]), NameKind.values()[Integer.parseInt(p[0])]));
      }
      return new ListedEntry(
          Long.parseLong(f[0]),
          f[1],
          PartyType.valueOf(f[2]),
          names,
          f[3].isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(f[3].split(","))),
          f[4].isEmpty() ? List.of() : Arrays.asList(f[4].split(",")));
    }

    private static String clean(String s) {
      return s.replaceAll("[\\u001d-\\u001f]", " ");
    }
  }
}
