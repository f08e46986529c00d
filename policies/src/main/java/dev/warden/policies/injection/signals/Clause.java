package dev.warden.policies.injection.signals;

import java.util.Locale;
import java.util.Set;

/**
 * The words of the sentence around an anchor, a few either side: what the phrase rules read.
 * Words are runs of letters and digits with apostrophes inside ({@code don't}; {@code ’} is read
 * as {@code '}), lower case; a sentence ends at a line break, at {@code ;}, or at {@code . ! ?}
 * followed by a space or the end.
 *
 * <p>One instance serves a whole scan: {@link #reset} finds the word boundaries only, and a word's
 * lower-case string is made the first time a rule asks for it.
 */
final class Clause {

  static final int MAX_BEFORE = 12;
  static final int MAX_AFTER = 12;
  /** Returned by {@link #find} when no word matches. */
  static final int NONE = Integer.MIN_VALUE;

  private static final int CAPACITY = MAX_BEFORE + 1 + MAX_AFTER;

  private final String[] words = new String[CAPACITY];
  private final int[] starts = new int[CAPACITY];
  private final int[] ends = new int[CAPACITY];
  private String text;
  /** The last list {@link #textContainsAny} was asked about for {@link #text}, and its answer. */
  private String[] askedWords;
  private boolean foundWords;
  private int anchor;
  private int count;
  private boolean sentenceStart;

  /**
   * Makes this the clause around the anchor word {@code text[start, end)}; false when no word of
   * the clause starts at {@code start} (the scanner's word was the tail of a token such as
   * {@code 2ignore}), and then the clause must not be read.
   */
  boolean reset(String text, int start, int end) {
    if (text != this.text) {
      this.text = text;
      askedWords = null;
    }
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
    sentenceStart = j < 0 || endsSentence(text, j);
    count = 0;
    anchor = -1;
    int p = from;
    int n = text.length();
    while (p < n && count < CAPACITY && (anchor < 0 || count - anchor <= MAX_AFTER)) {
      if (isLetterOrDigit(text.charAt(p))) {
        int q = wordEnd(text, p);
        if (p == start) {
          anchor = count;
        }
        words[count] = null;
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
    return anchor >= 0;
  }

  /** The word at {@code offset} from the anchor (negative: before), or "" outside the clause. */
  String word(int offset) {
    int k = anchor + offset;
    if (k < 0 || k >= count) {
      return "";
    }
    String word = words[k];
    if (word == null) {
      word = text.substring(starts[k], ends[k]).replace('\u2019', '\'').toLowerCase(Locale.ROOT);
      words[k] = word;
    }
    return word;
  }

  /** How many words of the clause come before the anchor. */
  int wordsBefore() {
    return anchor;
  }

  /** Whether the first word of the clause starts its sentence (rather than being where the look-back stopped). */
  boolean atSentenceStart() {
    return sentenceStart;
  }

  /** The first char after the word at {@code offset} that is not a space, or 0 at the end. */
  char charAfter(int offset) {
    int p = ends[anchor + offset];
    while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
      p++;
    }
    return p < text.length() ? text.charAt(p) : 0;
  }

  /** Whether only spaces and marks come before the word at {@code offset}: it opens the text. */
  boolean opensText(int offset) {
    for (int i = starts[anchor + offset] - 1; i >= 0; i--) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The first char before the word at {@code offset} that is not a space, or 0 at the start. */
  char charBefore(int offset) {
    int p = starts[anchor + offset] - 1;
    while (p >= 0 && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
      p--;
    }
    return p >= 0 ? text.charAt(p) : 0;
  }

  /** The whole text the clause is in. */
  String text() {
    return text;
  }

  /**
   * Whether the whole text contains one of {@code lowerCaseWords} (a constant list), in any case;
   * answered once per text and list, since a text full of anchors would ask at each of them.
   */
  boolean textContainsAny(String[] lowerCaseWords) {
    if (askedWords != lowerCaseWords) {
      String lower = text.toLowerCase(Locale.ROOT);
      foundWords = false;
      for (String word : lowerCaseWords) {
        if (lower.contains(word)) {
          foundWords = true;
          break;
        }
      }
      askedWords = lowerCaseWords;
    }
    return foundWords;
  }

  /** Where the word at {@code offset} from the anchor starts in the text; it must be in the clause. */
  int start(int offset) {
    return starts[anchor + offset];
  }

  /** Where the word at {@code offset} from the anchor ends in the text; it must be in the clause. */
  int end(int offset) {
    return ends[anchor + offset];
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

  /**
   * The offset of the first word in {@code wanted} between {@code fromOffset} and {@code toOffset}
   * (inclusive, relative to the anchor), or {@link #NONE}.
   */
  int find(Set<String> wanted, int fromOffset, int toOffset) {
    int from = Math.max(fromOffset, -anchor);
    int to = Math.min(toOffset, count - anchor - 1);
    for (int offset = from; offset <= to; offset++) {
      if (wanted.contains(word(offset))) {
        return offset;
      }
    }
    return NONE;
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
