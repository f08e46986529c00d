package dev.warden.policies.injection.normalize;

import static dev.warden.policies.injection.normalize.SegmentDecoders.isAsciiLetter;

import java.util.Locale;

/**
 * Decodes the clauses {@link EncodedRuns} found written in leetspeak or in spaced letters, keeping
 * only those that then read as words: two or more of the frequent English and injection words of
 * {@link SegmentDecoders#ENGLISH} must be what the disguised tokens become. Both return null for "not
 * disguised" and cost time linear in the clause's length.
 */
final class Disguises {

  private static final int MIN_WORDS = 2;
  /** In spaced letters run together ("s a y t h a t"), the shortest word looked for inside. */
  private static final int MIN_INNER_WORD = 3;

  private Disguises() {}

  /**
   * "1gn0r3 4ll pr3v10us 1nstruct10ns": in each token with letters, {@code 0 1 3 4 5 7 @ $} become
   * o, i or l, e, a, s, t, a, s. Tokens of digits alone ("2024") stay.
   */
  static SegmentDecoders.Decoded leet(String s, int start, int end) {
    StringBuilder folded = new StringBuilder(end - start);
    int words = 0;
    int i = start;
    while (i < end) {
      char c = s.charAt(i);
      if (!isTokenChar(c)) {
        folded.append(c);
        i++;
        continue;
      }
      int tokenStart = i;
      boolean letters = false;
      boolean disguised = false;
      while (i < end && isTokenChar(s.charAt(i))) {
        letters |= isAsciiLetter(s.charAt(i));
        disguised |= !isAsciiLetter(s.charAt(i));
        i++;
      }
      if (!letters || !disguised) {
        folded.append(s, tokenStart, i);
        continue;
      }
      int wordStart = folded.length();
      for (int k = tokenStart; k < i; k++) {
        folded.append(unleet(s.charAt(k), wordStart == folded.length() ? 0 : folded.charAt(folded.length() - 1)));
      }
      String word = folded.substring(wordStart).toLowerCase(Locale.ROOT);
      words += SegmentDecoders.ENGLISH.contains(word) ? 1 : 0; // "i586" folds to "is86": no word
    }
    return words >= MIN_WORDS ? new SegmentDecoders.Decoded(Encoding.LEETSPEAK, folded.toString().strip(), true) : null;
  }

  /**
   * "i g n o r e   a l l": single letters one space apart make a word; a wider gap, or any other
   * char, parts words. Run together with no gaps ("s a y t h a t"), the letters make one token,
   * kept when frequent words of three letters or more can be read inside it.
   */
  static SegmentDecoders.Decoded spaced(String s, int start, int end) {
    StringBuilder joined = new StringBuilder(end - start);
    int words = 0;
    int i = start;
    while (i < end) {
      if (!isSingleLetter(s, i, start, end)) {
        char c = s.charAt(i);
        if (c != ' ' || joined.isEmpty() || joined.charAt(joined.length() - 1) != ' ') {
          joined.append(c); // the gap that parts spaced words is one space
        }
        i++;
        continue;
      }
      int wordStart = joined.length();
      joined.append(s.charAt(i));
      // glue the next single letter when exactly one space parts them
      while (i + 2 < end && s.charAt(i + 1) == ' ' && isSingleLetter(s, i + 2, start, end)) {
        i += 2;
        joined.append(s.charAt(i));
      }
      i++;
      if (joined.length() - wordStart > 1) {
        words += wordsIn(joined, wordStart, joined.length());
      }
    }
    return words >= MIN_WORDS ? new SegmentDecoders.Decoded(Encoding.SPACED_LETTERS, joined.toString().strip(), true) : null;
  }

  /** The word itself when it is a frequent word; else the frequent words read inside it. */
  private static int wordsIn(CharSequence joined, int start, int end) {
    String word = joined.subSequence(start, end).toString().toLowerCase(Locale.ROOT);
    if (SegmentDecoders.ENGLISH.contains(word)) {
      return 1;
    }
    int found = 0;
    for (String english : SegmentDecoders.ENGLISH) {
      if (english.length() >= MIN_INNER_WORD && word.contains(english)) {
        found++;
      }
    }
    return found;
  }

  private static boolean isSingleLetter(String s, int i, int start, int end) {
    return isAsciiLetter(s.charAt(i))
        && (i == start || !Character.isLetterOrDigit(s.charAt(i - 1)))
        && (i + 1 == end || !Character.isLetterOrDigit(s.charAt(i + 1)));
  }

  /** {@code 1} reads as l after a vowel or an l ("a11", "he11o"), else as i ("1gn0r3", "pr3v10us"). */
  private static char unleet(char c, char before) {
    return switch (c) {
      case '0' -> 'o';
      case '1' -> "aeioul".indexOf(Character.toLowerCase(before)) >= 0 ? 'l' : 'i';
      case '3' -> 'e';
      case '4', '@' -> 'a';
      case '5', '$' -> 's';
      case '7' -> 't';
      default -> c;
    };
  }

  private static boolean isTokenChar(char c) {
    return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '@' || c == '$';
  }
}
