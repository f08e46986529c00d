package dev.warden.policies.injection.canary;

/**
 * The last {@link #WORDS} words of a text, as a hash of the whole window (a shingle), the chars the
 * window covers and where it starts. Two texts share a shingle when they share {@link #WORDS}
 * consecutive words (up to case, spacing and punctuation). Not thread-safe.
 */
final class ShingleWindow {

  /** Words per shingle: long enough that a shared shingle is rarely chance, short enough to start a run early. */
  static final int WORDS = 5;

  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  private final long[] hashes = new long[WORDS];
  private final int[] lengths = new int[WORDS];
  private final long[] starts = new long[WORDS];
  /** Slot of the next word, which is also the oldest word's slot once the window is full. */
  private int next;
  private int filled;

  /** Adds a word; true when the window holds {@link #WORDS} words. */
  boolean push(long hash, int length, long start) {
    hashes[next] = hash;
    lengths[next] = length;
    starts[next] = start;
    next = next + 1 == WORDS ? 0 : next + 1;
    if (filled < WORDS) {
      filled++;
    }
    return filled == WORDS;
  }

  /** Hash of the words in the window, oldest first; only meaningful when full. */
  long shingle() {
    long h = 0;
    for (int k = 0, slot = next; k < WORDS; k++, slot = slot + 1 == WORDS ? 0 : slot + 1) {
      h = h * MULTIPLIER + hashes[slot];
    }
    return WordSplitter.mix(h);
  }

  /** Chars of the window's words joined by single spaces. */
  int chars() {
    int chars = WORDS - 1;
    for (int length : lengths) {
      chars += length;
    }
    return chars;
  }

  /** Position where the oldest word starts. */
  long start() {
    return starts[next];
  }

  /** Length of the newest word. */
  int newestLength() {
    return lengths[next == 0 ? WORDS - 1 : next - 1];
  }

  void clear() {
    next = 0;
    filled = 0;
  }
}
