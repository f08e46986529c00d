package dev.warden.policies.injection.canary;

/**
 * Reads one completion text, whole or delta by delta, for the two signs of a leak: the canary
 * token (case-insensitively, found with a Knuth–Morris–Pratt automaton, so a token split across
 * deltas is found too), and a verbatim run of the system prompt: consecutive words of the text
 * whose every {@link ShingleWindow#WORDS}-word window is a shingle of the prompt, covering at least
 * {@link #MIN_RUN_CHARS} chars (words joined by single spaces). Time linear in the text, memory
 * constant. Not thread-safe.
 */
final class LeakScan {

  /**
   * A run of the system prompt this long is a leak; shorter ones (a common phrase the prompt and
   * the answer share, a name, a short rule the model restates) are not.
   */
  static final int MIN_RUN_CHARS = 80;

  private final char[] token;
  private final int[] fallback;
  private final SystemPromptIndex index;
  private final WordSplitter words;
  private final ShingleWindow window = new ShingleWindow();
  /** Length of the longest suffix of the text read so far that is a prefix of the token. */
  private int matched;
  private boolean inRun;
  private int runChars;
  private long runStart;

  LeakScan(char[] token, int[] fallback, SystemPromptIndex index, boolean jsonText) {
    this.token = token;
    this.fallback = fallback;
    this.index = index;
    this.words = new WordSplitter(jsonText);
  }

  /** The KMP failure function of {@code token}. */
  static int[] fallback(char[] token) {
    int[] fallback = new int[token.length];
    for (int i = 1, k = 0; i < token.length; i++) {
      while (k > 0 && token[i] != token[k]) {
        k = fallback[k - 1];
      }
      if (token[i] == token[k]) {
        k++;
      }
      fallback[i] = k;
    }
    return fallback;
  }

  /** Reads {@code text} on; true as soon as the text read so far leaks (the rest is not read). */
  boolean feed(CharSequence text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (tokenStep(c) || (words.feed(c) && word())) {
        return true;
      }
    }
    return false;
  }

  /** The text ended: true when its last word completes a leaking run. */
  boolean end() {
    return words.end() && word();
  }

  /** Chars at the end of the text read so far that could begin the token: to hold back. */
  int tokenPrefix() {
    return matched;
  }

  /** Position where the run of the system prompt that the text is in starts, or -1 outside one. */
  long runStart() {
    return inRun ? runStart : -1;
  }

  private boolean tokenStep(char c) {
    char folded = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    int k = matched;
    while (k > 0 && token[k] != folded) {
      k = fallback[k - 1];
    }
    if (token[k] == folded) {
      k++;
    }
    matched = k;
    return k == token.length;
  }

  /** A word ended: moves the window on; true when the run it extends reaches {@link #MIN_RUN_CHARS}. */
  private boolean word() {
    if (index.isEmpty() || !window.push(words.wordHash, words.wordLength, words.wordStart)) {
      return false;
    }
    if (!index.contains(window.shingle())) {
      inRun = false;
      return false;
    }
    if (inRun) {
      runChars += 1 + window.newestLength();
    } else {
      inRun = true;
      runChars = window.chars();
      runStart = window.start();
    }
    return runChars >= MIN_RUN_CHARS;
  }
}
