package dev.warden.policies.pii;

/**
 * Where the built-in recognizers may find something in one text: the positions of ASCII digits,
 * of {@code +} and {@code (} (which may start a phone number), and of the marks the other shapes
 * are anchored on ({@code - _ . : = A B}). Found in one pass and kept as bit sets, so a recognizer
 * jumps from one candidate to the next instead of reading every char of the text; in prose nine
 * chars in ten are none of these.
 *
 * <p>Every anchor char is ASCII, so positions are UTF-16 indices of the text as they are. Immutable
 * once built; one instance serves all recognizers of one scan.
 */
final class Anchors {

  private static final byte DIGIT = 1;
  private static final byte SIGN = 2;
  private static final byte MARK = 4;
  private static final byte[] KINDS = new byte[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      KINDS[c] = DIGIT;
    }
    KINDS['+'] = SIGN;
    KINDS['('] = SIGN;
    for (char c : "-_.:=AB".toCharArray()) {
      KINDS[c] = MARK;
    }
  }

  private final int length;
  private final long[] digits;
  private final long[] signs;
  private final long[] marks;

  private Anchors(int length) {
    this.length = length;
    int words = (length + 63) >>> 6;
    digits = new long[words];
    signs = new long[words];
    marks = new long[words];
  }

  /** The anchors of {@code text}. */
  static Anchors of(String text) {
    int n = text.length();
    Anchors anchors = new Anchors(n);
    for (int w = 0; w < anchors.digits.length; w++) {
      int base = w << 6;
      int bits = Math.min(64, n - base);
      long d = 0;
      long s = 0;
      long m = 0;
      // branch-free: which chars are anchors is data the branch predictor cannot learn
      for (int b = 0; b < bits; b++) {
        char c = text.charAt(base + b);
        int kind = c < 128 ? KINDS[c] : 0;
        d |= (long) (kind & DIGIT) << b;
        s |= (long) ((kind & SIGN) >>> 1) << b;
        m |= (long) (kind >>> 2) << b;
      }
      anchors.digits[w] = d;
      anchors.signs[w] = s;
      anchors.marks[w] = m;
    }
    return anchors;
  }

  /** The first index at or after {@code from} that holds an ASCII digit; the text length if none. */
  int nextDigit(int from) {
    return next(digits, null, from);
  }

  /** The first index at or after {@code from} that holds a digit, {@code +} or {@code (}; the text length if none. */
  int nextNumberStart(int from) {
    return next(digits, signs, from);
  }

  /** The first index at or after {@code from} that holds one of {@code - _ . : = A B}; the text length if none. */
  int nextMark(int from) {
    return next(marks, null, from);
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
