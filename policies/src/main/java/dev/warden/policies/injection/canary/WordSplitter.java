package dev.warden.policies.injection.canary;

/**
 * Splits text into words one char at a time, so that a completion can be compared with the system
 * prompt whatever its line breaks, spacing, punctuation or case: a word is a maximal run of letters
 * and digits (the halves of a surrogate pair count as letters), hashed case-insensitively, and
 * everything else only separates words. In JSON text (a tool call's arguments), an escape sequence
 * ({@code \n}, {@code \"}, a unicode escape) separates words too, so that {@code "a\nYou"} reads as
 * {@code a you}. Positions count the chars fed since creation. Not thread-safe.
 */
final class WordSplitter {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final boolean jsonText;
  /** 0 outside an escape; -1 right after a backslash; n > 0: hex digits of a unicode escape still to skip. */
  private int escape;
  private long hash = FNV_OFFSET;
  private int length;
  private long start;
  private long position;

  /** The last word ended by {@link #feed} or {@link #end}: its hash, length in chars and start position. */
  long wordHash;
  int wordLength;
  long wordStart;

  WordSplitter(boolean jsonText) {
    this.jsonText = jsonText;
  }

  /** Reads the next char; true when it ended a word, which is then in the {@code word…} fields. */
  boolean feed(char c) {
    long at = position++;
    if (escape != 0) {
      escape = escape < 0 ? (c == 'u' ? 4 : 0) : escape - 1;
      return false;
    }
    if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
      if (length == 0) {
        start = at;
      }
      hash = (hash ^ Character.toLowerCase(c)) * FNV_PRIME;
      length++;
      return false;
    }
    if (jsonText && c == '\\') {
      escape = -1;
    }
    return endWord();
  }

  /** The text ended: true when that ended a word. */
  boolean end() {
    return endWord();
  }

  private boolean endWord() {
    if (length == 0) {
      return false;
    }
    wordHash = mix(hash);
    wordLength = length;
    wordStart = start;
    hash = FNV_OFFSET;
    length = 0;
    return true;
  }

  /** The 64-bit finaliser of MurmurHash3: every input bit reaches every output bit. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
