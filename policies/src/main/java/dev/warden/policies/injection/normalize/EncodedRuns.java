package dev.warden.policies.injection.normalize;

/**
 * One pass over a text that finds where encoded segments may be: runs of base64 characters,
 * whitespace-delimited tokens with percent escapes or {@code \x} escapes, and clauses whose letter
 * pairs look like ROT13 of English, or that are written in leetspeak ({@code 1gn0r3 4ll}) or in
 * spaced letters ({@code i g n o r e}). On the fast path it also stops at the first char that
 * needs the slow path of normalisation. Not thread-safe; one instance per scan.
 *
 * <p>ROT13 shows in letter pairs: English is full of {@code th}, {@code he}, {@code in},
 * {@code ou}, whose images {@code gu}, {@code ur}, {@code va}, {@code bh} are rare in English. A
 * clause (text between {@code . ! ? : ; "} or a line break) with at least two of the rare pairs
 * and more than twice as many of them as of the common ones is a candidate; decoding then has to
 * confirm it (see {@link SegmentDecoders#rot13}). The same table lookup counts the clause's
 * letters next to the digits leetspeak puts for letters ({@code 0 1 3 4 5}), and its letters that
 * start a word: a clause whose letters nearly all start a word is spaced out. {@link Disguises}
 * confirms both.
 */
final class EncodedRuns {

  static final int BASE64 = 1;
  static final int PERCENT = 2;
  static final int HEX_ESCAPES = 3;
  static final int ROT13 = 4;
  static final int LEETSPEAK = 5;
  static final int SPACED_LETTERS = 6;

  private static final int B64 = 1;
  private static final int LETTER = 2;
  private static final int SPACE = 4;
  private static final int CLAUSE = 8;
  private static final int PERCENT_SIGN = 16;
  private static final int BACKSLASH = 32;
  private static final int CONTROL = 64;
  /** The kinds the ASCII loop branches on: rare in prose. */
  private static final int RARE = CLAUSE | PERCENT_SIGN | BACKSLASH | CONTROL;

  /**
   * Per ASCII char: its kinds in the low 8 bits, and above them a letter's {@code c & 31} (0 for
   * any other char), so one load per char.
   */
  private static final int[] CLASS = new int[128];
  /**
   * Indexed by (previous letter & 31) << 5 | (letter & 31), what the pair adds to five 12-bit
   * counts: a common English pair, its ROT13 image, a letter next to a leet digit, a letter that
   * starts a word, a letter. One table and one sum: a second sum slows the loop by a tenth.
   */
  private static final long[] PAIRS = new long[1024];
  private static final int BITS = 12;
  private static final int FIELD = (1 << BITS) - 1;
  private static final long COMMON_PAIR = 1L;
  private static final long ROT13_PAIR = 1L << BITS;
  private static final long LEET_PAIR = 1L << 2 * BITS;
  private static final long WORD_START = 1L << 3 * BITS;
  private static final long ONE_LETTER = 1L << 4 * BITS;
  /** Past this many chars a clause's counts may carry into one another, and are counted again. */
  private static final int PACKED_CLAUSE = FIELD;
  /** The digits leetspeak writes for letters, with the codes they get above the letters' 1 to 26. */
  private static final String LEET_DIGITS = "01345";
  private static final int FIRST_LEET_CODE = 27;
  private static final int MIN_LEET_PAIRS = 3;
  private static final int MIN_SPACED_LETTERS = 8;

  private static final int MIN_ESCAPES = 3;
  private static final int MIN_HEX_ESCAPES = 4;

  static {
    for (int c = 0; c < 128; c++) {
      int k = 0;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        k = B64 | LETTER;
      } else if (c >= '0' && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_') {
        k = B64;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        k = SPACE;
      } else if (c == '\n') {
        k = SPACE | CLAUSE;
      } else if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"') {
        k = CLAUSE;
      } else if (c == '%') {
        k = PERCENT_SIGN;
      } else if (c == '\\') {
        k = BACKSLASH;
      } else if (CharKinds.invisibleKind(c) == CharKinds.CONTROL) {
        k = CONTROL;
      }
      int leet = LEET_DIGITS.indexOf(c);
      int code = (k & LETTER) != 0 ? c & 31 : leet >= 0 ? FIRST_LEET_CODE + leet : 0;
      CLASS[c] = k | code << 8;
    }
    for (int previous = 0; previous < 32; previous++) {
      for (int letter = 1; letter < 32; letter++) {
        boolean isLetter = letter < FIRST_LEET_CODE;
        boolean wasLetter = previous > 0 && previous < FIRST_LEET_CODE;
        long shape = isLetter ? ONE_LETTER : 0;
        if (isLetter && previous == 0) {
          shape += WORD_START;
        }
        if (isLetter ? previous >= FIRST_LEET_CODE : wasLetter) {
          shape += LEET_PAIR;
        }
        PAIRS[previous << 5 | letter] = shape;
      }
    }
    for (String pair : new String[] {"th", "he", "in", "nd", "ou", "to", "is", "it", "ll", "st", "wi", "wh", "es"}) {
      PAIRS[(pair.charAt(0) & 31) << 5 | pair.charAt(1) & 31] += COMMON_PAIR;
      PAIRS[(rot13(pair.charAt(0)) & 31) << 5 | rot13(pair.charAt(1)) & 31] += ROT13_PAIR;
    }
  }

  private final int maxCandidates;
  private final int minBase64;
  private int[] kinds;
  private int[] starts;
  private int[] ends;
  private int count;

  EncodedRuns(int maxCandidates, int minBase64) {
    this.maxCandidates = maxCandidates;
    this.minBase64 = minBase64;
  }

  int count() {
    return count;
  }

  int kind(int index) {
    return kinds[index];
  }

  int start(int index) {
    return starts[index];
  }

  int end(int index) {
    return ends[index];
  }

  void clear() {
    count = 0;
  }

  /**
   * Records the candidates in {@code s}. With {@code stopAtWork}, stops at the first char that
   * normalisation may change and returns its index; otherwise (and when there is none) returns -1.
   */
  int scan(String s, boolean stopAtWork) {
    // the hot loop reads a char[] copy: String.charAt checks the coder on every call
    char[] chars = s.toCharArray();
    int n = chars.length;
    int run = 0;
    int previous = 0;
    long pairs = 0;
    int clauseStart = 0;
    int tokenStart = 0;
    int escapes = 0;
    int hexEscapes = 0;
    int i = 0;
    while (i < n) {
      // The ASCII loop. Its only branches are taken rarely (a long run ends, a clause ends, an
      // escape or a control char), so fresh text costs no mispredicted branch per word: a space
      // ends a token only when the token has escapes, whose start is then looked up.
      for (; i < n; i++) {
        char c = chars[i];
        if (c >= 0x80) {
          break;
        }
        int k = CLASS[c];
        int b64 = k & B64;
        if (run >= minBase64 && b64 == 0) {
          add(BASE64, i - run, i);
        }
        run = (run + 1) & -b64;
        int letter = k >>> 8;
        pairs += PAIRS[previous << 5 | letter];
        previous = letter;
        if ((escapes | hexEscapes) != 0 && (k & SPACE) != 0) {
          endToken(tokenStart, i, escapes, hexEscapes);
          escapes = 0;
          hexEscapes = 0;
        }
        if ((k & RARE) != 0) {
          if ((k & CLAUSE) != 0) {
            endClause(chars, clauseStart, i, pairs);
            pairs = 0;
            clauseStart = i + 1;
          } else if ((k & CONTROL) != 0) {
            if (stopAtWork) {
              return i;
            }
          } else if ((k & PERCENT_SIGN) != 0) {
            if (i + 2 < n && isHex(chars[i + 1]) && isHex(chars[i + 2])) {
              tokenStart = (escapes | hexEscapes) == 0 ? tokenStart(chars, i) : tokenStart;
              escapes++;
            }
          } else if (i + 3 < n && chars[i + 1] == 'x' && isHex(chars[i + 2]) && isHex(chars[i + 3])) {
            tokenStart = (escapes | hexEscapes) == 0 ? tokenStart(chars, i) : tokenStart;
            hexEscapes++;
          }
        }
      }
      if (i < n) {
        int width = nonAscii(s, i, stopAtWork);
        if (width < 0) {
          return i;
        }
        if (run >= minBase64) {
          add(BASE64, i - run, i);
        }
        run = 0;
        previous = 0;
        i += width;
      }
    }
    if (run >= minBase64) {
      add(BASE64, n - run, n);
    }
    endToken(tokenStart, n, escapes, hexEscapes);
    endClause(chars, clauseStart, n, pairs);
    return -1;
  }

  /** Where the whitespace-delimited token holding {@code chars[i]} starts. */
  private static int tokenStart(char[] chars, int i) {
    int start = i;
    while (start > 0 && (chars[start - 1] >= 0x80 || (CLASS[chars[start - 1]] & SPACE) == 0)) {
      start--;
    }
    return start;
  }

  /**
   * The width (1 or 2 chars) of the non-ASCII code point at {@code i}, or -1 when
   * {@code stopAtWork} and normalisation may change it. A non-ASCII char ends a base64 run and
   * counts as no letter, space or clause end.
   */
  private static int nonAscii(String s, int i, boolean stopAtWork) {
    char c = s.charAt(i);
    if (!Character.isSurrogate(c)) {
      return stopAtWork && CharKinds.needsWork(c) ? -1 : 1;
    }
    if (i + 1 < s.length() && Character.isSurrogatePair(c, s.charAt(i + 1))) {
      return stopAtWork && CharKinds.supplementaryNeedsWork(Character.toCodePoint(c, s.charAt(i + 1))) ? -1 : 2;
    }
    return stopAtWork ? -1 : 1;
  }

  private void endToken(int start, int end, int escapes, int hexEscapes) {
    if (escapes >= MIN_ESCAPES) {
      add(PERCENT, start, end);
    }
    if (hexEscapes >= MIN_HEX_ESCAPES) {
      add(HEX_ESCAPES, start, end);
    }
  }

  private void endClause(char[] chars, int start, int end, long pairs) {
    if (end - start <= PACKED_CLAUSE) {
      classify(start, end, field(pairs, 0), field(pairs, 1), field(pairs, 2), field(pairs, 3),
          field(pairs, 4));
    } else {
      int[] counts = recount(chars, start, end);
      classify(start, end, counts[0], counts[1], counts[2], counts[3], counts[4]);
    }
  }

  private void classify(int start, int end, int common, int rare, int leetPairs, int wordStarts,
      int letters) {
    if (rare >= 2 && rare > 2 * common) {
      addClause(ROT13, start, end);
    } else if (leetPairs >= MIN_LEET_PAIRS) {
      addClause(LEETSPEAK, start, end);
    } else if (letters >= MIN_SPACED_LETTERS && wordStarts * 5 >= letters * 4) {
      addClause(SPACED_LETTERS, start, end);
    }
  }

  private static int field(long pairs, int index) {
    return (int) (pairs >>> index * BITS) & FIELD;
  }

  /** The five counts of a long clause, summed in pieces too short to carry. */
  private static int[] recount(char[] chars, int start, int end) {
    int[] counts = new int[5];
    int previous = 0;
    for (int from = start; from < end; from += PACKED_CLAUSE) {
      long pairs = 0;
      for (int i = from; i < Math.min(end, from + PACKED_CLAUSE); i++) {
        int letter = chars[i] < 0x80 ? CLASS[chars[i]] >>> 8 : 0;
        pairs += PAIRS[previous << 5 | letter];
        previous = letter;
      }
      for (int f = 0; f < counts.length; f++) {
        counts[f] += field(pairs, f);
      }
    }
    return counts;
  }

  /** A clause candidate, joined to the one before when only a clause mark or two part them. */
  private void addClause(int kind, int start, int end) {
    if (count > 0 && kinds[count - 1] == kind && start - ends[count - 1] <= 2) {
      ends[count - 1] = end;
    } else {
      add(kind, start, end);
    }
  }

  private void add(int kind, int start, int end) {
    if (count == maxCandidates) {
      return;
    }
    if (kinds == null) {
      int initial = Math.min(maxCandidates, 8);
      kinds = new int[initial];
      starts = new int[initial];
      ends = new int[initial];
    } else if (count == kinds.length) {
      int grown = Math.min(maxCandidates, count * 2);
      kinds = java.util.Arrays.copyOf(kinds, grown);
      starts = java.util.Arrays.copyOf(starts, grown);
      ends = java.util.Arrays.copyOf(ends, grown);
    }
    kinds[count] = kind;
    starts[count] = start;
    ends[count] = end;
    count++;
  }

  static boolean isHex(char c) {
    return c >= '0' && c <= '9' || (c | 0x20) >= 'a' && (c | 0x20) <= 'f';
  }

  static char rot13(char c) {
    if (c >= 'a' && c <= 'z') {
      return (char) ('a' + (c - 'a' + 13) % 26);
    }
    if (c >= 'A' && c <= 'Z') {
      return (char) ('A' + (c - 'A' + 13) % 26);
    }
    return c;
  }
}
