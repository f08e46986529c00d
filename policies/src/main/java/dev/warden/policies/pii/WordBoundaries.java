package dev.warden.policies.pii;

/**
 * Unicode-aware word boundaries shared by the recognizers: whether the character just before or
 * just after a candidate would glue it into a longer token.
 *
 * <p>A <em>word character</em> is a letter or digit of any script ({@link Character#isLetterOrDigit(int)},
 * by code point, so a surrogate pair counts as one character), except letters of the scripts written
 * without spaces between words (Han, Hiragana, Katakana, Hangul, Thai, Lao, Khmer, Myanmar): in
 * {@code 電話番号090-1234-5678です} the number stands on its own although letters touch it. Everything
 * else (punctuation, symbols, emoji, spaces) is a boundary.
 */
final class WordBoundaries {

  private WordBoundaries() {}

  /** Whether the code point that ends just before {@code index} is a word character; false at 0. */
  static boolean wordBefore(CharSequence text, int index) {
    if (index <= 0) {
      return false;
    }
    char c = text.charAt(index - 1);
    if (c < 0x80) {
      return isAsciiWord(c);
    }
    if (Character.isLowSurrogate(c) && index >= 2 && Character.isHighSurrogate(text.charAt(index - 2))) {
      return isWord(Character.toCodePoint(text.charAt(index - 2), c));
    }
    return isWord(c);
  }

  /** Whether the code point that starts at {@code index} is a word character; false at the end. */
  static boolean wordAt(CharSequence text, int index) {
    if (index >= text.length()) {
      return false;
    }
    char c = text.charAt(index);
    if (c < 0x80) {
      return isAsciiWord(c);
    }
    if (Character.isHighSurrogate(c) && index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1))) {
      return isWord(Character.toCodePoint(c, text.charAt(index + 1)));
    }
    return isWord(c);
  }

  /** Whether {@code [start, end)} is not glued to a word character on either side. */
  static boolean standsAlone(CharSequence text, int start, int end) {
    return !wordBefore(text, start) && !wordAt(text, end);
  }

  /** Whether a code point is a word character in the sense of this class. */
  static boolean isWord(int codePoint) {
    if (codePoint < 0x80) {
      return isAsciiWord((char) codePoint);
    }
    if (!Character.isLetterOrDigit(codePoint)) {
      return false;
    }
    if (Character.isDigit(codePoint)) {
      return true;
    }
    if (Character.isIdeographic(codePoint)) {
      return false;
    }
    return switch (Character.UnicodeScript.of(codePoint)) {
      case HAN, HIRAGANA, KATAKANA, HANGUL, THAI, LAO, KHMER, MYANMAR -> false;
      default -> true;
    };
  }

  static boolean isAsciiWord(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isDigit(char c) {
    return (char) (c - '0') <= 9;
  }

  static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static int hexValue(char c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * Whether {@code text} holds {@code word} at {@code index}, ASCII case-insensitively, as a whole
   * word (no word character on either side). {@code word} must be lower case.
   */
  static boolean wordMatchesAt(CharSequence text, int index, String word) {
    int end = index + word.length();
    if (index < 0 || end > text.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      char c = text.charAt(index + k);
      char w = word.charAt(k);
      if (c != w && Character.toLowerCase(c) != w) {
        return false;
      }
    }
    return (!isWord(word.charAt(0)) || !wordBefore(text, index))
        && (!isWord(word.charAt(word.length() - 1)) || !wordAt(text, end));
  }

  /**
   * Whether one of {@code words} (lower case) occurs as a whole word, ASCII case-insensitively,
   * starting within {@code [from, to)}. Costs {@code (to - from) * words.length} char comparisons at most.
   */
  static boolean anyWordStartsIn(CharSequence text, int from, int to, String[] words) {
    int lo = Math.max(0, from);
    int hi = Math.min(text.length(), to);
    long initials = initials(words);
    for (int i = lo; i < hi; i++) {
      char c = toLowerCase(text.charAt(i));
      if ((initials & 1L << c) == 0) {
        continue;
      }
      for (String word : words) {
        if (word.charAt(0) == c && wordMatchesAt(text, i, word)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether one of {@code words} (lower case) occurs as a whole word, ASCII case-insensitively,
   * ending within {@code [from, to]} and starting before {@code to}. Costs at most
   * {@code (to - from + longest word) * words.length} char comparisons.
   */
  static boolean anyWordEndsIn(CharSequence text, int from, int to, String[] words) {
    int longest = 0;
    for (String word : words) {
      longest = Math.max(longest, word.length());
    }
    int hi = Math.min(text.length(), to);
    long initials = initials(words);
    for (int i = Math.max(0, from - longest); i < hi; i++) {
      char c = toLowerCase(text.charAt(i));
      if ((initials & 1L << c) == 0) {
        continue;
      }
      for (String word : words) {
        int end = i + word.length();
        if (word.charAt(0) == c && end >= from && end <= to && wordMatchesAt(text, i, word)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A filter on the first chars of {@code words}: bit {@code c % 64} is set for each first char
   * {@code c}, so most chars of a window are passed over without comparing any word.
   */
  private static long initials(String[] words) {
    long initials = 0;
    for (String word : words) {
      initials |= 1L << word.charAt(0);
    }
    return initials;
  }

  /** {@link Character#toLowerCase(char)}, without its table lookup for ASCII. */
  static char toLowerCase(char c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return Character.toLowerCase(c);
  }

  private static final String[] UNIT_WORDS = {
      "apt", "apartment", "suite", "ste", "unit", "room", "rm", "flat", "floor", "box", "no", "nr", "bldg"};

  /**
   * Whether the word just before {@code index} (one space, maybe a dot or {@code #} between) names
   * a unit of an address or a numbering ({@code Apt.}, {@code Suite}, {@code Unit}, {@code Room},
   * {@code No.}, {@code Box}, …): numbers after such a word are house or room numbers.
   */
  static boolean afterUnitWord(CharSequence text, int index) {
    int p = index - 1;
    if (p >= 0 && text.charAt(p) == '#') {
      p--;
    }
    if (p < 0 || text.charAt(p) != ' ') {
      return false;
    }
    p--;
    if (p >= 0 && (text.charAt(p) == '.' || text.charAt(p) == '#')) {
      p--;
    }
    int end = p + 1;
    while (p >= 0 && end - p <= 10 && isAsciiLetter(text.charAt(p))) {
      p--;
    }
    int start = p + 1;
    if (start == end || wordBefore(text, start)) {
      return false;
    }
    for (String word : UNIT_WORDS) {
      if (word.length() == end - start && wordMatchesAt(text, start, word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code text} holds {@code prefix} at {@code index}, exactly. */
  static boolean startsWith(CharSequence text, int index, String prefix) {
    if (index < 0 || index + prefix.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (text.charAt(index + k) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
