package dev.warden.policies.pii;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds dates of birth: a calendar date that a context word ({@code born}, {@code birth},
 * {@code birthday}, {@code DOB}, {@code date of birth}, {@code geboren}, {@code geb.},
 * {@code Geburtsdatum}, {@code né}/{@code née}, {@code naissance}, {@code nacimiento},
 * {@code nacido}/{@code nacida}, {@code nascita}, {@code 生年月日}, {@code 誕生日}, …) ends at most
 * {@value #CONTEXT_WINDOW} chars before. Any other date is left alone: a date alone is not personal.
 *
 * <p>Date forms, each checked against the calendar (month 1–12, the month's days, 29 February only
 * in leap years), four-digit years 1850–2100:
 * <ul>
 *   <li>numeric day-month-year or month-day-year with {@code /}, {@code .} or {@code -}, two- or
 *       four-digit year ({@code 12.03.1985}, {@code 03/12/85}); valid if either reading is;</li>
 *   <li>numeric year-month-day ({@code 1985-03-12}, {@code 1985/3/12}) and {@code 1985年3月12日};</li>
 *   <li>day, month name, year ({@code 12 March 1985}, {@code 12th of Mar. 1985}, {@code 12. März 1985},
 *       {@code 12 mars 1985}, {@code 12 de marzo de 1985}) and month name, day, year
 *       ({@code March 12, 1985}, {@code Mar 12th 1985}); month names in English, German, French and
 *       Spanish, full or abbreviated, any case.</li>
 * </ul>
 * One context word serves the first date after it and the dates listed right after that one (at
 * most {@value #LIST_GAP} chars apart: {@code born 1985-03-12 and 1990-04-01}), not a later date
 * in the same window ({@code born 1985-03-12, joined 2019-05-01}). The span is the date alone. Stateless and thread-safe; one pass over the digits of the text,
 * a bounded look-back for each date found.
 */
public final class DateOfBirthRecognizer extends AnchoredRecognizer {

  /** The entity type of every span this recognizer reports. */
  public static final String TYPE = "DATE_OF_BIRTH";

  /** How far before a date a context word may end, in chars. */
  static final int CONTEXT_WINDOW = 40;

  private static final String[] CONTEXT = {
      "born", "birth", "birthday", "birthdate", "dob", "d.o.b", "geboren", "geb", "geburtsdatum", "geburtstag",
      "né", "née", "naissance", "nacimiento", "nacido", "nacida", "nascita", "生年月日", "誕生日", "生まれ"};
  /** The most chars between two dates of one list ({@code , }, {@code  and }, {@code  / }). */
  private static final int LIST_GAP = 6;

  /** Month names, lower case, each followed by its number; abbreviations match as prefixes of 3+. */
  private static final String[] MONTHS = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december",
      "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
      "november", "dezember",
      "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
      "novembre", "décembre",
      "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
      "noviembre", "diciembre"};
  /** For each ASCII letter, the indices into {@link #MONTHS} of the names it starts, in order. */
  private static final int[][] MONTHS_BY_INITIAL = new int[26][];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      final char initial = c;
      MONTHS_BY_INITIAL[c - 'a'] = IntStream.range(0, MONTHS.length)
          .filter(k -> MONTHS[k].charAt(0) == initial).toArray();
    }
  }

  @Override
  void find(String text, Anchors anchors, List<Span> out) {
    int n = text.length();
    int floor = 0;
    long[] found = new long[1];
    int i = anchors.nextNumber(0);
    while (i < n) {
      if (date(text, i, floor, found)) {
        int start = (int) (found[0] >>> 32);
        int end = (int) found[0];
        boolean listed = floor > 0 && start - floor <= LIST_GAP;
        int contextFrom = Math.max(floor, start - CONTEXT_WINDOW);
        if (listed || WordBoundaries.anyWordEndsIn(text, contextFrom, start, CONTEXT)) {
          out.add(new Span(TYPE, start, end));
          floor = end;
          i = anchors.nextNumber(end);
          continue;
        }
      }
      i = anchors.nextNumber(i + 1);
    }
  }

  /**
   * Whether a date includes the digit run at {@code s}; if so its start (at or after {@code floor})
   * and end go to {@code found[0]} as {@code start << 32 | end}.
   */
  private static boolean date(CharSequence text, int s, int floor, long[] found) {
    if (WordBoundaries.wordBefore(text, s)
        || (s >= 2 && ".-/,:".indexOf(text.charAt(s - 1)) >= 0 && WordBoundaries.isDigit(text.charAt(s - 2)))) {
      return false;
    }
    int r = digitsEnd(text, s);
    int end = -1;
    int start = s;
    if (r - s == 4) {
      end = yearFirst(text, s, r);
    } else if (r - s <= 2) {
      end = numericDayFirst(text, s, r);
      if (end < 0) {
        end = dayMonthName(text, s, r);
      }
      if (end < 0) {
        int month = monthNameBefore(text, s, floor);
        if (month >= 0) {
          end = monthNameDay(text, month, s, r);
          start = month;
        }
      }
    }
    if (end < 0 || WordBoundaries.wordAt(text, end) || continuesNumber(text, end)) {
      return false;
    }
    found[0] = ((long) start << 32) | end;
    return true;
  }

  private static boolean continuesNumber(CharSequence text, int end) {
    if (end + 1 >= text.length()) {
      return false;
    }
    char c = text.charAt(end);
    return (c == '.' || c == '-' || c == '/' || c == ',' || c == ':') && WordBoundaries.isDigit(text.charAt(end + 1));
  }

  private static int digitsEnd(CharSequence text, int from) {
    int p = from;
    while (p < text.length() && WordBoundaries.isDigit(text.charAt(p))) {
      p++;
    }
    return p;
  }

  private static int number(CharSequence text, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (text.charAt(i) - '0');
    }
    return v;
  }

  /** {@code yyyy-mm-dd}, {@code yyyy/m/d}, {@code yyyy.mm.dd} or {@code yyyy年m月d日} at {@code s}. */
  private static int yearFirst(CharSequence text, int s, int r) {
    int n = text.length();
    if (r >= n) {
      return -1;
    }
    char sep = text.charAt(r);
    boolean kanji = sep == '年';
    if (!(kanji || sep == '-' || sep == '/' || sep == '.')) {
      return -1;
    }
    int m0 = r + 1;
    int m1 = digitsEnd(text, m0);
    char sep2 = kanji ? '月' : sep;
    if (m1 - m0 < 1 || m1 - m0 > 2 || m1 >= n || text.charAt(m1) != sep2) {
      return -1;
    }
    int d0 = m1 + 1;
    int d1 = digitsEnd(text, d0);
    if (d1 - d0 < 1 || d1 - d0 > 2) {
      return -1;
    }
    if (!valid(number(text, s, r), number(text, m0, m1), number(text, d0, d1))) {
      return -1;
    }
    if (kanji) {
      return d1 < n && text.charAt(d1) == '日' ? d1 + 1 : -1;
    }
    return d1;
  }

  /** {@code dd.mm.yyyy}, {@code mm/dd/yy}, … at {@code s}; valid if either reading is. */
  private static int numericDayFirst(CharSequence text, int s, int r) {
    int n = text.length();
    if (r >= n) {
      return -1;
    }
    char sep = text.charAt(r);
    if (sep != '.' && sep != '/' && sep != '-') {
      return -1;
    }
    int b0 = r + 1;
    int b1 = digitsEnd(text, b0);
    if (b1 - b0 < 1 || b1 - b0 > 2 || b1 >= n || text.charAt(b1) != sep) {
      return -1;
    }
    int y0 = b1 + 1;
    int y1 = digitsEnd(text, y0);
    if (y1 - y0 != 2 && y1 - y0 != 4) {
      return -1;
    }
    int year = y1 - y0 == 2 ? 2000 : number(text, y0, y1);
    int a = number(text, s, r);
    int b = number(text, b0, b1);
    return valid(year, b, a) || valid(year, a, b) ? y1 : -1;
  }

  /** {@code 12 March 1985}, {@code 12th of Mar. 1985}, {@code 12. März 1985}, {@code 12 de marzo de 1985}. */
  private static int dayMonthName(CharSequence text, int s, int r) {
    int p = ordinalEnd(text, r);
    if (p < text.length() && text.charAt(p) == '.') {
      p++;
    }
    if (p >= text.length() || text.charAt(p) != ' ') {
      return -1;
    }
    p++;
    if (WordBoundaries.wordMatchesAt(text, p, "of") || WordBoundaries.wordMatchesAt(text, p, "de")) {
      p += 3;
    }
    int wordEnd = wordEnd(text, p);
    int month = month(text, p, wordEnd);
    if (month < 0) {
      return -1;
    }
    p = wordEnd;
    if (p < text.length() && (text.charAt(p) == '.' || text.charAt(p) == ',')) {
      p++;
    }
    if (p >= text.length() || text.charAt(p) != ' ') {
      return -1;
    }
    p++;
    if (WordBoundaries.wordMatchesAt(text, p, "de")) {
      p += 3;
    }
    int y1 = digitsEnd(text, p);
    if (y1 - p != 4 || !valid(number(text, p, y1), month, number(text, s, r))) {
      return -1;
    }
    return y1;
  }

  /** {@code March 12, 1985} with the month name starting at {@code m} and the day at {@code s}. */
  private static int monthNameDay(CharSequence text, int m, int s, int r) {
    int month = month(text, m, wordEnd(text, m));
    int p = ordinalEnd(text, r);
    if (p < text.length() && text.charAt(p) == ',') {
      p++;
    }
    if (p >= text.length() || text.charAt(p) != ' ') {
      return -1;
    }
    p++;
    int y1 = digitsEnd(text, p);
    if (y1 - p != 4 || !valid(number(text, p, y1), month, number(text, s, r))) {
      return -1;
    }
    return y1;
  }

  /** The start of a month name that ends with one space (and maybe a dot) before {@code s}, or -1. */
  private static int monthNameBefore(CharSequence text, int s, int floor) {
    int p = s - 1;
    if (p <= floor || text.charAt(p) != ' ') {
      return -1;
    }
    if (text.charAt(p - 1) == '.') {
      p--;
    }
    int end = p;
    while (p > floor && end - p < 10 && isLetter(text.charAt(p - 1))) {
      p--;
    }
    if (p == end || WordBoundaries.wordBefore(text, p) || month(text, p, end) < 0) {
      return -1;
    }
    return p;
  }

  private static int ordinalEnd(CharSequence text, int r) {
    if (r + 2 <= text.length() && !WordBoundaries.wordAt(text, r + 2)) {
      char a = (char) (text.charAt(r) | 0x20);
      char b = (char) (text.charAt(r + 1) | 0x20);
      if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h')) {
        return r + 2;
      }
    }
    return r;
  }

  private static int wordEnd(CharSequence text, int from) {
    int p = from;
    while (p < text.length() && p - from < 10 && isLetter(text.charAt(p))) {
      p++;
    }
    return p;
  }

  /** {@link Character#isLetter(char)}, without its table lookup for ASCII. */
  private static boolean isLetter(char c) {
    return c < 0x80 ? WordBoundaries.isAsciiLetter(c) : Character.isLetter(c);
  }

  /** The month (1–12) named by {@code [from, to)}: a full name, or a prefix of 3+ letters; or -1. */
  static int month(CharSequence text, int from, int to) {
    int len = to - from;
    int initial = len < 3 ? -1 : (text.charAt(from) | 0x20) - 'a';
    if (initial < 0 || initial >= 26 || WordBoundaries.wordAt(text, to)) {
      return -1;
    }
    for (int k : MONTHS_BY_INITIAL[initial]) {
      String name = MONTHS[k];
      if (len > name.length() || (len < name.length() && len > 4)) {
        continue;
      }
      boolean same = true;
      for (int j = 0; j < len && same; j++) {
        same = WordBoundaries.toLowerCase(text.charAt(from + j)) == name.charAt(j);
      }
      if (same) {
        return k % 12 + 1;
      }
    }
    return -1;
  }

  static boolean valid(int year, int month, int day) {
    if (year < 1850 || year > 2100 || month < 1 || month > 12 || day < 1) {
      return false;
    }
    int days = switch (month) {
      case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
    return day <= days;
  }
}
