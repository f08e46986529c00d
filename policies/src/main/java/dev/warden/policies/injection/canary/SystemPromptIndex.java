package dev.warden.policies.injection.canary;

import java.util.Arrays;
import java.util.List;

/**
 * The shingles ({@link ShingleWindow#WORDS} consecutive words) of a call's system prompt, in an
 * open-addressing hash set: memory linear in the prompt and capped at {@link #MAX_SHINGLES}
 * shingles (the words after that are not indexed), lookups in constant time. Immutable once built;
 * safe to share between threads.
 */
final class SystemPromptIndex {

  /** At most this many shingles are kept: about 8,000 words of system prompt, 128 KiB of table. */
  static final int MAX_SHINGLES = 8192;

  static final SystemPromptIndex EMPTY = new SystemPromptIndex(new long[1], 0);

  private final long[] slots;
  private final int size;

  private SystemPromptIndex(long[] slots, int size) {
    this.slots = slots;
    this.size = size;
  }

  /** Indexes each text on its own: no shingle spans two texts. */
  static SystemPromptIndex of(List<String> texts) {
    long[] shingles = new long[64];
    int count = 0;
    WordSplitter words = new WordSplitter(false);
    ShingleWindow window = new ShingleWindow();
    for (int t = 0, n = texts.size(); t < n && count < MAX_SHINGLES; t++) {
      String text = texts.get(t);
      window.clear();
      for (int i = 0, length = text.length(); i <= length && count < MAX_SHINGLES; i++) {
        boolean ended = i < length ? words.feed(text.charAt(i)) : words.end();
        if (ended && window.push(words.wordHash, words.wordLength, words.wordStart)) {
          if (count == shingles.length) {
            shingles = Arrays.copyOf(shingles, Math.min(MAX_SHINGLES, count * 2));
          }
          shingles[count++] = window.shingle();
        }
      }
    }
    if (count == 0) {
      return EMPTY;
    }
    // at most half full: probes stay short
    long[] slots = new long[Integer.highestOneBit(count * 2 - 1) << 1];
    int size = 0;
    for (int k = 0; k < count; k++) {
      if (insert(slots, shingles[k])) {
        size++;
      }
    }
    return new SystemPromptIndex(slots, size);
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Number of distinct shingles. */
  int size() {
    return size;
  }

  boolean contains(long shingle) {
    long key = shingle == 0 ? 1 : shingle;
    int mask = slots.length - 1;
    for (int i = (int) key & mask; ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == key) {
        return true;
      }
      if (slot == 0) {
        return false;
      }
    }
  }

  /** Adds {@code shingle} (0 stands for an empty slot, so it is stored as 1); false when present. */
  private static boolean insert(long[] slots, long shingle) {
    long key = shingle == 0 ? 1 : shingle;
    int mask = slots.length - 1;
    for (int i = (int) key & mask; ; i = (i + 1) & mask) {
      if (slots[i] == key) {
        return false;
      }
      if (slots[i] == 0) {
        slots[i] = key;
        return true;
      }
    }
  }
}
