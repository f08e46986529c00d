package dev.warden.demo;

import java.util.ArrayList;
import java.util.List;

/** How the fake provider cuts a completion into stream deltas and counts tokens. */
final class TextChunks {

  private TextChunks() {}

  /** The text cut after each run of whitespace, so that concatenating the pieces gives it back exactly. */
  static List<String> pieces(String text) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i))) {
        pieces.add(text.substring(start, i));
        start = i;
      }
    }
    if (start < text.length()) {
      pieces.add(text.substring(start));
    }
    return pieces;
  }

  /**
   * The text cut every {@code size} chars (one more where that would split a surrogate pair), as
   * providers stream tool call arguments: anywhere, inside words and values.
   */
  static List<String> fragments(String text, int size) {
    List<String> fragments = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + size);
      if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
        end++;
      }
      fragments.add(text.substring(start, end));
      start = end;
    }
    return fragments;
  }

  /** A stand-in token count: the number of whitespace-separated words, at least 1. */
  static int tokens(String text) {
    return Math.max(1, pieces(text).size());
  }
}
