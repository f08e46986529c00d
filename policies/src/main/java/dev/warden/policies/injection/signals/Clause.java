package dev.warden.policies.injection.signals;

import java.util.Locale;

/**
 * The words of the sentence around an anchor, lower case, a few either side: what the phrase rules
 * read. Words are runs of letters and digits with apostrophes inside ({@code don't}; {@code ’} is
 * read as {@code '}); a sentence
 * ends at a line break, at {@code ;}, or at {@code . ! ?} followed by a space or the end.
 */
final class Clause {

  static final int MAX_BEFORE = 12;
  static final int MAX_AFTER = 12;

  private final String text;
  private final String[] words;
  private final int[] starts;
  private final int[] ends;
  private final int anchor;
  private final int count;
  private final boolean sentenceStart;

  private Clause(String text, String[] words, int[] starts, int[] ends, int anchor, int count,
      boolean sentenceStart) {
    this.sentenceStart = sentenceStart;
    this.text = text;
    this.words = words;
    this.starts = starts;
    this.ends = ends;
    this.anchor = anchor;
    this.count = count;
  }

  /**
   * The clause around the anchor word {@code text[start, end)}, or null when no word of the clause
   * starts at {@code start} (the scanner's word was the tail of a longer token such as {@code 2ignore}).
   */
  static Clause around(String text, int start, int end) {
    int from = start;
    int wordsBefore = 0;
    int i = start - 1;
    while (i >= 0 && wordsBefore < MAX_BEFORE && !endsSentence(text, i)) {
      if (startsWord(text, i)) {
        wordsBefore++;
        from = i;
      }
      i--;
    }
    int j = from - 1;
    while (j >= 0 && !endsSentence(text, j) && !isLetterOrDigit(text.charAt(j))) {
      j--;
    }
    boolean sentenceStart = j < 0 || endsSentence(text, j);
    String[] words = new String[MAX_BEFORE + 1 + MAX_AFTER];
    int[] starts = new int[words.length];
    int[] ends = new int[words.length];
    int count = 0;
    int anchor = -1;
    int p = from;
    int n = text.length();
    while (p < n && count < words.length && (anchor < 0 || count - anchor <= MAX_AFTER)) {
      if (isLetterOrDigit(text.charAt(p))) {
        int q = wordEnd(text, p);
        if (p == start) {
          anchor = count;
        }
        words[count] = text.substring(p, q).replace('\u2019', '\'').toLowerCase(Locale.ROOT);
        starts[count] = p;
        ends[count] = q;
        count++;
        p = q;
      } else {
        if (p >= end && endsSentence(text, p)) {
          break;
        }
        p++;
      }
    }
    return anchor < 0 ? null : new Clause(text, words, starts, ends, anchor, count, sentenceStart);
  }

  /** Where the word that starts at {@code p} ends: letters and digits, with apostrophes inside. */
  private static int wordEnd(String text, int p) {
    int q = p;
    int n = text.length();
    while (q < n) {
      char c = text.charAt(q);
      if (isLetterOrDigit(c)) {
        q++;
      } else if ((c == '\'' || c == '\u2019') && q + 1 < n && isLetterOrDigit(text.charAt(q + 1))) {
        q += 2;
      } else {
        break;
      }
    }
    return q;
  }

  private static boolean startsWord(String text, int i) {
    if (!isLetterOrDigit(text.charAt(i))) {
      return false;
    }
    if (i == 0) {
      return true;
    }
    char before = text.charAt(i - 1);
    if (isLetterOrDigit(before)) {
      return false;
    }
    return !((before == '\'' || before == '\u2019') && i >= 2 && isLetterOrDigit(text.charAt(i - 2)));
  }

  /** The word at {@code offset} from the anchor (negative: before), or "" outside the clause. */
  String word(int offset) {
    int k = anchor + offset;
    return k >= 0 && k < count ? words[k] : "";
  }

  /** How many words of the clause come before the anchor. */
  int wordsBefore() {
    return anchor;
  }

  /** Whether the first word of the clause starts its sentence (rather than being where the look-back stopped). */
  boolean atSentenceStart() {
    return sentenceStart;
  }

  /** How many words of the clause come after the anchor. */
  int wordsAfter() {
    return count - anchor - 1;
  }

  /** The first char after the word at {@code offset} that is not a space, or 0 at the end. */
  char charAfter(int offset) {
    int k = anchor + offset;
    int p = ends[k];
    while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
      p++;
    }
    return p < text.length() ? text.charAt(p) : 0;
  }

  /** The last char before the word at {@code offset} that is not a space, or 0 at the start. */
  char charBefore(int offset) {
    int p = starts[anchor + offset] - 1;
    while (p >= 0 && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
      p--;
    }
    return p >= 0 ? text.charAt(p) : 0;
  }

  /** The raw text from the anchor to the end of the sentence, at most {@code max} chars. */
  String restOfSentence(int max) {
    int from = starts[anchor];
    int p = from;
    int limit = Math.min(text.length(), from + max);
    while (p < limit && !(p > from && endsSentence(text, p))) {
      p++;
    }
    return text.substring(from, p);
  }

  /** Returned by {@link #find} when no word matches. */
  static final int NONE = Integer.MIN_VALUE;

  /**
   * The offset of the first word in {@code wanted} between {@code fromOffset} and {@code toOffset}
   * (inclusive, relative to the anchor), or {@link #NONE}.
   */
  int find(java.util.Set<String> wanted, int fromOffset, int toOffset) {
    for (int offset = fromOffset; offset <= toOffset; offset++) {
      if (wanted.contains(word(offset))) {
        return offset;
      }
    }
    return NONE;
  }

  static boolean isLetterOrDigit(char c) {
    return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9'
        : Character.isLetterOrDigit(c);
  }

  static boolean endsSentence(String text, int i) {
    char c = text.charAt(i);
    if (c == '\n' || c == ';') {
      return true;
    }
    if (c == '.' || c == '!' || c == '?') {
      return i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1));
    }
    return false;
  }
}
