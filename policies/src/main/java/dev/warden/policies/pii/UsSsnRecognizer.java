package dev.warden.policies.pii;

import java.util.List;

/**
 * Finds US Social Security numbers: {@code AAA-GG-SSSS}, also with spaces or dots (one separator
 * throughout), and nine bare digits only when a context word ({@code SSN}, {@code social security},
 * {@code SS#}, …) ends at most {@value #CONTEXT_WINDOW} chars before them.
 *
 * <p>Numbers the SSA never issues are not SSNs: area {@code 000}, {@code 666} or {@code 900–999},
 * group {@code 00}, serial {@code 0000}, and nine equal digits. Well-known public numbers
 * ({@code 078-05-1120}, the Woolworth wallet card; {@code 219-09-9999} and {@code 457-55-5462},
 * published in advertising; {@code 123-45-6789}, the usual placeholder in examples) count only
 * after a context word: a prompt quoting documentation does not trip a {@code block} policy, but
 * {@code SSN: 123-45-6789} in a form is treated as the SSN it claims to be. The space-separated form right after an address unit word
 * ({@code Suite 680 36 4022}) is a street address, not an SSN. A number glued to a letter or digit, or continuing a longer number
 * ({@code 1-078-05-1123}, {@code 078-05-1123-4}), is not an SSN. Stateless and thread-safe.
 */
public final class UsSsnRecognizer extends AnchoredRecognizer {

  /** The entity type of every span this recognizer reports. */
  public static final String TYPE = "US_SSN";

  /** How far before bare digits a context word may end, in chars. */
  static final int CONTEXT_WINDOW = 40;

  private static final String[] CONTEXT = {
      "ssn", "ssns", "ssn#", "ss#", "social security", "social-security", "socsec", "ss number", "ss no"};

  private static final int[] PUBLIC = {78_05_1120, 219_09_9999, 457_55_5462, 123_45_6789};

  @Override
  void find(String text, Anchors anchors, List<Span> out) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if ((char) (c - '0') > 9) {
        i = anchors.nextNumber(i + 1);
        continue;
      }
      int end = match(text, i);
      if (end > 0) {
        out.add(new Span(TYPE, i, end));
        i = end;
      } else {
        while (i < n && WordBoundaries.isDigit(text.charAt(i))) {
          i++;
        }
      }
    }
  }

  /** The end of an SSN that starts at {@code s} (a digit that starts a run), or -1. */
  private static int match(CharSequence text, int s) {
    int n = text.length();
    if (startsInsideNumber(text, s)) {
      return -1;
    }
    int end;
    if (digitsAt(text, s, 9) && !(s + 9 < n && WordBoundaries.isDigit(text.charAt(s + 9)))) {
      end = s + 9;
      if (!WordBoundaries.anyWordEndsIn(text, s - CONTEXT_WINDOW, s, CONTEXT)) {
        return -1;
      }
    } else if (s + 11 <= n && digitsAt(text, s, 3) && isSeparator(text.charAt(s + 3))
        && text.charAt(s + 6) == text.charAt(s + 3) && digitsAt(text, s + 4, 2) && digitsAt(text, s + 7, 4)) {
      end = s + 11;
      if (text.charAt(s + 3) == ' ' && WordBoundaries.afterUnitWord(text, s)) {
        return -1;
      }
    } else {
      return -1;
    }
    if (WordBoundaries.wordAt(text, end) || continuesNumber(text, end) || !valid(text, s, end)) {
      return -1;
    }
    if (isPublic(text, s, end) && !WordBoundaries.anyWordEndsIn(text, s - CONTEXT_WINDOW, s, CONTEXT)) {
      return -1;
    }
    return end;
  }

  private static boolean startsInsideNumber(CharSequence text, int s) {
    if (WordBoundaries.wordBefore(text, s)) {
      return true;
    }
    return s >= 2 && "-.,/".indexOf(text.charAt(s - 1)) >= 0 && WordBoundaries.isDigit(text.charAt(s - 2));
  }

  private static boolean continuesNumber(CharSequence text, int end) {
    if (end + 1 >= text.length()) {
      return false;
    }
    char c = text.charAt(end);
    return (c == '-' || c == '.' || c == ',' || c == '/') && WordBoundaries.isDigit(text.charAt(end + 1));
  }

  private static boolean isSeparator(char c) {
    return c == '-' || c == ' ' || c == '.';
  }

  private static boolean digitsAt(CharSequence text, int from, int count) {
    if (from + count > text.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (!WordBoundaries.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean valid(CharSequence text, int s, int end) {
    int value = 0;
    boolean allSame = true;
    char first = text.charAt(s);
    for (int i = s; i < end; i++) {
      char c = text.charAt(i);
      if (WordBoundaries.isDigit(c)) {
        value = value * 10 + (c - '0');
        allSame &= c == first;
      }
    }
    int area = value / 1_000_000;
    int group = value / 10_000 % 100;
    int serial = value % 10_000;
    return !(area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0 || allSame);
  }

  private static boolean isPublic(CharSequence text, int s, int end) {
    int value = 0;
    for (int i = s; i < end; i++) {
      char c = text.charAt(i);
      if (WordBoundaries.isDigit(c)) {
        value = value * 10 + (c - '0');
      }
    }
    for (int p : PUBLIC) {
      if (value == p) {
        return true;
      }
    }
    return false;
  }
}
