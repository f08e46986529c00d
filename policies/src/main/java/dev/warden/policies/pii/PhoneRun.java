package dev.warden.policies.pii;

import java.util.Arrays;
import java.util.List;

/**
 * One run of digit groups found by {@link PhoneRecognizer}, and the rules that decide which of its
 * readings are phone numbers. Reused across the runs of one {@code find} call; not thread-safe.
 */
final class PhoneRun {

  private static final int MAX_RUN_GROUPS = 24;
  private static final int MAX_PHONE_GROUPS = 8;
  private static final char NBSP = '\u00A0';
  private static final char NARROW_NBSP = '\u202F';

  /** How far before a short number a phone word may end, in chars. */
  static final int CONTEXT_WINDOW = 40;

  /** Words that say a number nearby is a phone number (before it). */
  private static final String[] CONTEXT_BEFORE = {
      "call", "phone", "telephone", "tel", "mobile", "cell", "fax", "dial", "ring", "reach", "contact"};

  /** Words right after a number that label it as a phone number ({@code 61 51 81 office}). */
  private static final String[] CONTEXT_AFTER = {"office", "mobile", "cell", "home", "work", "fax", "phone"};

  private final CharSequence text;
  private final int[] groupStart = new int[MAX_RUN_GROUPS];
  private final int[] groupEnd = new int[MAX_RUN_GROUPS];
  /** The separator before each group; 0 where a parenthesis separates. */
  private final char[] sepBefore = new char[MAX_RUN_GROUPS];
  private final boolean[] paren = new boolean[MAX_RUN_GROUPS];
  /** Groups that belong to a segment which is no phone number (see {@link #markSegments}). */
  private final boolean[] veto = new boolean[MAX_RUN_GROUPS];
  private int start;
  private int count;
  private boolean plus;
  private boolean overflow;

  PhoneRun(CharSequence text) {
    this.text = text;
  }

  /** Reads the run at {@code s}; returns its end, or -1 when no group starts there. */
  int parse(int s) {
    int n = text.length();
    start = s;
    count = 0;
    overflow = false;
    plus = text.charAt(s) == '+';
    int p = plus ? s + 1 : s;
    if (plus && (p >= n || !WordBoundaries.isDigit(text.charAt(p)))) {
      return -1;
    }
    char sep = 0;
    int end = -1;
    while (true) {
      int groupEndPos = group(p, sep);
      if (groupEndPos < 0) {
        break;
      }
      end = groupEndPos;
      if (end >= n) {
        break;
      }
      char c = text.charAt(end);
      boolean afterParen = paren[Math.min(count, MAX_RUN_GROUPS) - 1];
      if (afterParen && WordBoundaries.isDigit(c)) {
        sep = 0;
        p = end;
      } else if (isSeparator(c) && end + 1 < n && (WordBoundaries.isDigit(text.charAt(end + 1))
          || (c == ' ' && text.charAt(end + 1) == '(' && !afterParen))) {
        sep = c == NBSP ? ' ' : c;
        p = end + 1;
      } else {
        break;
      }
    }
    return count == 0 ? -1 : end;
  }

  /** Records the group at {@code p} (digits, or digits in parentheses); returns its end or -1. */
  private int group(int p, char sep) {
    int n = text.length();
    boolean inParen = p < n && text.charAt(p) == '(';
    int d0 = inParen ? p + 1 : p;
    int d1 = d0;
    while (d1 < n && WordBoundaries.isDigit(text.charAt(d1))) {
      d1++;
    }
    if (d1 == d0 || (inParen && (d1 >= n || text.charAt(d1) != ')' || d1 - d0 > 5))) {
      return -1;
    }
    if (count < MAX_RUN_GROUPS) {
      groupStart[count] = d0;
      groupEnd[count] = d1;
      sepBefore[count] = sep;
      paren[count] = inParen;
    } else {
      overflow = true;
    }
    count++;
    return inParen ? d1 + 1 : d1;
  }

  /** Whether the run has enough digits for any phone number: a cheap test before the rules. */
  boolean mayHoldAPhone() {
    int digits = 0;
    for (int g = 0; g < count && g < MAX_RUN_GROUPS; g++) {
      digits += groupEnd[g] - groupStart[g];
    }
    return digits >= 6;
  }

  /** Whether the run as a whole is no phone context: glued to a token, money, a house number. */
  boolean vetoed() {
    if (overflow || WordBoundaries.wordBefore(text, start)) {
      return true;
    }
    if (start >= 1) {
      char prev = text.charAt(start - 1);
      char prev2 = start >= 2 ? text.charAt(start - 2) : ' ';
      if ((prev == '.' || prev == ',' || prev == '/' || prev == '-' || prev == '_' || prev == '+')
          && WordBoundaries.wordBefore(text, start - 1)) {
        return true;
      }
      if (prev == ':' && WordBoundaries.isDigit(prev2)) {
        return true;
      }
      if (isCurrency(prev) || (prev == ' ' && isCurrency(prev2))) {
        return true;
      }
      return WordBoundaries.afterUnitWord(text, start);
    }
    return false;
  }

  /**
   * Vetoes every group of a segment (groups of up to six digits joined by one separator char, or
   * one longer group) that is no phone number as a whole: more than 13 digits (a card number or
   * ID; 17 after a {@code +} or {@code 00} at the run start), or a list with two or more years,
   * round numbers or powers of two.
   */
  private void markSegments() {
    Arrays.fill(veto, 0, count, false);
    int s = 0;
    while (s < count) {
      int e = s;
      while (e + 1 < count && !paren[e] && !paren[e + 1] && len(e) < 7 && len(e + 1) < 7
          && (e == s || sepBefore[e + 1] == sepBefore[s + 1])) {
        e++;
      }
      int digits = 0;
      int listy = 0;
      for (int g = s; g <= e; g++) {
        digits += len(g);
        listy += listy(g) ? 1 : 0;
      }
      boolean international = s == 0 && (plus || startsInternational(0));
      if (digits > (international ? 17 : 13) || listy >= 2) {
        Arrays.fill(veto, s, e + 1, true);
      }
      s = e > s ? e : s + 1;
    }
  }

  /** A year (1900–2099), a round number or a power of two of three or more digits. */
  private boolean listy(int g) {
    if (len(g) < 3 || text.charAt(groupStart[g]) == '0') {
      return false;
    }
    int v = value(g);
    return (len(g) == 4 && v >= 1900 && v <= 2099) || v % 100 == 0 || (v >= 128 && (v & (v - 1)) == 0);
  }

  /** Reports every phone number in the run, the longest reading from each possible start. */
  void emit(List<Span> out) {
    markSegments();
    int a = 0;
    while (a < count) {
      int found = -1;
      for (int b = Math.min(count - 1, a + MAX_PHONE_GROUPS - 1); b >= a && found < 0; b--) {
        int end = validEnd(a, b);
        if (end > 0) {
          out.add(new Span(PhoneRecognizer.TYPE, startOf(a), end));
          found = b;
        }
      }
      a = found >= 0 ? found + 1 : a + 1;
      while (a < count && sepBefore[a] != ' ') {
        a++;
      }
    }
  }

  private int startOf(int a) {
    if (a == 0 && plus) {
      return start;
    }
    return paren[a] ? groupStart[a] - 1 : groupStart[a];
  }

  private int endOf(int b) {
    return paren[b] ? groupEnd[b] + 1 : groupEnd[b];
  }

  private int len(int g) {
    return groupEnd[g] - groupStart[g];
  }

  private int value(int g) {
    int v = 0;
    for (int i = groupStart[g]; i < groupEnd[g] && i < groupStart[g] + 9; i++) {
      v = v * 10 + (text.charAt(i) - '0');
    }
    return v;
  }

  private boolean startsInternational(int g) {
    int s = groupStart[g];
    return len(g) >= 2 && text.charAt(s) == '0' && text.charAt(s + 1) == '0'
        || len(g) >= 3 && text.charAt(s) == '0' && text.charAt(s + 1) == '1' && text.charAt(s + 2) == '1';
  }

  /** The end of groups {@code a..b} read as one phone number (with extension), or -1. */
  private int validEnd(int a, int b) {
    boolean intl = a == 0 && plus;
    boolean exitCode = !intl && startsInternational(a);
    int digits = 0;
    for (int g = a; g <= b; g++) {
      if (veto[g]) {
        return -1;
      }
      digits += len(g);
    }
    if (intl ? digits < 8 || digits > 15 : exitCode ? digits < 10 || digits > 17 : digits < 6 || digits > 13) {
      return -1;
    }
    boolean context = !intl && !exitCode && (digits == 6 || shortPair(a, b)) && hasContext(a, b);
    if (digits == 6 && !(context && pairs(a, b))) {
      return -1;
    }
    if (shortPair(a, b) && !context) {
      return -1;
    }
    if (intl && text.charAt(groupStart[a]) == '0') {
      return -1;
    }
    char main = mainSeparator(a, b, intl);
    if (main == 1 || !groupingPlausible(a, b, intl, main)) {
      return -1;
    }
    if (a == b && !intl && !exitCode && !bareNational(a)) {
      return -1;
    }
    if (!intl && (looksLikeDate(a, b) || looksLikeSomethingElse(a, b, main))) {
      return -1;
    }
    if (b < count - 1) {
      return sepBefore[b + 1] == ' ' ? endOf(b) : -1;
    }
    int end = endOf(b);
    int withExtension = extensionEnd(end);
    if (withExtension > 0) {
      end = withExtension;
    }
    return endsCleanly(end) ? end : -1;
  }

  /** Three two-digit groups, one separator: the six-digit local form ({@code 33 93 31}). */
  private boolean pairs(int a, int b) {
    return b == a + 2 && len(a) == 2 && len(a + 1) == 2 && len(b) == 2 && !paren[a] && sepBefore[a + 1] == sepBefore[b];
  }

  /**
   * Two groups, the first of one or two digits, the second of four or five: without context more
   * often a house number and a postcode ({@code 13 70486}) than a phone number.
   */
  private boolean shortPair(int a, int b) {
    return b == a + 1 && len(a) <= 2 && len(b) >= 4 && len(b) <= 5 && !paren[a];
  }

  /** A phone word ends shortly before groups {@code a..b}, or labels them right after. */
  private boolean hasContext(int a, int b) {
    int s = startOf(a);
    if (WordBoundaries.anyWordEndsIn(text, s - CONTEXT_WINDOW, s, CONTEXT_BEFORE)) {
      return true;
    }
    int e = endOf(b);
    return WordBoundaries.anyWordStartsIn(text, e + 1, e + 3, CONTEXT_AFTER);
  }

  /** The one separator used between plain groups; 0 if none is needed; 1 if they disagree. */
  private char mainSeparator(int a, int b, boolean intl) {
    char main = 0;
    for (int g = a + 1; g <= b; g++) {
      char sep = sepBefore[g];
      boolean free = g == a + 1 && (intl || sep == ' ') || paren[g - 1] || paren[g];
      if (free) {
        if (sep != 0 && sep != ' ' && sep != '-') {
          return 1;
        }
        continue;
      }
      if (main == 0) {
        main = sep;
      } else if (main != sep) {
        return 1;
      }
    }
    if (main == '/' && (b != a + 1 || intl)) {
      return 1;
    }
    return main;
  }

  private boolean groupingPlausible(int a, int b, boolean intl, char main) {
    int singles = 0;
    for (int g = a; g <= b; g++) {
      if (paren[g] && g != a && !(intl && g == a + 1)) {
        return false;
      }
      boolean countryCode = intl && g == a;
      if (len(g) == 1 && !countryCode && !(paren[g] && text.charAt(groupStart[g]) == '0')) {
        singles++;
      }
      if (main == '.' && len(g) < 2 && !countryCode) {
        return false;
      }
    }
    return singles <= 1 && len(b) >= 2 && !paren[b];
  }

  /** A run of digits alone: NANP or Indian mobile (10), Chinese mobile or trunk-0 national (11). */
  private boolean bareNational(int g) {
    int s = groupStart[g];
    char d0 = text.charAt(s);
    char d1 = text.charAt(s + 1);
    if (len(g) == 10) {
      char d3 = text.charAt(s + 3);
      return d0 >= '2' && (d3 >= '2' || d0 >= '6');
    }
    if (len(g) == 11) {
      return (d0 == '1' && d1 >= '3') || (d0 == '0' && d1 != '0');
    }
    return false;
  }

  private boolean looksLikeDate(int a, int b) {
    if (b - a < 2 || paren[a] || sepBefore[a + 1] != sepBefore[a + 2]) {
      return false;
    }
    int l0 = len(a);
    int l1 = len(a + 1);
    int l2 = len(a + 2);
    int v0 = value(a);
    int v1 = value(a + 1);
    int v2 = value(a + 2);
    if (l0 == 4 && l1 <= 2 && l2 <= 2) {
      return DateOfBirthRecognizer.valid(v0, v1, v2);
    }
    if (l0 <= 2 && l1 <= 2 && (l2 == 4 || (l2 == 2 && b == a + 2 && sepBefore[a + 1] != ' '))) {
      int year = l2 == 4 ? v2 : 2000 + v2;
      return DateOfBirthRecognizer.valid(year, v1, v0) || DateOfBirthRecognizer.valid(year, v0, v1);
    }
    return false;
  }

  private boolean looksLikeSomethingElse(int a, int b, char main) {
    int groups = b - a + 1;
    if (groups == 2 && main == '.') {
      // a decimal number: an amount, a measurement, a version ("amount":25609.64)
      return true;
    }
    if (groups == 3 && len(a) == 3 && len(a + 1) == 2 && len(b) == 4 && !paren[a]) {
      return true;
    }
    if (main == '.' && groups == 4) {
      boolean quad = true;
      for (int g = a; g <= b; g++) {
        quad &= len(g) <= 3 && value(g) <= 255;
      }
      if (quad) {
        return true;
      }
    }
    if (groups >= 2 && !paren[a] && len(a) <= 3 && (main == '.' || main == NARROW_NBSP
        || (main == ' ' && len(a) == 1 && text.charAt(groupStart[a]) != '0'))) {
      boolean thousands = true;
      for (int g = a + 1; g <= b; g++) {
        thousands &= len(g) == 3;
      }
      if (thousands) {
        return true;
      }
    }
    if (groups == 2 && main == '-' && len(a) == len(b) && value(a) < value(b)) {
      return true;
    }
    if (groups == 2 && len(a) == 4 && len(b) == 4 && value(a) >= 1900 && value(a) <= 2099) {
      return true;
    }
    return allOneDigit(a, b);
  }

  private boolean allOneDigit(int a, int b) {
    char first = text.charAt(groupStart[a]);
    for (int g = a; g <= b; g++) {
      for (int i = groupStart[g]; i < groupEnd[g]; i++) {
        if (text.charAt(i) != first) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code x123}, {@code  x123}, {@code ext. 123}, {@code extension 123} at {@code p}: its end, or -1. */
  private int extensionEnd(int p) {
    int n = text.length();
    int q = p;
    if (q < n && text.charAt(q) == ' ') {
      q++;
    }
    int word = q;
    while (q < n && q - word < 9 && WordBoundaries.isAsciiLetter(text.charAt(q))) {
      q++;
    }
    int wl = q - word;
    boolean x = wl == 1 && (text.charAt(word) | 0x20) == 'x';
    boolean ext = (wl == 3 && WordBoundaries.wordMatchesAt(text, word, "ext"))
        || (wl == 9 && WordBoundaries.wordMatchesAt(text, word, "extension"));
    if (!x && !ext) {
      return -1;
    }
    if (ext && q < n && text.charAt(q) == '.') {
      q++;
    }
    if (ext && q < n && text.charAt(q) == ' ') {
      q++;
    }
    int d = q;
    while (q < n && q - d < 7 && WordBoundaries.isDigit(text.charAt(q))) {
      q++;
    }
    return q > d && q - d <= 6 ? q : -1;
  }

  private boolean endsCleanly(int end) {
    int n = text.length();
    if (WordBoundaries.wordAt(text, end)) {
      return false;
    }
    if (end >= n) {
      return true;
    }
    char c = text.charAt(end);
    if (c == '%' || isCurrency(c)) {
      return false;
    }
    return !((c == ':' || c == ',' || c == '.') && end + 1 < n && WordBoundaries.isDigit(text.charAt(end + 1)));
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '/' || c == NBSP || c == NARROW_NBSP;
  }

  private static boolean isCurrency(char c) {
    return c == '$' || c == '€' || c == '£' || c == '¥' || c == '₹';
  }
}
