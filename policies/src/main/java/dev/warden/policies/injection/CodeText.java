package dev.warden.policies.injection;

/**
 * Whether a text is source code, markup or preformatted text rather than prose: three lines or
 * more, and at least 5 % of its chars brackets, operators and the like; or five lines or more,
 * most of them indented (a man page, a log, a pasted listing). The learned model is trained on
 * prompts and scores such text as it scores token soup or attacks; one-line soup (an optimised
 * adversarial suffix glued to a request) is not code.
 */
final class CodeText {

  static final int MIN_LINES = 3;
  static final double MIN_SHARE = 0.05;
  static final int MIN_INDENTED_LINES = 5;
  static final double INDENTED_SHARE = 0.6;
  static final String MARK_CHARS = "{}()[];=<>|&*/\\_#$^~`+@";
  private static final boolean[] MARKS = new boolean[128];

  static {
    for (char c : MARK_CHARS.toCharArray()) {
      MARKS[c] = true;
    }
  }

  private CodeText() {}

  static boolean is(String s) {
    int first = s.indexOf('\n');
    if (first < 0 || s.indexOf('\n', first + 1) < 0) {
      return false; // one or two lines: most prompts stop here, in two intrinsic searches
    }
    int marks = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      marks += c < 0x80 && MARKS[c] ? 1 : 0;
    }
    return marks >= MIN_SHARE * s.length() || indented(s);
  }

  /** Five non-blank lines or more, and at least 60 % of them indented by a tab or four spaces. */
  private static boolean indented(String s) {
    int lines = 0;
    int indented = 0;
    int n = s.length();
    for (int start = 0; start < n; ) {
      int p = start;
      while (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\t' || s.charAt(p) == '\r')) {
        p++;
      }
      if (p < n && s.charAt(p) != '\n') { // a line with text
        lines++;
        indented += p - start >= 4 || s.charAt(start) == '\t' ? 1 : 0;
      }
      int end = s.indexOf('\n', p);
      start = end < 0 ? n : end + 1;
    }
    return lines >= MIN_INDENTED_LINES && indented >= INDENTED_SHARE * lines;
  }
}
