package dev.warden.policies.injection.normalize;

/**
 * Strict UTF-8 decoding into text, without exceptions: bytes that are not well-formed UTF-8, or
 * that decode to control characters other than tab, line feed and carriage return, are not text.
 */
final class Utf8Text {

  private Utf8Text() {}

  /**
   * The text that {@code bytes[from, to)} encode, or null when they are not well-formed UTF-8, hold
   * a control character other than tab, line feed or carriage return, or decode to fewer than
   * {@code minChars} chars.
   */
  static String decode(byte[] bytes, int from, int to, int minChars) {
    StringBuilder out = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      int b = bytes[i] & 0xFF;
      int cp;
      int need;
      if (b < 0x80) {
        cp = b;
        need = 0;
      } else if (b >= 0xC2 && b <= 0xDF) {
        cp = b & 0x1F;
        need = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        cp = b & 0x0F;
        need = 2;
      } else if (b >= 0xF0 && b <= 0xF4) {
        cp = b & 0x07;
        need = 3;
      } else {
        return null;
      }
      if (i + need >= to && need > 0) {
        return null;
      }
      for (int k = 1; k <= need; k++) {
        int cont = bytes[i + k] & 0xFF;
        if ((cont & 0xC0) != 0x80) {
          return null;
        }
        cp = cp << 6 | cont & 0x3F;
      }
      if (need == 2 && (cp < 0x800 || cp >= 0xD800 && cp <= 0xDFFF)
          || need == 3 && (cp < 0x10000 || cp > 0x10FFFF)) {
        return null;
      }
      if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' || cp >= 0x7F && cp <= 0x9F
          || cp == 0xFFFD) {
        return null;
      }
      out.appendCodePoint(cp);
      i += need + 1;
    }
    return out.length() >= minChars ? out.toString() : null;
  }

  /**
   * Whether decoded text reads like text rather than like binary that happens to be printable:
   * letters, digits and spaces make up at least half of it.
   */
  static boolean looksLikeText(String text) {
    int wordy = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) || c == ' ' || c == '\n') {
        wordy++;
      }
    }
    return wordy * 2 >= text.length();
  }
}
