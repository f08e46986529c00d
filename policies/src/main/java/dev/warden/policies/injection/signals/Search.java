package dev.warden.policies.injection.signals;

import java.util.Locale;

/**
 * Searches of a text that stop at a bound. A rule that runs at every anchor must not search to the
 * text's end or start: a text made of its anchors would make it quadratic ({@code String.indexOf}
 * has no end bound before JDK 21).
 */
final class Search {

  private Search() {}

  /**
   * {@code s[from, to)} in lower case, the bounds clamped to the text: a rule that reads around
   * an anchor reads a window, so that a text full of anchors costs linear time.
   */
  static String lowerWindow(String s, int from, int to) {
    return s.substring(Math.max(0, from), Math.min(s.length(), to)).toLowerCase(Locale.ROOT);
  }

  /** Whether {@code s} contains any of {@code parts}. */
  static boolean containsAny(String s, String[] parts) {
    for (String part : parts) {
      if (s.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /** The first {@code c} in {@code s[from, to)}, or -1. */
  static int indexOf(String s, char c, int from, int to) {
    for (int i = Math.max(0, from), end = Math.min(to, s.length()); i < end; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** The first {@code part} that starts in {@code s[from, to)}, or -1. */
  static int indexOf(String s, String part, int from, int to) {
    for (int i = Math.max(0, from), end = Math.min(to, s.length()); i < end; i++) {
      if (s.startsWith(part, i)) {
        return i;
      }
    }
    return -1;
  }

  /** The last {@code c} in {@code s[downTo, from]}, or -1. */
  static int lastIndexOf(String s, char c, int from, int downTo) {
    for (int i = Math.min(from, s.length() - 1), end = Math.max(0, downTo); i >= end; i--) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }
}
