package org.clearance.api.screening.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.clearance.api.screening.matching.Hit;
import org.clearance.api.screening.matching.ListedEntry;
import org.clearance.api.screening.matching.MatchingSettings;
import org.clearance.api.screening.matching.NameKind;
import org.clearance.api.screening.matching.NameScorer;
import org.clearance.api.screening.matching.NormalisedName;
import org.clearance.api.screening.matching.PartyType;
import org.clearance.api.screening.matching.ScreeningQuery;
import org.clearance.api.screening.matching.TokenWeights;

/**
 * The candidate step of screening, on Apache Lucene, built so that it never loses an entry the
 * scorer could report. One document per listed entry holds every token of its names ({@code tok}),
 * every pair of adjacent tokens joined ({@code pair}, "Blue Harbour" ~ "Blueharbour"), both the
 * tokens and the pairs reversed (for suffix-anchored automata) and, per Double Metaphone key of a
 * token or pair, a {@code key|token} term ({@code ptok}, {@code ppair}) that lists the words of one
 * sound.
 *
 * <p>A party's name becomes units: each token (against listed tokens, and against listed pairs as
 * "split"), and each pair of adjacent tokens joined (against listed tokens). For each unit the
 * index enumerates a superset of the listed terms the scorer could align with it (Levenshtein
 * automata up to the edits the scorer's floor allows, prefix and suffix automata of the halves
 * beyond two edits, the terms of the same sound, initials) and keeps exactly those the scorer's own
 * {@link NameScorer#tokenSimilarity} accepts. From the weights of the aligned tokens (the scorer's
 * {@link TokenWeights}) and the lightest name of each entry, every entry gets an upper bound on the
 * score the scorer could give it, evidence bonuses included; units whose best case cannot reach the
 * report threshold even together are not enumerated at all (max-score pruning), and only entries
 * whose bound reaches the threshold are decoded and scored. There is no top-k cut: the step is
 * exact by construction, and the benchmark and {@code CandidateRecallTest} check it against a full
 * scan.
 */
public final class CandidateIndex implements Closeable, TokenWeights.Frequencies {

  static final String TOK = "tok";
  static final String TOK_REV = "tokrev";
  static final String PAIR = "pair";
  static final String PAIR_REV = "pairrev";
  static final String PHON_TOK = "ptok";
  static final String PHON_PAIR = "ppair";
  static final String INITIAL = "initial";
  static final String COUNTRY = "country";
  static final String ENTRY = "entry";

  /** A token weighing more than this, left unaligned on both sides, is a different word. */
  private static final double TELLING = 0.3;

  /**
   * Keeps a bound that is equal to the threshold but rounds to it in the scorer on the safe side.
   */
  private static final double ROUNDING = 1e-4;

  private static final Automaton ANY = Automata.makeAnyString();

  /** From this length on, two edits are looked up through the halves of the text. */
  private static final int LONG_TEXT = 12;

  private final Directory directory;
  private final DirectoryReader reader;

  /** Per document, what the bound needs of the entry without decoding it. */
  private final Facts facts;

  /** The per-query work space of each thread: a row table as long as the index. */
  private final ThreadLocal<Scratch> scratch;

  /** Document frequencies of tokens asked for: see {@link #documentFrequency}. */
  private final Map<String, Long> frequencies = new ConcurrentHashMap<>();

  private static final int FREQUENCIES_KEPT = 200_000;

  private CandidateIndex(Directory directory) throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.facts = facts();
    int maxDoc = reader.maxDoc();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(maxDoc));
  }

  /** Indexes the entries into the (empty) directory and opens it for searching. */
  public static CandidateIndex build(Directory directory, Iterable<ListedEntry> entries) {
    IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(64);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (ListedEntry entry : entries) {
        writer.addDocument(document(entry));
      }
      writer.forceMerge(1);
      writer.commit();
      return new CandidateIndex(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Document document(ListedEntry entry) {
    Document doc = new Document();
    Set<String> tokens = new LinkedHashSet<>();
    Set<String> pairs = new LinkedHashSet<>();
    for (ListedEntry.ListedName name : entry.names()) {
      List<NormalisedName.Token> all = name.normalised().tokens();
      List<String> texts = all.stream().map(NormalisedName.Token::text).toList();
      tokens.addAll(texts);
      addPairs(texts, pairs);
      // organisations are compared without company words, so "Blue Ltd Harbour" pairs as well
      addPairs(name.normalised().identifying(true), pairs);
    }
    for (String t : tokens) {
      doc.add(new StringField(TOK, t, Field.Store.NO));
      doc.add(new StringField(TOK_REV, reverse(t), Field.Store.NO));
      for (String key : NameScorer.phoneticKeys(t)) {
        doc.add(new StringField(PHON_TOK, key + "|" + t, Field.Store.NO));
      }
    }
    Set<String> initials = new LinkedHashSet<>();
    for (String t : tokens) {
      initials.add(t.substring(0, Character.charCount(t.codePointAt(0))));
    }
    for (String i : initials) {
      doc.add(new StringField(INITIAL, i, Field.Store.NO));
    }
    for (String p : pairs) {
      doc.add(new StringField(PAIR, p, Field.Store.NO));
      doc.add(new StringField(PAIR_REV, reverse(p), Field.Store.NO));
      for (String key : NameScorer.phoneticKeys(p)) {
        doc.add(new StringField(PHON_PAIR, key + "|" + p, Field.Store.NO));
      }
    }
    for (String country : entry.countries()) {
      doc.add(new StringField(COUNTRY, country, Field.Store.NO));
    }
    // doc values, not a stored field: a candidate's entry is read without decompressing a block
    doc.add(new BinaryDocValuesField(ENTRY, new BytesRef(EntryCodec.encode(entry))));
    return doc;
  }

  private static void addPairs(List<String> texts, Set<String> into) {
    for (int i = 0; i + 1 < texts.size(); i++) {
      into.add(texts.get(i) + texts.get(i + 1));
    }
  }

  private static String reverse(String s) {
    return new StringBuilder(s).reverse().toString();
  }

  /**
   * Per document and reading (index 0: every token, as people are compared; 1: company words
   * dropped, as organisations are): the weight of its lightest name and the fewest telling tokens
   * (weight above {@value #TELLING}) a name of it has; and its type, and whether it has countries
   * and birth dates.
   */
  private record Facts(
      float[][] lightest,
      float[][] heaviest,
      byte[][] telling,
      byte[] type,
      BitSet countries,
      BitSet birthDates) {}

  private Facts facts() throws IOException {
    int n = reader.maxDoc();
    Facts f =
        new Facts(
            new float[][] {new float[n], new float[n]},
            new float[][] {new float[n], new float[n]},
            new byte[][] {new byte[n], new byte[n]},
            new byte[n],
            new BitSet(n),
            new BitSet(n));
    TokenWeights weights = new TokenWeights(this);
    forEachEntry(
        (entry, d) -> {
          f.type()[d] = (byte) entry.type().ordinal();
          f.countries().set(d, !entry.countries().isEmpty());
          f.birthDates().set(d, !entry.birthDates().isEmpty());
          for (int reading = 0; reading < 2; reading++) {
            double min = Double.MAX_VALUE;
            double max = 0;
            int fewest = Byte.MAX_VALUE;
            for (ListedEntry.ListedName name : entry.names()) {
              double w = 0;
              int telling = 0;
              for (String t : name.normalised().identifying(reading == 1)) {
                double tw = weights.weight(t);
                w += tw;
                telling += telling(tw) ? 1 : 0;
              }
              min = Math.min(min, w);
              max = Math.max(max, w);
              fewest = Math.min(fewest, telling);
            }
            // float rounding must not raise the lower bound above the true weight
            f.lightest()[reading][d] = min == Double.MAX_VALUE ? 0f : Math.nextDown((float) min);
            f.heaviest()[reading][d] = Math.nextUp((float) max);
            f.telling()[reading][d] = (byte) (fewest == Byte.MAX_VALUE ? 0 : fewest);
          }
        });
    return f;
  }

  // ------------------------------------------------------------------ candidate retrieval

  /**
   * One listed term a unit of the party's name may align with; {@code tokens} is how many listed
   * tokens it consumes (two for a listed pair).
   */
  private record Expansion(
      String field, BytesRef term, float similarity, float listedWeight, int tokens) {}

  /**
   * A part of the party's name that the scorer may align on its own: a token, or two adjacent
   * tokens joined. {@code weight} is the party-side weight it carries. Its terms are split by
   * max-score pruning into those enumerated ({@code enumerated}: each document's match is known)
   * and the weak rest, which is never looked up and counts, in every document, at its best ({@code
   * openSimilarity}, {@code openListed}, {@code openTokens}).
   */
  private static final class Unit {
    final double weight;
    final List<Expansion> expansions = new ArrayList<>();
    final List<Expansion> enumerated = new ArrayList<>();
    final List<Expansion> openTerms = new ArrayList<>();
    double openSimilarity;
    double openListed;
    int openTokens;
    boolean open;
    String initial;
    boolean initialOpen;

    Unit(double weight) {
      this.weight = weight;
    }

    void add(Expansion e) {
      expansions.add(e);
    }

    /** Leaves a term ({@code term} null: the initial) unenumerated: it may match any document. */
    void leaveOpen(Expansion term, double similarity, double listed, int tokens) {
      if (term != null) {
        openTerms.add(term);
      } else {
        initialOpen = true;
      }
      open = true;
      openSimilarity = Math.max(openSimilarity, similarity);
      openListed = Math.max(openListed, listed);
      openTokens = Math.max(openTokens, tokens);
    }

    /** The open terms have been looked up: only an initial left unenumerated stays open. */
    void close() {
      openTerms.clear();
      open = initialOpen;
      openSimilarity = initialOpen ? 1.0 : 0;
      openListed = initialOpen ? 1 : 0;
      openTokens = initialOpen ? 1 : 0;
    }
  }

  /** A term of a unit (or an initial not yet enumerated: {@code term} null) in max-score order. */
  private record Item(
      int unit, Expansion term, double similarity, double a, double b, int tokens) {}

  /**
   * Entries whose best name the scorer could rate at or above the settings' report threshold (with
   * the country and birth-date bonuses the query can earn), most promising first. Every such entry
   * is returned; most of the others are not.
   */
  public List<ListedEntry> candidates(ScreeningQuery query, MatchingSettings settings) {
    return candidates(query, settings, settings.reportThreshold());
  }

  /** The same at another floor: entries the scorer could rate at or above {@code floor}. */
  public List<ListedEntry> candidates(
      ScreeningQuery query, MatchingSettings settings, double floor) {
    List<Candidate> ranked = ranked(query, settings, floor);
    List<ListedEntry> result = new ArrayList<>(ranked.size());
    for (Candidate c : ranked) {
      result.add(entry(c.doc()));
    }
    return result;
  }

  /** A document that may reach the floor, with the most the scorer could give it. */
  private record Candidate(int doc, double bound) {}

  private List<Candidate> ranked(ScreeningQuery query, MatchingSettings settings, double floor) {
    if (query.normalised().isEmpty()) {
      return List.of();
    }
    double bonus = 1;
    if (query.country() != null) {
      bonus *= 1 - settings.countryMatchBonus();
    }
    if (query.birthDate() != null) {
      bonus *= 1 - settings.birthDateMatchBonus();
    }
    // the alignment score from which evidence could still lift the hit to the floor
    double needed = 1 - (1 - floor) / bonus - ROUNDING;
    TokenWeights weights = new TokenWeights(this);
    Map<Integer, Double> bounds = new HashMap<>();
    try {
      List<String> all = query.normalised().identifying(false);
      List<String> organisation = query.normalised().identifying(true);
      if (organisation.equals(all)) {
        bounds(all, null, query, settings, floor, weights, needed, bounds);
      } else {
        bounds(all, true, query, settings, floor, weights, needed, bounds);
        bounds(organisation, false, query, settings, floor, weights, needed, bounds);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Candidate> ranked = new ArrayList<>(bounds.size());
    bounds.forEach((doc, bound) -> ranked.add(new Candidate(doc, bound)));
    ranked.sort(Comparator.comparingDouble(Candidate::bound).reversed());
    return ranked;
  }

  private ListedEntry entry(int doc) {
    try {
      List<LeafReaderContext> leaves = reader.leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      BinaryDocValues values = leaf.reader().getBinaryDocValues(ENTRY);
      if (values == null || !values.advanceExact(doc - leaf.docBase)) {
        throw new IllegalStateException("listed entry " + doc + " has no encoding in the index");
      }
      return EntryCodec.decode(values.binaryValue().utf8ToString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Calls {@code visit} with every entry and its document, in document order. */
  private void forEachEntry(ObjIntConsumer<ListedEntry> visit) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      BinaryDocValues values = leaf.reader().getBinaryDocValues(ENTRY);
      if (values == null) {
        continue;
      }
      for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
        visit.accept(EntryCodec.decode(values.binaryValue().utf8ToString()), leaf.docBase + d);
      }
    }
  }

  /**
   * Adds to {@code bounds} every document whose score bound, the party's name read as {@code
   * tokens}, reaches the report threshold. {@code people}: the reading applies only to entries the
   * scorer compares as people (true) or as organisations (false), or to both (null).
   */
  private void bounds(
      List<String> tokens,
      Boolean people,
      ScreeningQuery query,
      MatchingSettings settings,
      double floor,
      TokenWeights weights,
      double needed,
      Map<Integer, Double> bounds)
      throws IOException {
    double total = 0;
    for (String t : tokens) {
      total += weights.weight(t);
    }
    List<Unit> units = new ArrayList<>();
    int[] tokenUnit = new int[tokens.size()];
    int[] joinedUnit = new int[tokens.size()];
    Arrays.fill(joinedUnit, -1);
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      Unit unit = new Unit(weights.weight(t));
      if (t.length() == 1) {
        // an initial aligns with every word it starts: enumerated only when it must be
        unit.initial = t;
      } else {
        expand(unit, t, 0, TOK, TOK_REV, PHON_TOK, false, weights);
        // the token against two listed tokens joined ("blueharbour" ~ "blue harbour")
        expand(unit, t, 0, PAIR, PAIR_REV, PHON_PAIR, true, weights);
      }
      tokenUnit[i] = units.size();
      units.add(unit);
      if (i + 1 < tokens.size()) {
        String next = tokens.get(i + 1);
        Unit joined = new Unit(weights.weight(t) + weights.weight(next));
        expand(joined, t + next, t.length(), TOK, TOK_REV, PHON_TOK, true, weights);
        joinedUnit[i] = units.size();
        units.add(joined);
      }
    }
    // max-score pruning, term by term: the weakest terms of all units, even all matched (each
    // unit at its best one), cannot reach the floor together; they are never looked up
    List<Item> items = new ArrayList<>();
    for (int k = 0; k < units.size(); k++) {
      Unit u = units.get(k);
      if (u.initial != null) {
        // at its best: the same letter listed alone (exact), or a word it starts (one word: the
        // scorer splits no initial into two)
        items.add(new Item(k, null, 1.0, u.weight, 1, 1));
      }
      for (Expansion e : u.expansions) {
        items.add(
            new Item(
                k, e, e.similarity(), u.weight * e.similarity(), e.listedWeight(), e.tokens()));
      }
    }
    items.sort(Comparator.comparingDouble(i -> i.a() + i.b()));
    double[] tokenWeight = new double[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      tokenWeight[i] = weights.weight(tokens.get(i));
    }
    // the best similarity and listed weight each unit's open terms can bring
    double[] bestSim = new double[units.size()];
    double[] bestB = new double[units.size()];
    int cut = items.size();
    for (int n = 0; n < items.size(); n++) {
      Item it = items.get(n);
      int k = it.unit();
      double simBefore = bestSim[k];
      double bBefore = bestB[k];
      bestSim[k] = Math.max(simBefore, it.similarity());
      bestB[k] = Math.max(bBefore, it.b());
      double a = aligned(tokenWeight, tokenUnit, joinedUnit, bestSim);
      double b = listed(tokenUnit, joinedUnit, bestB);
      if (bound(a, b, total, 0) >= needed) {
        bestSim[k] = simBefore;
        bestB[k] = bBefore;
        cut = n;
        break;
      }
      units.get(it.unit()).leaveOpen(it.term(), it.similarity(), it.b(), it.tokens());
    }
    for (int n = cut; n < items.size(); n++) {
      Item it = items.get(n);
      Unit u = units.get(it.unit());
      if (it.term() != null) {
        u.enumerated.add(it.term());
        continue;
      }
      // an initial that matters: the entries with a word it starts, each at its best (the
      // letter alone, or the heaviest word it starts)
      u.enumerated.add(new Expansion(INITIAL, new BytesRef(u.initial), 1f, 1f, 1));
    }
    // per document and unit: the best party-side (A) and listed-side (B) weight, listed tokens;
    // one row per document touched, found through a doc-to-row table kept for the thread
    int stride = 3;
    int row = stride * units.size();
    Scratch work = scratch.get();
    int[] rowOf = work.rowOf;
    int touched = 0;
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        for (int k = 0; k < units.size(); k++) {
          for (Expansion e : units.get(k).enumerated) {
            PostingsEnum postings = postings(leaf, e.field(), e.term());
            if (postings == null) {
              continue;
            }
            double a = e.similarity();
            double b = e.listedWeight();
            int tokensOf = e.tokens();
            for (int d = postings.nextDoc();
                d != DocIdSetIterator.NO_MORE_DOCS;
                d = postings.nextDoc()) {
              int doc = leaf.docBase + d;
              if (people != null && person(doc, query) != people) {
                continue; // the other reading's document
              }
              int r = rowOf[doc];
              if (r == 0) {
                r = ++touched;
                rowOf[doc] = r;
                work.touch(touched, doc, row);
              }
              double[] acc = work.acc;
              int at = (r - 1) * row + stride * k;
              acc[at] = Math.max(acc[at], a);
              acc[at + 1] = Math.max(acc[at + 1], b);
              acc[at + 2] = Math.max(acc[at + 2], tokensOf);
            }
          }
        }
      }
      Evaluation eval =
          new Evaluation(
              tokens,
              people,
              query,
              settings,
              floor,
              weights,
              units,
              tokenUnit,
              joinedUnit,
              total,
              work,
              row,
              stride);
      int[] rows = new int[touched];
      for (int i = 0; i < touched; i++) {
        rows[i] = i;
      }
      // first with the open terms and the party's country at their best in every document ...
      int survivors = eval.keep(rows, touched);
      boolean open = units.stream().anyMatch(u -> u.open);
      if (survivors > 0 && (open || query.country() != null)) {
        // ... then, for the few documents left, with what they really hold
        if (open) {
          lookUpOpenTerms(units, work, rows, survivors, row, stride);
        }
        if (query.country() != null) {
          eval.inCountry = holding(COUNTRY, query.country(), work, rows, survivors);
        }
        survivors = eval.keep(rows, survivors);
      }
      for (int i = 0; i < survivors; i++) {
        bounds.merge(work.docs[rows[i]], work.bound[rows[i]], Math::max);
      }
    } finally {
      for (int i = 0; i < touched; i++) {
        rowOf[work.docs[i]] = 0;
      }
    }
  }

  /**
   * Finds, for the documents of {@code rows}, which open terms of each unit they hold, and closes
   * those terms: afterwards only an initial left unenumerated is still open.
   */
  private void lookUpOpenTerms(
      List<Unit> units, Scratch work, int[] rows, int count, int row, int stride)
      throws IOException {
    Integer[] byDoc = new Integer[count];
    for (int i = 0; i < count; i++) {
      byDoc[i] = rows[i];
    }
    Arrays.sort(byDoc, Comparator.comparingInt(r -> work.docs[r]));
    int[] docs = new int[count];
    for (int i = 0; i < count; i++) {
      docs[i] = work.docs[byDoc[i]];
    }
    double[] acc = work.acc;
    for (LeafReaderContext leaf : reader.leaves()) {
      for (int k = 0; k < units.size(); k++) {
        int unit = k;
        for (Expansion e : units.get(k).openTerms) {
          visitHolders(
              leaf,
              postings(leaf, e.field(), e.term()),
              docs,
              i -> {
                int at = byDoc[i] * row + stride * unit;
                acc[at] = Math.max(acc[at], e.similarity());
                acc[at + 1] = Math.max(acc[at + 1], e.listedWeight());
                acc[at + 2] = Math.max(acc[at + 2], e.tokens());
              });
        }
      }
    }
    for (Unit u : units) {
      u.close();
    }
  }

  private static final int EXPANSIONS_KEPT = 4096;

  /** Per thread: which row of {@code acc} a document has in the running query (0: none). */
  private static final class Scratch {
    final int[] rowOf;
    int[] docs = new int[1024];
    double[] bound = new double[1024];
    double[] acc = new double[1024 * 12];

    /**
     * The terms each recent party token (or joined pair) aligns with, per field: they depend only
     * on the text and the index, and stock words and common names come back in query after query.
     */
    final Map<String, List<Expansion>> expansions =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, List<Expansion>> eldest) {
            return size() > EXPANSIONS_KEPT;
          }
        };

    Scratch(int maxDoc) {
      rowOf = new int[maxDoc];
    }

    /** Gives document {@code doc} row {@code r} (1-based), zeroed. */
    void touch(int r, int doc, int row) {
      if (r > docs.length) {
        docs = Arrays.copyOf(docs, docs.length * 2);
        bound = Arrays.copyOf(bound, docs.length);
      }
      docs[r - 1] = doc;
      int end = r * row;
      if (end > acc.length) {
        acc = Arrays.copyOf(acc, Math.max(end, acc.length * 2));
      }
      Arrays.fill(acc, end - row, end, 0);
    }
  }

  /** The bound of the touched documents, for one reading of the party's name. */
  private final class Evaluation {
    final List<String> tokens;
    final Boolean people;
    final ScreeningQuery query;
    final MatchingSettings settings;
    final double floor;

    /** The documents tied to the party's country; until looked up (null), assumed to be. */
    BitSet inCountry;

    final List<Unit> units;
    final int[] tokenUnit;
    final int[] joinedUnit;
    final double total;
    final Scratch scratch;
    final int row;
    final int stride;
    final double[] tokenWeight;

    Evaluation(
        List<String> tokens,
        Boolean people,
        ScreeningQuery query,
        MatchingSettings settings,
        double floor,
        TokenWeights weights,
        List<Unit> units,
        int[] tokenUnit,
        int[] joinedUnit,
        double total,
        Scratch scratch,
        int row,
        int stride) {
      this.tokens = tokens;
      this.people = people;
      this.query = query;
      this.settings = settings;
      this.floor = floor;
      this.units = units;
      this.tokenUnit = tokenUnit;
      this.joinedUnit = joinedUnit;
      this.total = total;
      this.scratch = scratch;
      this.row = row;
      this.stride = stride;
      this.tokenWeight = new double[tokens.size()];
      for (int i = 0; i < tokens.size(); i++) {
        tokenWeight[i] = weights.weight(tokens.get(i));
      }
    }

    /**
     * Keeps, at the front of {@code rows}, the rows whose bound reaches the floor (the bound in
     * {@code scratch.bound}), and returns how many.
     */
    int keep(int[] rows, int count) {
      double[] unitListed = new double[units.size()];
      PartyType[] types = PartyType.values();
      double threshold = floor - ROUNDING;
      double[] acc = scratch.acc;
      int kept = 0;
      for (int t = 0; t < count; t++) {
        int r = rows[t];
        int d = scratch.docs[r];
        int base = r * row;
        PartyType type = types[facts.type()[d]];
        boolean person =
            type == PartyType.PERSON
                || (type == PartyType.UNKNOWN && query.type() == PartyType.PERSON);
        if (people != null && people != person) {
          continue;
        }
        int reading = person ? 0 : 1;
        // each party token counts once, at the best similarity of a unit that covers it
        double a = 0;
        for (int i = 0; i < tokens.size(); i++) {
          double sim = similarity(units, tokenUnit[i], acc, base, stride);
          if (i > 0) {
            sim = Math.max(sim, similarity(units, joinedUnit[i - 1], acc, base, stride));
          }
          sim = Math.max(sim, similarity(units, joinedUnit[i], acc, base, stride));
          a += tokenWeight[i] * sim;
        }
        // each unit at what it matched, or at its best where it has terms left open
        int consumed = 0;
        for (int k = 0; k < units.size(); k++) {
          Unit u = units.get(k);
          unitListed[k] = Math.max(acc[base + stride * k + 1], u.openListed);
          consumed += Math.max((int) acc[base + stride * k + 2], u.openTokens);
        }
        double b = listed(tokenUnit, joinedUnit, unitListed);
        // the aligned listed tokens are one name's
        b = Math.min(b, facts.heaviest()[reading][d]);
        double score = bound(a, b, total, facts.lightest()[reading][d]);
        // the scorer's evidence, in its order, each at its most favourable
        if (consumed < facts.telling()[reading][d]
            && surelyUnaligned(tokenWeight, units, tokenUnit, joinedUnit, acc, base, stride)) {
          // the listed name keeps a telling token, and so does the party: a different word
          score *= person ? settings.differentGivenName() : settings.differentWord();
        }
        if (query.type().contradicts(type)
            && type != PartyType.VESSEL
            && type != PartyType.AIRCRAFT) {
          score *= settings.typeMismatch();
        }
        if (query.country() != null && facts.countries().get(d)) {
          score =
              inCountry == null || inCountry.get(d)
                  ? score + (1 - score) * settings.countryMatchBonus()
                  : score
                      * (person
                          ? settings.countryMismatchPerson()
                          : settings.countryMismatchOrganisation());
        }
        if (person && query.birthDate() != null && facts.birthDates().get(d)) {
          score = score + (1 - score) * settings.birthDateMatchBonus();
        }
        if (score >= threshold) {
          scratch.bound[r] = score;
          rows[kept++] = r;
        }
      }
      return kept;
    }
  }

  /**
   * Whether a telling token of the party (weight above {@value #TELLING}) cannot be aligned in the
   * document: every unit that covers it is known for the document and did not match.
   */
  private static boolean surelyUnaligned(
      double[] tokenWeight,
      List<Unit> units,
      int[] tokenUnit,
      int[] joinedUnit,
      double[] acc,
      int base,
      int stride) {
    for (int i = 0; i < tokenWeight.length; i++) {
      if (!telling(tokenWeight[i])) {
        continue;
      }
      boolean open = unmatched(units, tokenUnit[i], acc, base, stride);
      if (i > 0) {
        open &= unmatched(units, joinedUnit[i - 1], acc, base, stride);
      }
      open &= unmatched(units, joinedUnit[i], acc, base, stride);
      if (open) {
        return true;
      }
    }
    return false;
  }

  /**
   * The most party weight an alignment can match when each unit aligns at most at {@code sim}: the
   * scorer aligns each party token once, so each token counts at the best unit covering it.
   */
  private static double aligned(
      double[] tokenWeight, int[] tokenUnit, int[] joinedUnit, double[] sim) {
    double a = 0;
    for (int i = 0; i < tokenWeight.length; i++) {
      double best = sim[tokenUnit[i]];
      if (i > 0) {
        best = Math.max(best, sim[joinedUnit[i - 1]]);
      }
      if (joinedUnit[i] >= 0) {
        best = Math.max(best, sim[joinedUnit[i]]);
      }
      a += tokenWeight[i] * best;
    }
    return a;
  }

  /**
   * The most listed weight an alignment can consume when each unit consumes at most {@code b}: the
   * units an alignment uses never share a party token, so a joined unit's weight is split over its
   * two tokens and each token counts at the best share of a unit covering it.
   */
  private static double listed(int[] tokenUnit, int[] joinedUnit, double[] b) {
    double sum = 0;
    for (int i = 0; i < tokenUnit.length; i++) {
      double best = b[tokenUnit[i]];
      if (i > 0) {
        best = Math.max(best, b[joinedUnit[i - 1]] / 2);
      }
      if (joinedUnit[i] >= 0) {
        best = Math.max(best, b[joinedUnit[i]] / 2);
      }
      sum += best;
    }
    return sum;
  }

  /** As the scorer tells a different word: by the weight its explanation shows (rounded). */
  private static boolean telling(double weight) {
    return Math.round(weight * 10_000) / 10_000.0 > TELLING;
  }

  /** The unit's similarity in the document: as found, or at its best where terms are open. */
  private static double similarity(List<Unit> units, int k, double[] acc, int base, int stride) {
    if (k < 0) {
      return 0;
    }
    Unit u = units.get(k);
    return Math.max(acc[base + stride * k], u.openSimilarity);
  }

  private static boolean unmatched(List<Unit> units, int k, double[] acc, int base, int stride) {
    if (k < 0) {
      return true;
    }
    return !units.get(k).open && acc[base + stride * k + 2] == 0;
  }

  /** Whether the scorer compares the document's entry with the party as people. */
  private boolean person(int doc, ScreeningQuery query) {
    byte type = facts.type()[doc];
    return type == PERSON || (type == UNKNOWN && query.type() == PartyType.PERSON);
  }

  private static final byte PERSON = (byte) PartyType.PERSON.ordinal();
  private static final byte UNKNOWN = (byte) PartyType.UNKNOWN.ordinal();

  /** The documents of the leaf that hold the term, or null when none does. */
  private static PostingsEnum postings(LeafReaderContext leaf, String field, BytesRef term)
      throws IOException {
    Terms terms = leaf.reader().terms(field);
    if (terms == null) {
      return null;
    }
    TermsEnum te = terms.iterator();
    return te.seekExact(term) ? te.postings(null, PostingsEnum.NONE) : null;
  }

  /** Which of the documents of {@code rows} hold the term (looked up with the postings' skips). */
  private BitSet holding(String field, String term, Scratch work, int[] rows, int count)
      throws IOException {
    int[] docs = new int[count];
    for (int i = 0; i < count; i++) {
      docs[i] = work.docs[rows[i]];
    }
    Arrays.sort(docs);
    BitSet found = new BitSet();
    BytesRef wanted = new BytesRef(term);
    for (LeafReaderContext leaf : reader.leaves()) {
      visitHolders(leaf, postings(leaf, field, wanted), docs, i -> found.set(docs[i]));
    }
    return found;
  }

  /**
   * Calls {@code found} with the position in {@code sortedDocs} (ascending, global ids) of each
   * document of the leaf that holds the postings' term, moving through the postings with their
   * skips instead of reading them whole.
   */
  private static void visitHolders(
      LeafReaderContext leaf, PostingsEnum postings, int[] sortedDocs, IntConsumer found)
      throws IOException {
    if (postings == null) {
      return;
    }
    int end = leaf.docBase + leaf.reader().maxDoc();
    for (int i = 0; i < sortedDocs.length; i++) {
      int doc = sortedDocs[i];
      if (doc < leaf.docBase) {
        continue;
      }
      if (doc >= end) {
        return;
      }
      int target = doc - leaf.docBase;
      int at = postings.docID() >= target ? postings.docID() : postings.advance(target);
      if (at == DocIdSetIterator.NO_MORE_DOCS) {
        return;
      }
      if (at == target) {
        found.accept(i);
      }
    }
  }

  /**
   * The most the scorer's name score (matched share of both names' weight) can be when at most
   * {@code a} of the party's weight {@code total} and at most {@code b} of the listed weight align,
   * and the listed name weighs at least {@code lightest}.
   */
  static double bound(double a, double b, double total, double lightest) {
    if (a >= total) {
      return 1;
    }
    return (a + b) / (total + Math.max(b, lightest));
  }

  /**
   * Adds to the unit every term of {@code field} the scorer would align with {@code text}: one to
   * one ({@code joined} false, at the token floor) or as a joined pair (at the joined floor). A
   * party's pair joined has {@code second} > 0, where its second token starts.
   */
  private void expand(
      Unit unit,
      String text,
      int second,
      String field,
      String reversedField,
      String phoneticField,
      boolean joined,
      TokenWeights weights)
      throws IOException {
    String key = field + (joined ? "|j" + second + "|" : "|t|") + text;
    Map<String, List<Expansion>> known = scratch.get().expansions;
    List<Expansion> cached = known.get(key);
    if (cached == null) {
      cached = terms(text, second, field, reversedField, phoneticField, joined, weights);
      known.put(key, cached);
    }
    for (Expansion e : cached) {
      unit.add(e);
    }
  }

  /** The terms of {@code field} the scorer would align with {@code text}, with their weights. */
  private List<Expansion> terms(
      String text,
      int second,
      String field,
      String reversedField,
      String phoneticField,
      boolean joined,
      TokenWeights weights)
      throws IOException {
    boolean pairs = field.equals(PAIR);
    Map<String, Float> found = new LinkedHashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      if (text.length() == 1) {
        // an initial aligns with every word it starts
        TermsEnum te = terms.iterator();
        BytesRef prefix = new BytesRef(text);
        if (te.seekCeil(prefix) != TermsEnum.SeekStatus.END) {
          do {
            if (!StringHelper.startsWith(te.term(), prefix)) {
              break;
            }
            accept(text, te.term().utf8ToString(), joined, found);
          } while (te.next() != null);
        }
        continue;
      }
      if (!pairs && !joined) {
        // a listed initial aligns with the word it starts (never with two joined)
        exact(terms, text.substring(0, 1), text, joined, found);
      }
      int edits = NameScorer.maxEdits(text.length(), joined);
      boolean binary = ascii(text);
      if (edits == 0) {
        exact(terms, text, text, joined, found);
      } else if (edits == 1 || (edits == 2 && text.length() < LONG_TEXT)) {
        enumerate(terms, levenshtein(text, edits, binary), binary, false, text, joined, found);
      } else if (edits <= 5) {
        // a term within e edits of the text has a half within e/2 edits of the text's half at a
        // cut: its prefix, or its suffix read backwards. A transposition across the cut counts in
        // both halves; for an even e that still leaves e/2 in one of them, for an odd e a second
        // cut one letter on is read too: no transposition straddles both. Halves of long texts
        // match far fewer terms than a two-edit automaton of the whole is costly to build
        int halfEdits = edits / 2;
        Automaton any = binary ? Automata.makeAnyBinary() : ANY;
        // only terms of a length the scorer could align: far fewer to check one by one
        Automaton lengths =
            Operations.repeat(
                binary ? Automata.makeCharRange(0, 0xff) : Automata.makeAnyChar(),
                Math.max(1, text.length() - edits),
                text.length() + edits);
        Terms reversed = leaf.reader().terms(reversedField);
        int half = text.length() / 2;
        for (int cut = half; cut <= (edits % 2 == 1 ? half + 1 : half); cut++) {
          Automaton head =
              Operations.intersection(
                  Operations.concatenate(
                      levenshtein(text.substring(0, cut), halfEdits, binary), any),
                  lengths);
          enumerate(terms, head, binary, false, text, joined, found);
          if (reversed != null) {
            Automaton tail =
                Operations.intersection(
                    Operations.concatenate(
                        levenshtein(reverse(text.substring(cut)), halfEdits, binary), any),
                    lengths);
            enumerate(reversed, tail, binary, true, text, joined, found);
          }
        }
      } else {
        // a very long word: every term of a length it could align with
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          if (Math.abs(t.length - text.length()) <= edits) {
            accept(text, t.utf8ToString(), joined, found);
          }
        }
      }
      Terms phonetic = leaf.reader().terms(phoneticField);
      if (phonetic != null) {
        for (String key : NameScorer.phoneticKeys(text)) {
          // the words of the same sound (NameScorer.sameSound): under this key, a key a sound
          // longer, or one a sound shorter
          boolean longer = key.length() >= NameScorer.SOUNDS_FOR_A_LONGER_KEY;
          sounds(phonetic, key, longer, text, joined, found);
          if (key.length() > NameScorer.SOUNDS_FOR_A_LONGER_KEY) {
            sounds(phonetic, key.substring(0, key.length() - 1), false, text, joined, found);
          }
        }
      }
    }
    if (joined) {
      // the scorer's joined and split rule also wants the parts to align one by one: with the
      // party's two tokens, or, for a listed pair, at any cut of it (its tokens are not known here)
      found.keySet().removeIf(term -> !partsAlign(text, second, term, pairs));
    }
    List<Expansion> terms = new ArrayList<>(found.size());
    for (Map.Entry<String, Float> e : found.entrySet()) {
      float listed =
          pairs ? (float) pairWeight(e.getKey(), weights) : (float) weights.weight(e.getKey());
      terms.add(
          new Expansion(field, new BytesRef(e.getKey()), e.getValue(), listed, pairs ? 2 : 1));
    }
    return List.copyOf(terms);
  }

  /**
   * Offers every word listed under the phonetic key ({@code key|word} terms) and, when {@code
   * longer}, under a key one sound longer that starts with it. A key's characters sort before the
   * bar, so the words of "key" + one sound follow those of longer keys, which are skipped by
   * seeking.
   */
  private static void sounds(
      Terms phonetic,
      String key,
      boolean longer,
      String text,
      boolean joined,
      Map<String, Float> found)
      throws IOException {
    TermsEnum te = phonetic.iterator();
    BytesRef start = new BytesRef(longer ? key : key + "|");
    if (te.seekCeil(start) == TermsEnum.SeekStatus.END) {
      return;
    }
    while (true) {
      BytesRef t = te.term();
      if (!StringHelper.startsWith(t, start)) {
        return;
      }
      String term = t.utf8ToString();
      int bar = term.indexOf('|');
      if (bar <= key.length() + 1) {
        accept(text, term.substring(bar + 1), joined, found);
        if (te.next() == null) {
          return;
        }
      } else if (te.seekCeil(new BytesRef(term.substring(0, key.length() + 1) + "|"))
          == TermsEnum.SeekStatus.END) {
        return; // past the keys two or more sounds longer than this one
      }
    }
  }

  /**
   * {@link NameScorer#partsAlign} for a party's pair joined ({@code second} where its second token
   * starts) against a listed token, or a party's token against a listed pair.
   */
  private static boolean partsAlign(String text, int second, String term, boolean listedPair) {
    if (!listedPair) {
      return NameScorer.partsAlign(text.substring(0, second), text.substring(second), term);
    }
    for (int c = 1; c < term.length(); c++) {
      if (NameScorer.partsAlign(term.substring(0, c), term.substring(c), text)) {
        return true;
      }
    }
    return false;
  }

  /** The most two listed tokens that join to the pair can weigh. */
  private double pairWeight(String pair, TokenWeights weights) throws IOException {
    double best = 0;
    for (int cut = 1; cut < pair.length(); cut++) {
      String head = pair.substring(0, cut);
      String tail = pair.substring(cut);
      if (documentFrequency(head) > 0 && documentFrequency(tail) > 0) {
        best = Math.max(best, weights.weight(head) + weights.weight(tail));
      }
    }
    return best == 0 ? 2 : Math.nextUp((float) best);
  }

  private static void exact(
      Terms terms, String term, String text, boolean joined, Map<String, Float> found)
      throws IOException {
    if (terms.iterator().seekExact(new BytesRef(term))) {
      accept(text, term, joined, found);
    }
  }

  /**
   * The Levenshtein automaton (transpositions count as one edit) of the text. {@code binary}: over
   * bytes, for an ASCII text; the index's terms are normalised tokens, ASCII letters and digits,
   * whose bytes are their characters, so the automaton needs no UTF-8 conversion.
   */
  private static Automaton levenshtein(String text, int edits, boolean binary) {
    return binary
        ? new LevenshteinAutomata(text.chars().toArray(), 0xff, true).toAutomaton(edits)
        : new LevenshteinAutomata(text, true).toAutomaton(edits);
  }

  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static void enumerate(
      Terms terms,
      Automaton automaton,
      boolean binary,
      boolean reversed,
      String text,
      boolean joined,
      Map<String, Float> found)
      throws IOException {
    int most = text.length() + NameScorer.maxEdits(text.length(), joined);
    TermsEnum te;
    try {
      Automaton a = Operations.determinize(automaton, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
      // every automaton here is finite (bounded lengths) and never total, and an empty one just
      // enumerates nothing: the compiler's checks for those would only walk it again
      te =
          new CompiledAutomaton(a, true, false, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, binary)
              .getTermsEnum(terms);
    } catch (TooComplexToDeterminizeException e) {
      te = terms.iterator(); // every term then, filtered below: slower, never less
    }
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      if (t.length > most) {
        continue;
      }
      String term = t.utf8ToString();
      accept(text, reversed ? reverse(term) : term, joined, found);
    }
  }

  /** Keeps the term when the scorer's own similarity rule aligns it with the text. */
  private static void accept(String text, String term, boolean joined, Map<String, Float> found) {
    if (!NameScorer.lengthsMayAlign(text.length(), term.length()) || found.containsKey(term)) {
      return;
    }
    double s =
        joined ? NameScorer.joinedSimilarity(text, term) : NameScorer.tokenSimilarity(text, term);
    if (s > 0) {
      found.put(term, (float) Math.nextUp((float) s));
    }
  }

  /**
   * Candidates scored by the full scorer: the hits at or above the report threshold, best first.
   */
  public List<Hit> screen(ScreeningQuery query, NameScorer scorer) {
    return screen(query, scorer, scorer.settings().reportThreshold());
  }

  /**
   * The hits at or above {@code floor} (not below the report threshold), best first. Case screening
   * asks for the potential matches only, so the candidate step prunes at the match threshold and
   * scores far fewer entries than a search down to the report threshold.
   */
  public List<Hit> screen(ScreeningQuery query, NameScorer scorer, double floor) {
    double at = Math.max(floor, scorer.settings().reportThreshold());
    TokenWeights weights = new TokenWeights(this);
    List<Hit> hits = new ArrayList<>();
    for (Candidate c : ranked(query, scorer.settings(), at)) {
      scorer
          .score(query, entry(c.doc()), weights)
          .filter(h -> h.score() >= at)
          .ifPresent(hits::add);
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed());
    return hits;
  }

  /**
   * The {@code limit} best hits at or above the report threshold, exactly: candidates are scored in
   * the order of their bound, and scoring stops once no bound left can beat the weakest of the hits
   * kept. {@code more} says whether hits beyond the limit may exist.
   */
  public Ranked top(ScreeningQuery query, NameScorer scorer, int limit) {
    TokenWeights weights = new TokenWeights(this);
    PriorityQueue<Hit> best = new PriorityQueue<>(Comparator.comparingDouble(Hit::score));
    List<Candidate> ranked = ranked(query, scorer.settings(), scorer.settings().reportThreshold());
    boolean more = false;
    for (Candidate c : ranked) {
      if (best.size() == limit && c.bound() < best.peek().score()) {
        more = true; // the rest may still be hits, only weaker than those kept
        break;
      }
      Optional<Hit> hit = scorer.score(query, entry(c.doc()), weights);
      if (hit.isEmpty()) {
        continue;
      }
      best.add(hit.get());
      if (best.size() > limit) {
        best.poll();
        more = true;
      }
    }
    List<Hit> hits = new ArrayList<>(best);
    hits.sort(Comparator.comparingDouble(Hit::score).reversed());
    return new Ranked(hits, more);
  }

  /** The best hits of a search, and whether more reached the report threshold. */
  public record Ranked(List<Hit> hits, boolean more) {}

  /**
   * How many entries hold the token. Kept across queries (the index never changes): every
   * candidate's tokens are weighed by it, and the same listed tokens come back in query after
   * query.
   */
  @Override
  public long documentFrequency(String token) {
    Long known = frequencies.get(token);
    if (known != null) {
      return known;
    }
    try {
      long df = reader.docFreq(new Term(TOK, token));
      if (frequencies.size() >= FREQUENCIES_KEPT) {
        frequencies.clear(); // a crude bound on the memory; refilled by the next queries
      }
      frequencies.put(token, df);
      return df;
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
      List<ListedEntry> all = new ArrayList<>(reader.maxDoc());
      forEachEntry((entry, d) -> all.add(entry));
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
