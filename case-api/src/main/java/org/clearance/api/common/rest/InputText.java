package org.clearance.api.common.rest;

/**
 * Which characters client text may hold. PostgreSQL refuses NUL in text, and no field of the API
 * has a use for other control characters or for UTF-16 surrogates without their pair (they cannot
 * be encoded as UTF-8). Tab, line feed and carriage return are kept: statements and addresses span
 * lines.
 */
public final class InputText {

  private InputText() {}

  /** Why the text is refused, or null when every character is acceptable. */
  public static String problem(String text) {
    return problem(text, true);
  }

  /** As {@link #problem(String)}, for one-line values (query parameters, path segments). */
  public static String problemInLine(String text) {
    return problem(text, false);
  }

  private static String problem(String text, boolean lineBreaksAllowed) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return "contains an unpaired UTF-16 surrogate (U+" + hex(c) + ")";
      }
      if (Character.isLowSurrogate(c)) {
        return "contains an unpaired UTF-16 surrogate (U+" + hex(c) + ")";
      }
      if (Character.isISOControl(c)
          && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
        return "contains the control character U+" + hex(c);
      }
    }
    return null;
  }

  private static String hex(char c) {
    return String.format("%04X", (int) c);
  }
}
