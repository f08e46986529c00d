package dev.warden.policies.injection.signals;

import java.util.Locale;

/**
 * Optimised adversarial suffixes: the token soup that gradient or random search (GCG, DSN and the
 * like) appends to a request so that a model starts its answer with "Sure, here is". Such a suffix
 * is no language and no code: fragments of words glued to brackets and symbols ({@code
 * papers?_{\ActivityThread}), camel-cased mash-ups ({@code shortlyPlease}), punctuation stuck
 * between words ({@code Sure,\}), and brackets that close with the wrong type or never close.
 *
 * <p>Only the end of the text is read: the last {@value #WINDOW} whitespace-separated tokens of
 * its last non-empty line (at most {@value #MAX_CHARS} chars back), so the cost does not grow
 * with the text. Each odd token counts one, and so does each bracket that closes nothing or is
 * never closed, and a {@code "} left open on the line (for that, the whole line up to {@value
 * #MAX_CHARS} chars back is read); a bracket closed by the wrong type ({@code (…]}) counts two,
 * since code and prose almost never do that. What is not odd: words, numbers, hashtags, prices,
 * URLs, e-mail addresses, {@code snake_case} names, brand names ({@code iPhone}, {@code
 * YouTube}), LaTeX commands ({@code \begin{align}}), placeholders ({@code {name}}, {@code
 * [topic]}), list markers ({@code a)}), smileys, a token in Markdown emphasis ({@code **http**}),
 * Markdown's escaped brackets ({@code \[#123\]}), and anything inside {@code `code`} or {@code
 * $math$} spans, which count as one word. A window with two or more quoted keys ({@code "id":}) is JSON or a dict,
 * perhaps cut off, and counts 0. A window that counts two or more and holds the answer the
 * search aims for ({@code Sure}, {@code Here is}, glued or not) counts one more. Three is weak
 * evidence (0.3): a pasted snippet can get there; four and up is soup.
 */
final class AdversarialSuffix {

  static final int WINDOW = 16;
  static final int MAX_CHARS = 1024;
  /** The longest {@code `…`} or {@code $…$} span that is masked as code or math. */
  private static final int MAX_SPAN = 80;
  private static final int MAX_DEPTH = 64;
  /** The count from which the signal fires, and its strength from there on. */
  static final int MIN_COUNT = 3;
  private static final double[] STRENGTHS = {0.3, 0.5, 0.7, 0.8, 0.9};
  /** The count from which a "Sure, here is" in the window adds one. */
  private static final int PRIMED_FROM = 2;

  private AdversarialSuffix() {}

  static void check(String s, SignalSet out) {
    int count = count(s);
    if (count >= MIN_COUNT) {
      out.fire(SignalSet.ADVERSARIAL_SUFFIX,
          STRENGTHS[Math.min(count - MIN_COUNT, STRENGTHS.length - 1)]);
    }
  }

  /** Odd tokens plus bracket anomalies in the last {@value #WINDOW} tokens of the last line. */
  static int count(String s) {
    int end = s.length();
    while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    if (end == 0) {
      return 0;
    }
    int from = Math.max(s.lastIndexOf('\n', end - 1) + 1, end - MAX_CHARS);
    char[] line = new char[end - from];
    s.getChars(from, end, line, 0);
    int quotes = maskSpans(line);
    int[] starts = new int[WINDOW];
    int[] ends = new int[WINDOW];
    int tokens = 0;
    int p = line.length;
    while (tokens < WINDOW) {
      while (p > 0 && Character.isWhitespace(line[p - 1])) {
        p--;
      }
      if (p == 0) {
        break;
      }
      int q = p;
      while (q > 0 && !Character.isWhitespace(line[q - 1])) {
        q--;
      }
      starts[tokens] = q;
      ends[tokens] = p;
      tokens++;
      p = q;
    }
    if (tokens > 0 && keys(line, starts[tokens - 1], line.length) >= 2) {
      return 0; // "key": value pairs: JSON or a dict, cut off or pasted, not soup
    }
    int count = 0;
    char[] stack = new char[MAX_DEPTH];
    int depth = 0;
    for (int t = tokens - 1; t >= 0; t--) {
      int a = starts[t];
      int b = ends[t];
      if (odd(line, a, b)) {
        count++;
      }
      if (listMarker(line, a, b) || smiley(line, a, b)) {
        continue;
      }
      for (int i = a; i < b; i++) {
        char c = line[i];
        if (c == '(' || c == '[' || c == '{') {
          if (depth < MAX_DEPTH) {
            stack[depth++] = c;
          } else {
            count++;
          }
        } else if (c == ')' || c == ']' || c == '}') {
          if (depth == 0) {
            count++;
          } else if (stack[--depth] != opener(c)) {
            count += 2;
          }
        }
      }
    }
    count += depth + quotes % 2;
    // the search's target leaking into the soup: it optimises for an answer opening "Sure, here
    // is"; only a window that is soup already counts it, since prose ends with "Sure!" too
    return count >= PRIMED_FROM && primed(line, starts, ends, tokens) ? count + 1 : count;
  }

  /**
   * Whether a token of the window opens the answer the search aims for: {@code Sure} (capital
   * S, also glued: {@code Sureors}) or {@code Here is} ({@code Hereis}, {@code Here !is}).
   */
  private static boolean primed(char[] line, int[] starts, int[] ends, int tokens) {
    for (int t = 0; t < tokens; t++) {
      String word = letters(line, starts[t], ends[t]);
      if (word.startsWith("Sure") || word.startsWith("Hereis") || word.startsWith("HereIs")) {
        return true;
      }
      if (word.equals("Here") && t > 0
          && letters(line, starts[t - 1], ends[t - 1]).toLowerCase(Locale.ROOT).startsWith("is")) {
        return true; // tokens are kept last first: t - 1 is the next one
      }
    }
    return false;
  }

  /** The letters of {@code line[from, to)}, other chars left out. */
  private static String letters(char[] line, int from, int to) {
    StringBuilder word = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      if (Character.isLetter(line[i])) {
        word.append(line[i]);
      }
    }
    return word.toString();
  }

  /** How many {@code ":} or {@code ':} (a quoted key and its colon) are in {@code line[from, to)}. */
  private static int keys(char[] line, int from, int to) {
    int keys = 0;
    for (int i = from; i + 1 < to; i++) {
      if ((line[i] == '"' || line[i] == '\'') && line[i + 1] == ':') {
        keys++;
      }
    }
    return keys;
  }

  /**
   * Blanks {@code `code`} and {@code $math$} spans of at most {@link #MAX_SPAN} chars, and returns
   * how many {@code "} are left: prose closes what it opens, soup leaves one open.
   */
  private static int maskSpans(char[] line) {
    int quotes = 0;
    for (int i = 0; i < line.length; i++) {
      char c = line[i];
      if (c != '`' && c != '$') {
        quotes += c == '"' ? 1 : 0;
        continue;
      }
      int limit = Math.min(line.length, i + MAX_SPAN + 2);
      for (int j = i + 1; j < limit; j++) {
        if (line[j] == c) {
          for (int k = i; k <= j; k++) {
            line[k] = 'x'; // a word of its own, so the token around it stays whole: [`a1b2`](url)
          }
          i = j;
          break;
        }
      }
    }
    return quotes;
  }

  static boolean odd(char[] c, int from, int to) {
    if (to - from >= 2 && (c[from] == '!' || c[from] == '?') && Character.isLetter(c[from + 1])) {
      return true; // !Using, ?Here: prose ends words with these, never starts them
    }
    while (from < to && isEdgePunctuation(c[from])) {
      from++;
    }
    while (to > from && isEdgePunctuation(c[to - 1])) {
      to--;
    }
    // Markdown emphasis around a token is prose: **http**, _note_, **(SEMVER-MINOR)**
    int marks = 0;
    while (marks < 3 && to - from > 2 * marks + 2 && isEmphasis(c[from + marks])
        && c[from + marks] == c[from] && c[to - 1 - marks] == c[from]) {
      marks++;
    }
    from += marks;
    to -= marks;
    int n = to - from;
    if (n == 0 || plainWord(c, from, to) || hashtag(c, from, to) || price(c, from, to)
        || placeholder(c, from, to) || url(c, from, to) || email(c, from, to) || brand(c, from, to) || latex(c, from, to)) {
      return false;
    }
    int letters = 0;
    int symbols = 0;
    int squares = 0;
    int curlies = 0;
    int angles = 0;
    boolean identifier = true;
    boolean backslash = false;
    for (int i = from; i < to; i++) {
      char ch = c[i];
      if (Character.isLetter(ch)) {
        letters++;
      } else if (ch != '_' && !Character.isDigit(ch)) {
        identifier = false;
      }
      switch (ch) {
        case '[' -> squares++;
        case ']' -> squares--;
        case '{' -> curlies++;
        case '}' -> curlies--;
        case '<' -> angles++;
        case '>' -> angles--;
        case '\\' -> {
          if (i + 1 >= to || c[i + 1] != '[' && c[i + 1] != ']') {
            backslash = true; // not Markdown's escaped bracket: \[#123\]
            symbols++;
          }
        }
        default -> symbols += isSymbol(ch) ? 1 : 0;
      }
    }
    // an unpaired bracket opening or closing the token is prose ("[citation needed]", "<div"), and
    // the bracket pass counts it; brackets paired inside the token are code or markup (a[i],
    // <b>x</b>); the others are soup
    switch (c[from]) {
      case '[' -> squares -= squares > 0 ? 1 : 0;
      case '{' -> curlies -= curlies > 0 ? 1 : 0;
      case '<' -> angles -= angles > 0 ? 1 : 0;
      default -> { }
    }
    switch (c[to - 1]) {
      case ']' -> squares += squares < 0 ? 1 : 0;
      case '}' -> curlies += curlies < 0 ? 1 : 0;
      case '>' -> angles += angles < 0 ? 1 : 0;
      default -> { }
    }
    symbols += Math.abs(squares) + Math.abs(curlies) + Math.abs(angles);
    if (!identifier && (symbols > 0 && letters > 0 || symbols >= 2 || backslash)) {
      return true;
    }
    for (int i = from; i + 1 < to; i++) {
      if (Character.isLowerCase(c[i]) && Character.isUpperCase(c[i + 1])) {
        return true; // camel-cased mash-up: shortlyPlease
      }
      if (i + 3 < to && Character.isUpperCase(c[i]) && Character.isUpperCase(c[i + 1])
          && Character.isLowerCase(c[i + 2]) && Character.isLowerCase(c[i + 3])) {
        return true; // capitals run into a word: DEBUGdev (but APIs, PDFs are plurals)
      }
      if (Character.isLetter(c[i]) && isGlue(c[i + 1])) {
        int j = i + 1;
        while (j < to && isGlue(c[j])) {
          j++;
        }
        boolean dotted = c[i + 1] == '.' && j == i + 2;
        if (j < to && !dotted && (Character.isLetter(c[j]) || "([{\"\\".indexOf(c[j]) >= 0)) {
          return true; // punctuation between words: Sure,\ or Introduction.",FALSE
        }
      }
    }
    return false;
  }

  /** A word of ASCII letters, lower case after the first: most tokens, and never odd. */
  private static boolean plainWord(char[] c, int from, int to) {
    if ((c[from] | 0x20) < 'a' || (c[from] | 0x20) > 'z') {
      return false;
    }
    for (int i = from + 1; i < to; i++) {
      if (c[i] < 'a' || c[i] > 'z') {
        return false;
      }
    }
    return true;
  }

  /** Symbols, other than brackets, that prose rarely puts next to letters. */
  private static boolean isSymbol(char c) {
    return switch (c) {
      case '|', '^', '~', '$', '=', '`', '*', '@', '%' -> true;
      default -> false;
    };
  }

  private static boolean isEmphasis(char c) {
    return c == '*' || c == '_';
  }

  private static boolean isEdgePunctuation(char c) {
    return ".,;:!?\"'".indexOf(c) >= 0;
  }

  private static boolean isGlue(char c) {
    return ".,;:!?)\"".indexOf(c) >= 0;
  }

  private static char opener(char closer) {
    return closer == ')' ? '(' : closer == ']' ? '[' : '{';
  }

  /** {@code #tag}. */
  private static boolean hashtag(char[] c, int from, int to) {
    if (to - from < 2 || c[from] != '#') {
      return false;
    }
    for (int i = from + 1; i < to; i++) {
      if (!Character.isLetterOrDigit(c[i]) && c[i] != '_') {
        return false;
      }
    }
    return true;
  }

  /** {@code $45}, {@code $1,200.50}, {@code $3k}. */
  private static boolean price(char[] c, int from, int to) {
    if (to - from < 2 || c[from] != '$' || !Character.isDigit(c[from + 1])) {
      return false;
    }
    for (int i = from + 2; i < to; i++) {
      char ch = c[i];
      if (!Character.isDigit(ch) && ch != '.' && ch != ',' && !(i == to - 1 && "kKmMbB".indexOf(ch) >= 0)) {
        return false;
      }
    }
    return true;
  }

  /** {@code {name}}, {@code [topic]}, {@code (s)}, {@code <product-name>}. */
  private static boolean placeholder(char[] c, int from, int to) {
    if (to - from < 3) {
      return false;
    }
    char open = c[from];
    char close = c[to - 1];
    boolean pair = open == '(' && close == ')' || open == '[' && close == ']'
        || open == '{' && close == '}' || open == '<' && close == '>';
    if (!pair || !Character.isLetter(c[from + 1])) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      if (!Character.isLetterOrDigit(c[i]) && c[i] != '_' && c[i] != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean url(char[] c, int from, int to) {
    String token = new String(c, from, Math.min(to - from, 12));
    return token.contains("://") || token.startsWith("www.");
  }

  /** {@code name@example.com}: one {@code @} between letters, a dot after it. */
  private static boolean email(char[] c, int from, int to) {
    int at = -1;
    boolean dotAfter = false;
    for (int i = from; i < to; i++) {
      char ch = c[i];
      if (ch == '@') {
        if (at >= 0) {
          return false;
        }
        at = i;
      } else if (ch == '.' && at >= 0) {
        dotAfter = true;
      } else if (!Character.isLetterOrDigit(ch) && "_%+-".indexOf(ch) < 0) {
        return false;
      }
    }
    return at > from && at < to - 1 && dotAfter;
  }

  /**
   * A product name: {@code iPhone}, {@code MacBook}, {@code YouTube}, {@code JavaScript}, {@code
   * ChatGPT}, {@code OpenAI}, {@code VSCode}, {@code macOS}. A head (a capitalised word of at most
   * six letters, an acronym of two or three capitals, or one lower-case letter), then one or two
   * capitalised parts of two or more letters, or an acronym of two to four capitals that ends the
   * token (after a lower-case head of up to three letters too: {@code macOS}). Soup glues longer
   * words ({@code shortlyPlease}, {@code HereisanMessage}) or lower-case heads ({@code hereIs}).
   */
  static boolean brand(char[] c, int from, int to) {
    int i = from;
    while (i < to && Character.isLowerCase(c[i])) {
      i++;
    }
    int lower = i - from;
    int part = 0;
    if (lower == 0) {
      int capitals = 0;
      while (i < to && Character.isUpperCase(c[i])) {
        capitals++;
        i++;
      }
      int letters = 0;
      while (i < to && Character.isLowerCase(c[i])) {
        letters++;
        i++;
      }
      boolean word = capitals == 1 && letters >= 1 && letters <= 5;
      boolean acronym = capitals >= 3 && capitals <= 4 && letters >= 2; // VSCode: VS + Code
      if (!word && !acronym) {
        return false;
      }
      part = acronym ? 1 : 0;
    } else if (lower > 3) {
      return false;
    }
    while (i < to) {
      int capitals = 0;
      while (i < to && Character.isUpperCase(c[i])) {
        capitals++;
        i++;
      }
      int letters = 0;
      while (i < to && Character.isLowerCase(c[i])) {
        letters++;
        i++;
      }
      boolean word = capitals == 1 && letters >= 2 && lower <= 1;
      boolean tail = letters == 0 && capitals >= 2 && capitals <= 4 && i == to;
      if (!word && !tail || ++part > 2) {
        return false;
      }
    }
    return part >= 1;
  }

  /** {@code \begin{align}}, {@code \frac{a}{b}}, {@code \alpha}: a LaTeX command outside {@code $…$}. */
  private static boolean latex(char[] c, int from, int to) {
    if (to - from < 2 || c[from] != '\\' || !Character.isLetter(c[from + 1])) {
      return false;
    }
    int i = from + 1;
    while (i < to && Character.isLetter(c[i])) {
      i++;
    }
    while (i < to && c[i] == '{') {
      int close = i + 1;
      while (close < to && Character.isLetterOrDigit(c[close])) {
        close++;
      }
      if (close >= to || c[close] != '}') {
        return false;
      }
      i = close + 1;
    }
    return i == to && c[to - 1] == '}';
  }

  /** {@code 1)}, {@code b)}, {@code iv.}: an item of an inline list. */
  private static boolean listMarker(char[] c, int from, int to) {
    int n = to - from;
    if (n < 2 || n > 3 || c[to - 1] != ')') {
      return false;
    }
    for (int i = from; i < to - 1; i++) {
      if (!Character.isLetterOrDigit(c[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@code :)}, {@code ;-(}, {@code :-]}, {@code =)}. */
  private static boolean smiley(char[] c, int from, int to) {
    int n = to - from;
    if (n < 2 || n > 4 || ":;=8".indexOf(c[from]) < 0) {
      return false;
    }
    for (int i = from + 1; i < to; i++) {
      if ("-'^oO)(][}{|/\\pPDd*3".indexOf(c[i]) < 0) {
        return false;
      }
    }
    return true;
  }
}
