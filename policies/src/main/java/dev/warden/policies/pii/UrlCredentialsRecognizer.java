package dev.warden.policies.pii;

import java.util.List;

/**
 * Finds credentials embedded in URLs: {@code scheme://user:password@host}. The span is the whole
 * user-info, {@code user:password} (or {@code :password}, as in {@code redis://:pw@host}), without
 * the {@code @}: redacting it leaves {@code https://[URL_CREDENTIALS]@db.example.com/x}, so the
 * reader still sees where the URL points, while the password and the account it unlocks are both
 * gone (a user name is often personal itself, an e-mail address or a person's name).
 *
 * <p>The authority ends at the first {@code /}, {@code ?}, {@code #}, whitespace, quote or angle
 * bracket; within it the last {@code @} separates user-info from host, so an unescaped {@code @} in
 * a password stays inside the span. A user-info without {@code :}, or with an empty password, is not
 * a credential. Stateless and thread-safe; one {@code indexOf} pass for {@code ://}, authorities
 * longer than {@value #MAX_AUTHORITY} chars are not examined.
 */
public final class UrlCredentialsRecognizer implements Recognizer {

  /** The entity type of every span this recognizer reports. */
  public static final String TYPE = "URL_CREDENTIALS";

  static final int MAX_AUTHORITY = 512;
  private static final int MAX_SCHEME = 32;

  @Override
  public void find(CharSequence chars, List<Span> out) {
    String text = chars.toString();
    int n = text.length();
    int k = indexOf(text, 0);
    while (k >= 0) {
      int a = k + 3;
      int resume = a;
      if (hasScheme(text, k)) {
        int end = a;
        int at = -1;
        while (end < n && end - a <= MAX_AUTHORITY && !endsAuthority(text.charAt(end))) {
          if (text.charAt(end) == '@') {
            at = end;
          }
          end++;
        }
        resume = end;
        if (at > a && end - a <= MAX_AUTHORITY && at + 1 < end && hasPassword(text, a, at)) {
          out.add(new Span(TYPE, a, at));
        }
      }
      k = resume < n ? indexOf(text, resume) : -1;
    }
  }

  /**
   * Where the next {@code ://} starts, found by its first slash: a char search is faster than a
   * substring search, and slashes are rarer than colons in JSON and prose.
   */
  private static int indexOf(String text, int from) {
    int slash = text.indexOf('/', from + 1);
    while (slash >= 0 && !(text.charAt(slash - 1) == ':' && slash + 1 < text.length() && text.charAt(slash + 1) == '/')) {
      slash = text.indexOf('/', slash + 1);
    }
    return slash < 0 ? -1 : slash - 1;
  }

  /** Whether an RFC 3986 scheme ends just before {@code colon}, standing alone on its left. */
  private static boolean hasScheme(CharSequence text, int colon) {
    int s = colon;
    while (s > 0 && colon - s < MAX_SCHEME && isSchemeChar(text.charAt(s - 1))) {
      s--;
    }
    while (s < colon && !WordBoundaries.isAsciiLetter(text.charAt(s))) {
      s++;
    }
    return colon - s >= 2 && !WordBoundaries.wordBefore(text, s);
  }

  private static boolean isSchemeChar(char c) {
    return WordBoundaries.isAsciiWord(c) || c == '+' || c == '-' || c == '.';
  }

  private static boolean endsAuthority(char c) {
    return c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`'
        || c == '\\' || Character.isWhitespace(c);
  }

  /** Whether the user-info {@code [a, at)} has a colon followed by a non-empty password. */
  private static boolean hasPassword(CharSequence text, int a, int at) {
    for (int i = a; i < at; i++) {
      if (text.charAt(i) == ':') {
        return i + 1 < at;
      }
    }
    return false;
  }
}
