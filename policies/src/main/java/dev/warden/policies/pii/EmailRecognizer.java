package dev.warden.policies.pii;

import java.util.List;

/**
 * Finds e-mail addresses: {@code local@domain}, where the local part is {@code [A-Za-z0-9._%+-]}
 * without a leading or trailing dot, and the domain is two or more dot-separated labels of ASCII
 * letters, digits and inner hyphens, the last label (the TLD) being two or more letters or an
 * internationalized TLD in its ASCII form ({@code xn--p1ai}).
 *
 * <p>A hand-written scanner anchored on {@code '@'} (and the brackets of {@code [at]}, found with
 * the other {@link Anchors}): from each {@code '@'} it walks left over the local part and right
 * over the domain, so every char is visited at most a few times and the time is linear in the text; no regular expression, no backtracking. Punctuation and non-ASCII letters
 * around an address end it ({@code "(a@b.com)."}, {@code "見てa@b.comです"}). A domain whose last
 * label is no TLD is cut back to the longest prefix that ends in one ({@code a@b.com.x} finds
 * {@code a@b.com}). The tail of a URL's {@code user:password@host} is no address: that is a
 * {@link UrlCredentialsRecognizer} finding.
 *
 * <p>Addresses written to dodge harvesters are found too: {@code @} written {@code [at]},
 * {@code (at)} or {@code {at}} and a dot written {@code [dot]}, {@code (dot)} or {@code {dot}}, in
 * any case, with or without one space on each side ({@code john.doe@example[DOT]com},
 * {@code jane (at) example (dot) org}). Bare words ({@code jane at example dot org}) are not,
 * since prose is full of them. Stateless and thread-safe.
 */
public final class EmailRecognizer extends AnchoredRecognizer {

  /** The entity type of every span this recognizer reports. */
  public static final String TYPE = "EMAIL";

  private static final int MAX_USER_INFO = 256;

  @Override
  void find(String text, Anchors anchors, List<Span> out) {
    int n = text.length();
    int floor = 0;
    for (int i = anchors.nextAtOrBracket(0); i < n; i = anchors.nextAtOrBracket(i)) {
      char c = text.charAt(i);
      int atEnd = c == '@' ? i + 1 : wordToken(text, i, n, "at");
      if (atEnd < 0) {
        i++;
        continue;
      }
      int at = c != '@' && i > floor && text.charAt(i - 1) == ' ' ? i - 1 : i;
      int start = localStart(text, at, floor);
      int end = start < 0 ? -1 : domainEnd(text, skipSpace(text, atEnd, n, c != '@'), n);
      if (end > 0 && c == '@' && inUrlUserInfo(text, start, floor)) {
        end = -1;
      }
      if (end > 0) {
        out.add(new Span(TYPE, start, end));
        floor = end;
        i = end;
      } else {
        i++;
      }
    }
  }

  /**
   * End of {@code word} in brackets ({@code [at]}, {@code (dot)}, {@code {at}}, any case) whose
   * opening bracket is at {@code i}; -1 if there is none.
   */
  private static int wordToken(CharSequence text, int i, int n, String word) {
    int close = i + 1 + word.length();
    if (close >= n || !WordBoundaries.wordMatchesAt(text, i + 1, word)) {
      return -1;
    }
    char open = text.charAt(i);
    char c = text.charAt(close);
    return (open == '[' && c == ']') || (open == '(' && c == ')') || (open == '{' && c == '}') ? close + 1 : -1;
  }

  /** {@code p}, or past one space at {@code p} when {@code obfuscated}. */
  private static int skipSpace(CharSequence text, int p, int n, boolean obfuscated) {
    return obfuscated && p < n && text.charAt(p) == ' ' ? p + 1 : p;
  }

  /** Length of the label separator at {@code j}: a dot or a bracketed {@code dot}; 0 if none. */
  private static int dotLength(CharSequence text, int j, int n) {
    if (j >= n) {
      return 0;
    }
    if (text.charAt(j) == '.') {
      return 1;
    }
    int b = text.charAt(j) == ' ' ? j + 1 : j;
    int end = b < n ? wordToken(text, b, n, "dot") : -1;
    return end < 0 ? 0 : skipSpace(text, end, n, true) - j;
  }

  /**
   * Whether the local part at {@code start} is really the tail of a URL's {@code user:password}
   * ({@code https://user:pw@host}): a {@code "://"} and then a colon before it, within the same
   * run of non-space chars. Those belong to {@link UrlCredentialsRecognizer}; reading them as an
   * address would redact the host and leave the user name.
   */
  private static boolean inUrlUserInfo(CharSequence text, int start, int floor) {
    boolean colon = false;
    int lo = Math.max(floor, start - MAX_USER_INFO);
    for (int i = start - 1; i >= lo; i--) {
      char c = text.charAt(i);
      if (c == ':') {
        colon = true;
      } else if (c == '/') {
        return colon && i >= 2 && text.charAt(i - 1) == '/' && text.charAt(i - 2) == ':';
      } else if (Character.isWhitespace(c)) {
        return false;
      }
    }
    return false;
  }

  /** Start of the local part that ends just before {@code at}, not before {@code floor}; -1 if none. */
  private static int localStart(CharSequence text, int at, int floor) {
    if (at == floor || text.charAt(at - 1) == '.') {
      return -1;
    }
    int s = at;
    while (s > floor && isLocalChar(text.charAt(s - 1))) {
      s--;
    }
    while (s < at && text.charAt(s) == '.') {
      s++;
    }
    return s < at ? s : -1;
  }

  /** End (exclusive) of the longest valid domain that starts at {@code from}, or -1. */
  private static int domainEnd(CharSequence text, int from, int n) {
    int best = -1;
    int labels = 0;
    int j = from;
    while (true) {
      int labelStart = j;
      boolean letters = true;
      char c;
      while (j < n && isLabelChar(c = text.charAt(j))) {
        letters &= isLetter(c);
        j++;
      }
      if (j == labelStart || text.charAt(labelStart) == '-' || text.charAt(j - 1) == '-') {
        return best;
      }
      labels++;
      if (labels >= 2 && j - labelStart >= 2 && (letters || isPunycode(text, labelStart, j))) {
        best = j;
      }
      int dot = dotLength(text, j, n);
      if (dot > 0 && j + dot < n && isLabelChar(text.charAt(j + dot))) {
        j += dot;
      } else {
        return best;
      }
    }
  }

  /** An internationalized TLD in its ASCII form, {@code xn--} and at least two more chars. */
  private static boolean isPunycode(CharSequence text, int start, int end) {
    return end - start >= 6 && (text.charAt(start) | 0x20) == 'x' && (text.charAt(start + 1) | 0x20) == 'n'
        && text.charAt(start + 2) == '-' && text.charAt(start + 3) == '-';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isLabelChar(char c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '-';
  }

  private static boolean isLocalChar(char c) {
    return isLabelChar(c) || c == '.' || c == '_' || c == '%' || c == '+';
  }
}
