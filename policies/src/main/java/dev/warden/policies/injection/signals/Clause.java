package dev.warden.policies.injection.signals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The words of the sentence around an anchor, a few either side: what the phrase rules read.
 * Words are runs of letters and digits with apostrophes inside ({@code don't}; {@code ’} is read
 * as {@code '}), lower case; a sentence ends at a line break, at {@code ;}, or at {@code . ! ?}
 * followed by a space or the end.
 *
 * <p>One instance serves a whole scan. Words are found lazily, outwards from the anchor, as far as
 * the rules ask: most anchors in ordinary text are dismissed after a word or two, and the look
 * around the anchor is char by char, with branches the CPU cannot predict on text it has not seen.
 * A word's lower-case string is made the first time a rule asks for it.
 */
final class Clause {

  static final int MAX_BEFORE = 12;
  static final int MAX_AFTER = 12;
  /** How far {@link #nextSentence} looks for the end of the anchor's sentence. */
  static final int NEXT_REACH = 200;
  /** Returned by {@link #find} when no word matches. */
  static final int NONE = Integer.MIN_VALUE;

  /** The anchor's index in the arrays; the word at offset {@code k} is at {@code ANCHOR + k}. */
  private static final int ANCHOR = MAX_BEFORE;

  private final String[] words = new String[MAX_BEFORE + 1 + MAX_AFTER];
  private final int[] starts = new int[words.length];
  private final int[] ends = new int[words.length];
  private String text;
  /** The last list {@link #textContainsAny} was asked about for {@link #text}, and its answer. */
  private String[] askedWords;
  private boolean foundWords;
  /** What {@link #textIs} answered for {@link #text}, by question. */
  private final Map<Predicate<String>, Boolean> textAnswers = new HashMap<>(4);
  /** Words found before the anchor, where the look back goes on, and whether it has ended. */
  private int before;
  private int backFrom;
  private boolean beforeEnded;
  /** Words found after the anchor, where the look ahead goes on, and whether it has ended. */
  private int after;
  private int aheadFrom;
  private boolean afterEnded;

  /**
   * Makes this the clause around the anchor word that starts at {@code start}; false when no word
   * of the clause starts there (the scanner's word was the tail of a token such as
   * {@code 2ignore}), and then the clause must not be read.
   */
  boolean reset(String text, int start) {
    if (text != this.text) {
      this.text = text;
      askedWords = null;
      textAnswers.clear();
    }
    if (!startsWord(text, start)) {
      return false;
    }
    words[ANCHOR] = null;
    starts[ANCHOR] = start;
    ends[ANCHOR] = wordEnd(text, start);
    before = 0;
    backFrom = start - 1;
    beforeEnded = false;
    after = 0;
    aheadFrom = ends[ANCHOR];
    afterEnded = false;
    return true;
  }

  /** Looks back until {@code wanted} words precede the anchor or the clause starts. */
  private void lookBack(int wanted) {
    String text = this.text;
    int i = backFrom;
    while (before < wanted && !beforeEnded) {
      if (i < 0 || before == MAX_BEFORE || endsSentence(text, i)) {
        beforeEnded = true;
      } else {
        if (startsWord(text, i)) {
          before++;
          int k = ANCHOR - before;
          words[k] = null;
          starts[k] = i;
          ends[k] = wordEnd(text, i);
        }
        i--;
      }
    }
    backFrom = i;
  }

  /** Looks ahead until {@code wanted} words follow the anchor or the sentence ends. */
  private void lookAhead(int wanted) {
    String text = this.text;
    int p = aheadFrom;
    int n = text.length();
    while (after < wanted && !afterEnded) {
      if (p >= n || after == MAX_AFTER) {
        afterEnded = true;
      } else if (isLetterOrDigit(text.charAt(p))) {
        after++;
        int k = ANCHOR + after;
        words[k] = null;
        starts[k] = p;
        p = wordEnd(text, p);
        ends[k] = p;
      } else if (endsSentence(text, p)) {
        afterEnded = true;
      } else {
        p++;
      }
    }
    aheadFrom = p;
  }

  /** Whether the clause has a word at {@code offset} from the anchor. */
  private boolean has(int offset) {
    if (offset < 0) {
      lookBack(-offset);
      return -offset <= before;
    }
    if (offset > 0) {
      lookAhead(offset);
      return offset <= after;
    }
    return true;
  }

  /** The word at {@code offset} from the anchor (negative: before), or "" outside the clause. */
  String word(int offset) {
    if (!has(offset)) {
      return "";
    }
    int k = ANCHOR + offset;
    String word = words[k];
    if (word == null) {
      word = Misspellings.wordOf(
          text.substring(starts[k], ends[k]).replace('\u2019', '\'').toLowerCase(Locale.ROOT));
      words[k] = word;
    }
    return word;
  }

  /** How many words of the clause come before the anchor. */
  int wordsBefore() {
    lookBack(MAX_BEFORE);
    return before;
  }

  /** Whether the first word of the clause starts its sentence (rather than being where the look-back stopped). */
  boolean atSentenceStart() {
    lookBack(MAX_BEFORE);
    int j = starts[ANCHOR - before] - 1;
    while (j >= 0 && !endsSentence(text, j) && !isLetterOrDigit(text.charAt(j))) {
      j--;
    }
    return j < 0 || endsSentence(text, j);
  }

  /** The first char after the word at {@code offset} that is not a space, or 0 at the end. */
  char charAfter(int offset) {
    int p = end(offset);
    while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
      p++;
    }
    return p < text.length() ? text.charAt(p) : 0;
  }

  /** Whether only spaces and marks come before the word at {@code offset}: it opens the text. */
  boolean opensText(int offset) {
    for (int i = start(offset) - 1; i >= 0; i--) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The first char before the word at {@code offset} that is not a space, or 0 at the start. */
  char charBefore(int offset) {
    int p = start(offset) - 1;
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

  /**
   * The answer of {@code question} (a constant) about the whole text, asked once per text: a text
   * full of anchors would ask at each of them, and each answer reads the whole text.
   */
  boolean textIs(Predicate<String> question) {
    Boolean answer = textAnswers.get(question);
    if (answer == null) {
      answer = question.test(text);
      textAnswers.put(question, answer);
    }
    return answer;
  }

  /** Where the word at {@code offset} from the anchor starts in the text; it must be in the clause. */
  int start(int offset) {
    has(offset);
    return starts[ANCHOR + offset];
  }

  /** Where the word at {@code offset} from the anchor ends in the text; it must be in the clause. */
  int end(int offset) {
    has(offset);
    return ends[ANCHOR + offset];
  }

  /** Whether the anchor's sentence ends with a question mark (within 200 chars). */
  boolean asks() {
    int end = starts[ANCHOR] + restOfSentence(200).length();
    return end < text.length() && text.charAt(end) == '?';
  }

  /** The raw text from the anchor to the end of the sentence, at most {@code max} chars. */
  String restOfSentence(int max) {
    int from = starts[ANCHOR];
    int p = from;
    int limit = Math.min(text.length(), from + max);
    while (p < limit && !(p > from && endsSentence(text, p))) {
      p++;
    }
    return text.substring(from, p);
  }

  /**
   * The first {@code max} words of the sentence after the anchor's, lower case; empty when the
   * text ends first or the anchor's sentence runs on for more than {@value #NEXT_REACH} chars.
   */
  List<String> nextSentence(int max) {
    String text = this.text;
    int n = text.length();
    int p = ends[ANCHOR];
    int limit = Math.min(n, p + NEXT_REACH);
    while (p < limit && !endsSentence(text, p)) {
      p++;
    }
    List<String> next = new ArrayList<>(max);
    if (p >= limit) {
      return next;
    }
    for (p++; p < n && next.size() < max; ) {
      char c = text.charAt(p);
      if (isLetterOrDigit(c)) {
        int end = wordEnd(text, p);
        next.add(text.substring(p, end).replace('\u2019', '\'').toLowerCase(Locale.ROOT));
        p = end;
      } else if (endsSentence(text, p) && !next.isEmpty()) {
        break;
      } else {
        p++;
      }
    }
    return next;
  }

  /**
   * The offset of the first word in {@code wanted} between {@code fromOffset} and {@code toOffset}
   * (inclusive, relative to the anchor), or {@link #NONE}.
   */
  int find(Set<String> wanted, int fromOffset, int toOffset) {
    for (int offset = fromOffset; offset <= toOffset; offset++) {
      if (!has(offset)) {
        if (offset > 0) {
          break; // no word further on either
        }
      } else if (wanted.contains(word(offset))) {
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

  /** Whether the {@code ;} at {@code i} is the one of "tl;dr". */
  private static boolean tlDr(String text, int i) {
    return i >= 2 && i + 2 < text.length() && text.regionMatches(true, i - 2, "tl;dr", 0, 5)
        && (i == 2 || !isLetterOrDigit(text.charAt(i - 3)));
  }

  static boolean endsSentence(String text, int i) {
    char c = text.charAt(i);
    if (c == '\n') {
      return true;
    }
    if (c == ';') {
      return !tlDr(text, i); // "Give me a TL;DR of …" is one sentence
    }
    if (c == '.' || c == '!' || c == '?') {
      return i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1));
    }
    return false;
  }
}
