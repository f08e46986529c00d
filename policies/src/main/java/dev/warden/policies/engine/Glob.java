package dev.warden.policies.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled model-name glob: {@code *} matches any run of characters (also none), {@code ?}
 * exactly one UTF-16 char; everything else matches itself, case-sensitively. Immutable and
 * thread-safe.
 *
 * <p>Matching never backtracks across a {@code *}: the pattern is split into the literal segments
 * between stars, the first must match at the start, the last at the end, and each one between at
 * its leftmost place after the previous one, which is where an earlier match can only help. Time is
 * linear in the text for a given pattern (at most text length × longest segment).
 */
public final class Glob {

  /** Longest pattern accepted. */
  public static final int MAX_LENGTH = 256;

  private static final char ANY = '?';

  private final String pattern;
  private final char[][] segments;
  private final boolean starred;
  private final int minLength;

  private Glob(String pattern, char[][] segments, boolean starred) {
    this.pattern = pattern;
    this.segments = segments;
    this.starred = starred;
    int min = 0;
    for (char[] s : segments) {
      min += s.length;
    }
    this.minLength = min;
  }

  /**
   * Compiles {@code pattern}.
   *
   * @throws IllegalArgumentException when the pattern is empty, longer than {@value #MAX_LENGTH},
   *     contains whitespace or control characters, or uses {@code [ ] { }} (not supported); the
   *     message completes a sentence that starts with the pattern's name, e.g. "must not be empty"
   */
  public static Glob compile(String pattern) {
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("must not be empty");
    }
    if (pattern.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("must not be longer than " + MAX_LENGTH + " characters");
    }
    List<char[]> segments = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        throw new IllegalArgumentException("must not contain whitespace or control characters");
      }
      if (c == '[' || c == ']' || c == '{' || c == '}') {
        throw new IllegalArgumentException("may use only '*' and '?' as wildcards");
      }
      if (c == '*') {
        segments.add(pattern.substring(start, i).toCharArray());
        start = i + 1;
      }
    }
    segments.add(pattern.substring(start).toCharArray());
    return new Glob(pattern, segments.toArray(new char[0][]), segments.size() > 1);
  }

  /** True when the whole of {@code text} matches; false for null. */
  public boolean matches(CharSequence text) {
    if (text == null) {
      return false;
    }
    int n = text.length();
    if (!starred) {
      return n == minLength && regionMatches(text, 0, segments[0]);
    }
    if (n < minLength) {
      return false;
    }
    char[] first = segments[0];
    char[] last = segments[segments.length - 1];
    if (!regionMatches(text, 0, first) || !regionMatches(text, n - last.length, last)) {
      return false;
    }
    int from = first.length;
    int end = n - last.length;
    for (int k = 1; k < segments.length - 1; k++) {
      char[] segment = segments[k];
      int at = indexOf(text, segment, from, end);
      if (at < 0) {
        return false;
      }
      from = at + segment.length;
    }
    return true;
  }

  /** The pattern as written. */
  public String pattern() {
    return pattern;
  }

  @Override
  public String toString() {
    return pattern;
  }

  /** Leftmost {@code i} in [from, end - segment.length] where the segment matches, or -1. */
  private static int indexOf(CharSequence text, char[] segment, int from, int end) {
    for (int i = from; i + segment.length <= end; i++) {
      if (regionMatches(text, i, segment)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean regionMatches(CharSequence text, int offset, char[] segment) {
    for (int j = 0; j < segment.length; j++) {
      char p = segment[j];
      if (p != ANY && p != text.charAt(offset + j)) {
        return false;
      }
    }
    return true;
  }
}
