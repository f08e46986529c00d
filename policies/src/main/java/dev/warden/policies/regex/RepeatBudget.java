package dev.warden.policies.regex;

/**
 * Refuses RE2 patterns whose counted repetitions nest into a huge program, before RE2/J compiles
 * them. RE2/J matches in linear time, but it compiles {@code x{n}} into n copies of {@code x}: the
 * 23 chars {@code ((a{1000}){1000}){1000}} become 10^9 instructions and exhaust the heap while a
 * policy loads. As RE2 in C++ does, the counts of repetitions nested in one another may multiply
 * to at most {@value #MAX_PRODUCT} ({@code {n,}} counts n, {@code {n,m}} counts m).
 *
 * <p>The scan only follows groups, escapes and character classes; whatever else is wrong with a
 * pattern is left to RE2/J's own parser. Stateless and thread-safe.
 */
public final class RepeatBudget {

  /** The largest product of nested repetition counts accepted, as in RE2. */
  public static final int MAX_PRODUCT = 1000;

  /** What is wrong with a pattern that does not {@link #fits fit}, for an error message. */
  public static final String PROBLEM = "counted repetitions nested in one another multiply to more than "
      + MAX_PRODUCT + " copies";

  private static final long OVER = MAX_PRODUCT + 1L;

  private RepeatBudget() {}

  /** True when the nested counted repetitions of {@code pattern} multiply to at most {@value #MAX_PRODUCT}. */
  public static boolean fits(String pattern) {
    return largestProduct(pattern) <= MAX_PRODUCT;
  }

  /** The largest product of nested repetition counts in {@code pattern}, capped just above the budget. */
  static long largestProduct(String pattern) {
    int n = pattern.length();
    long[] inner = new long[n + 1]; // per open group: the largest product inside it
    int depth = 0;
    inner[0] = 1;
    long atom = 0; // the product of what a quantifier here would repeat; 0 when nothing
    int i = 0;
    while (i < n) {
      char c = pattern.charAt(i);
      int countEnd = c == '{' && atom > 0 ? countEnd(pattern, i) : 0;
      if (c == '\\') {
        i = skipEscape(pattern, i);
        atom = 1;
      } else if (c == '[') {
        i = skipClass(pattern, i);
        atom = 1;
      } else if (c == '(') {
        inner[++depth] = 1;
        atom = 0;
        i++;
      } else if (c == ')' && depth > 0) {
        atom = inner[depth--];
        inner[depth] = Math.max(inner[depth], atom);
        i++;
      } else if (countEnd > 0) {
        atom = Math.min(OVER, atom * count(pattern.substring(i + 1, countEnd - 1)));
        inner[depth] = Math.max(inner[depth], atom);
        i = countEnd;
      } else if (c == '|') {
        atom = 0;
        i++;
      } else {
        // * + ? repeat without copying; anything else is a one-char atom
        atom = c == '*' || c == '+' || c == '?' ? atom : 1;
        i++;
      }
    }
    for (; depth > 0; depth--) {
      inner[depth - 1] = Math.max(inner[depth - 1], inner[depth]);
    }
    return inner[0];
  }

  /** Past {@code \x}, {@code \p{Name}}, {@code \x{hex}} or {@code \Q…\E}. */
  private static int skipEscape(String p, int i) {
    int n = p.length();
    if (i + 1 >= n) {
      return n;
    }
    char kind = p.charAt(i + 1);
    if (kind == 'Q') {
      int end = p.indexOf("\\E", i + 2);
      return end < 0 ? n : end + 2;
    }
    if ((kind == 'p' || kind == 'P' || kind == 'x') && i + 2 < n && p.charAt(i + 2) == '{') {
      int end = p.indexOf('}', i + 3);
      return end < 0 ? n : end + 1;
    }
    return i + 2;
  }

  /** Past a character class, {@code [^]…]} and {@code [[:alpha:]]} included. */
  private static int skipClass(String p, int i) {
    int n = p.length();
    int j = i + 1;
    if (j < n && p.charAt(j) == '^') {
      j++;
    }
    if (j < n && p.charAt(j) == ']') {
      j++;
    }
    while (j < n) {
      char c = p.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == '[' && j + 1 < n && p.charAt(j + 1) == ':') {
        int end = p.indexOf(":]", j + 2);
        j = end < 0 ? j + 1 : end + 2;
      } else if (c == ']') {
        return j + 1;
      } else {
        j++;
      }
    }
    return n;
  }

  /** The index after a well-formed {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code i}; 0 if none is there. */
  private static int countEnd(String p, int i) {
    int j = digitsEnd(p, i + 1);
    if (j == i + 1) {
      return 0;
    }
    if (j < p.length() && p.charAt(j) == ',') {
      j = digitsEnd(p, j + 1);
    }
    return j < p.length() && p.charAt(j) == '}' ? j + 1 : 0;
  }

  private static int digitsEnd(String p, int from) {
    int j = from;
    while (j < p.length() && p.charAt(j) >= '0' && p.charAt(j) <= '9') {
      j++;
    }
    return j;
  }

  /** The copies that {@code n}, {@code n,} or {@code n,m} (between the braces) makes: m, else n; capped. */
  private static long count(String body) {
    int comma = body.indexOf(',');
    String copies = comma < 0 ? body : comma == body.length() - 1 ? body.substring(0, comma) : body.substring(comma + 1);
    return copies.length() > 6 ? OVER : Math.min(OVER, Long.parseLong(copies));
  }
}
