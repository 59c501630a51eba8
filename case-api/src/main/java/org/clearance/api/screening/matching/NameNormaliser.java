package org.clearance.api.screening.matching;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a name in any script into lower-case ASCII tokens: ICU transliteration (Russian with the
 * BGN/PCGN system English-language lists use, every other script through Any-Latin, then
 * Latin-ASCII: ß → ss, ı → i, ø → o, œ → oe), dotted abbreviations joined ("S.A." → "sa"),
 * apostrophes and soft signs dropped inside words, other punctuation splitting words, abbreviations
 * spelt out, and legal forms marked (see {@link CompanyWords}).
 */
public final class NameNormaliser {

  public static final String VERSION = "icu-bgn-latin-ascii/legal-forms-v1";

  // ICU transliterators are not documented as thread-safe; one per thread costs ~1 MB once.
  private static final ThreadLocal<Transliterator> TO_ASCII =
      ThreadLocal.withInitial(
          () -> Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII"));

  private NameNormaliser() {}

  public static NormalisedName normalise(String name) {
    if (name == null || name.isBlank()) {
      return new NormalisedName(List.of());
    }
    String ascii = isAscii(name) ? name : TO_ASCII.get().transliterate(name);
    List<String> words = words(ascii.toLowerCase(Locale.ROOT));
    List<String> spelt = new ArrayList<>(words.size());
    for (String w : words) {
      spelt.add(CompanyWords.ABBREVIATIONS.getOrDefault(w, w));
    }
    return new NormalisedName(markCompanyWords(spelt));
  }

  /** Splits on punctuation and spaces, keeps "s.a." and "a. s." together as "sa" / "as". */
  static List<String> words(String lower) {
    List<String> raw = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean dotted = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word.append(c);
      } else if (c == '\'' || c == '`' || c == '´' || c == '’' || c == '"' || c == '·' || c == 'ʹ'
          || c == 'ʺ') {
        // inside a word these mark a soft sign or an elision: O'Brien, ob"yedineniye
      } else if (c == '.' && word.length() == 1) {
        // a single letter then a dot: part of an initialism such as S.A. or A.Ş.
        word.append('.');
        dotted = true;
      } else {
        flush(raw, word);
        dotted = false;
      }
    }
    flush(raw, word);
    return joinInitialisms(raw);
  }

  private static void flush(List<String> raw, StringBuilder word) {
    if (!word.isEmpty()) {
      raw.add(word.toString());
      word.setLength(0);
    }
  }

  /**
   * "s.a.", "s.", "a." → "sa"; runs of dotted single letters join, and so does "s.r.l" read letter
   * by letter. Undotted single letters stay apart (a person's initials).
   */
  private static List<String> joinInitialisms(List<String> raw) {
    List<String> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (String w : raw) {
      if (w.indexOf('.') >= 0) {
        String letters = w.replace(".", "");
        if (isDottedLetters(w)) {
          run.append(letters);
          continue;
        }
        flushRun(out, run);
        if (!letters.isEmpty()) {
          out.add(letters);
        }
        continue;
      }
      flushRun(out, run);
      out.add(w);
    }
    flushRun(out, run);
    return out;
  }

  private static boolean isDottedLetters(String w) {
    // "s.a." or "s." or "s.r.l": letters each followed by a dot (the last dot optional)
    for (int i = 0; i < w.length(); i++) {
      boolean letterPlace = i % 2 == 0;
      char c = w.charAt(i);
      if (letterPlace ? c == '.' : c != '.') {
        return false;
      }
    }
    return true;
  }

  private static void flushRun(List<String> out, StringBuilder run) {
    if (!run.isEmpty()) {
      out.add(run.toString());
      run.setLength(0);
    }
  }

  /** Marks every run of tokens whose joined text is a legal form (longest run first). */
  private static List<NormalisedName.Token> markCompanyWords(List<String> words) {
    boolean[] company = new boolean[words.size()];
    for (int i = 0; i < words.size(); i++) {
      StringBuilder joined = new StringBuilder();
      int longest = -1;
      for (int k = i; k < Math.min(words.size(), i + CompanyWords.LONGEST_FORM); k++) {
        joined.append(words.get(k));
        if (CompanyWords.LEGAL_FORMS.contains(joined.toString())) {
          longest = k;
        }
      }
      for (int k = i; k <= longest; k++) {
        company[k] = true;
      }
    }
    List<NormalisedName.Token> tokens = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      tokens.add(new NormalisedName.Token(words.get(i), company[i]));
    }
    return tokens;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }
}
