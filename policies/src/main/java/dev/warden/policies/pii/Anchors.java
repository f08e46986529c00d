package dev.warden.policies.pii;

/**
 * Where the built-in recognizers may find something in one text: where runs of ASCII digits start
 * (and whether each follows an ASCII letter or starts a word), where {@code +} and {@code (}
 * stand (which may start a phone number), where {@code @ [ ( {} stand (which may join an e-mail
 * address), and where the marks the other shapes are anchored on stand ({@code - _ . : = A B}).
 * Found in one pass and kept as bit sets, so a recognizer jumps from one candidate to the next
 * instead of reading every char of the text; in prose more than nine chars in ten are none of these.
 *
 * <p>Every anchor char is ASCII, so positions are UTF-16 indices of the text as they are. Immutable
 * once built; one instance serves all recognizers of one scan.
 */
final class Anchors {

  // bit flags: '(' is both a sign and an e-mail mark
  private static final byte DIGIT = 1;
  private static final byte SIGN = 2;
  private static final byte MARK = 4;
  private static final byte AT = 8;
  private static final byte[] KINDS = new byte[128];
  private static final byte[] IS_ANCHOR = new byte[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      KINDS[c] = DIGIT;
    }
    KINDS['+'] = SIGN;
    KINDS['('] = SIGN | AT;
    for (char c : "-_.:=AB".toCharArray()) {
      KINDS[c] = MARK;
    }
    for (char c : "@[{".toCharArray()) {
      KINDS[c] = AT;
    }
    for (int c = 0; c < 128; c++) {
      IS_ANCHOR[c] = (byte) (KINDS[c] == 0 ? 0 : 1);
    }
  }

  private final int length;
  private final long[] runs;
  private final long[] numbers;
  private final long[] gluedRuns;
  private final long[] signs;
  private final long[] marks;
  private final long[] ats;

  private Anchors(int length) {
    this.length = length;
    int words = (length + 63) >>> 6;
    runs = new long[words];
    numbers = new long[words];
    gluedRuns = new long[words];
    signs = new long[words];
    marks = new long[words];
    ats = new long[words];
  }

  /** The anchors of {@code text}. */
  static Anchors of(String text) {
    char[] chars = text.toCharArray();
    int n = chars.length;
    Anchors anchors = new Anchors(n);
    long lastDigits = 0;
    for (int w = 0; w < anchors.runs.length; w++) {
      int base = w << 6;
      int bits = Math.min(64, n - base);
      // branch-free, one bit set for all kinds: which chars are anchors is data the branch
      // predictor cannot learn, and one accumulator keeps the loop short
      long any = 0;
      for (int b = 0; b < bits; b++) {
        char c = chars[base + b];
        any |= (long) (c < 128 ? IS_ANCHOR[c] : 0) << b;
      }
      long digits = 0;
      long s = 0;
      long m = 0;
      long a = 0;
      while (any != 0) {
        long bit = any & -any;
        byte kind = KINDS[chars[base + Long.numberOfTrailingZeros(any)]];
        any ^= bit;
        digits |= kind == DIGIT ? bit : 0;
        s |= (kind & SIGN) != 0 ? bit : 0;
        m |= kind == MARK ? bit : 0;
        a |= (kind & AT) != 0 ? bit : 0;
      }
      long runs = digits & ~(digits << 1 | lastDigits >>> 63);
      lastDigits = digits;
      long glued = afterLetter(chars, base, runs);
      anchors.runs[w] = runs;
      anchors.numbers[w] = runs & ~glued;
      anchors.gluedRuns[w] = glued;
      anchors.signs[w] = s;
      anchors.marks[w] = m;
      anchors.ats[w] = a;
    }
    return anchors;
  }

  /** Which of the positions in {@code set} (bits from {@code base}) follow an ASCII letter. */
  private static long afterLetter(char[] text, int base, long set) {
    long glued = 0;
    for (long rest = set; rest != 0; rest &= rest - 1) {
      int p = base + Long.numberOfTrailingZeros(rest);
      if (p > 0 && WordBoundaries.isAsciiLetter(text[p - 1])) {
        glued |= rest & -rest;
      }
    }
    return glued;
  }

  /**
   * The first index at or after {@code from} where a run of ASCII digits starts (a digit that does
   * not follow a digit); the text length if none. A run that started before {@code from} is passed over.
   */
  int nextDigitRun(int from) {
    return next(runs, null, from);
  }

  /** As {@link #nextDigitRun}, for runs that do not follow an ASCII letter either: numbers that start a word. */
  int nextNumber(int from) {
    return next(numbers, null, from);
  }

  /** As {@link #nextDigitRun}, for runs that follow an ASCII letter: the check digits of an IBAN. */
  int nextDigitRunAfterLetter(int from) {
    return next(gluedRuns, null, from);
  }

  /**
   * The first index at or after {@code from} where a digit run starts or a {@code +} or {@code (}
   * stands; the text length if none.
   */
  int nextDigitRunOrSign(int from) {
    return next(runs, signs, from);
  }

  /** The first index at or after {@code from} holding one of {@code - _ . : = A B}; the text length if none. */
  int nextMark(int from) {
    return next(marks, null, from);
  }

  /** The first index at or after {@code from} holding one of {@code @ [ ( {}; the text length if none. */
  int nextAtOrBracket(int from) {
    return next(ats, null, from);
  }

  private int next(long[] set, long[] orSet, int from) {
    if (from >= length) {
      return length;
    }
    int w = from >>> 6;
    long word = (set[w] | (orSet == null ? 0 : orSet[w])) & (-1L << from);
    while (word == 0) {
      if (++w == set.length) {
        return length;
      }
      word = set[w] | (orSet == null ? 0 : orSet[w]);
    }
    return (w << 6) + Long.numberOfTrailingZeros(word);
  }
}
