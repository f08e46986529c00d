package dev.warden.policies.config;

/** Formats policy values for error messages: quoted, on one line, and bounded in length. */
final class Texts {

  static final int MAX_QUOTED = 48;

  private Texts() {}

  /** {@code 'value'}, with control characters replaced and long values cut. */
  static String quote(String value) {
    return "'" + oneLine(value, MAX_QUOTED) + "'";
  }

  /** The text with every run of whitespace or control characters as one space, cut at {@code max} chars. */
  static String oneLine(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
    boolean space = false;
    int i = 0;
    for (; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    if (i < text.length() && !text.substring(i).isBlank()) {
      if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
        out.setLength(out.length() - 1);
      }
      out.append('…');
    }
    return out.toString();
  }
}
