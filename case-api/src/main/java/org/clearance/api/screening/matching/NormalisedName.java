package org.clearance.api.screening.matching;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A name after normalisation: lower-case ASCII tokens in their original order. Legal-form and
 * company-type words are kept but marked, because whether they matter depends on what is compared
 * (a person's "Ao" is a surname, a company's "AO" is a legal form).
 */
public record NormalisedName(List<Token> tokens) {

  /** One word of a name; {@code companyWord} marks legal forms and company-type words. */
  public record Token(String text, boolean companyWord) {}

  public NormalisedName {
    tokens = List.copyOf(tokens);
  }

  /** The tokens that identify the party: company words dropped unless nothing else is left. */
  public List<String> identifying(boolean dropCompanyWords) {
    if (dropCompanyWords && tokens.stream().anyMatch(t -> !t.companyWord())) {
      return tokens.stream().filter(t -> !t.companyWord()).map(Token::text).toList();
    }
    return tokens.stream().map(Token::text).toList();
  }

  public boolean isEmpty() {
    return tokens.isEmpty();
  }

  /** The tokens joined by spaces, company words marked with a trailing '*' (index storage). */
  public String encode() {
    return tokens.stream()
        .map(t -> t.companyWord() ? t.text() + "*" : t.text())
        .collect(Collectors.joining(" "));
  }

  public static NormalisedName decode(String encoded) {
    if (encoded == null || encoded.isBlank()) {
      return new NormalisedName(List.of());
    }
    return new NormalisedName(
        java.util.Arrays.stream(encoded.split(" "))
            .map(
                s ->
                    s.endsWith("*")
                        ? new Token(s.substring(0, s.length() - 1), true)
                        : new Token(s, false))
            .toList());
  }

  /** The plain text, every token, for display. */
  public String text() {
    return tokens.stream().map(Token::text).collect(Collectors.joining(" "));
  }
}
